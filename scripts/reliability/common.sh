# Shared by crash.sh and soak.sh: build once, start a throw-away PostgreSQL when none is given,
# run the filtered tests on each provider, print the figures the tests reported.
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
REPORT=$(mktemp /tmp/metropoli-reliability.XXXXXX)
export METROPOLI_RELIABILITY_REPORT="$REPORT"
PG_TMP="" PG_BIN=""
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
    if [ -n "$PG_TMP" ]; then as_pg "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m immediate -w stop >/dev/null 2>&1 || true; rm -rf "$PG_TMP"; fi
    rm -f "$REPORT"
}
trap cleanup EXIT
start_pg() {
    if [ -n "${METROPOLI_TEST_PG:-}" ]; then return; fi
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -x "$PG_BIN/initdb" ] || { echo "no PostgreSQL (apt-get install postgresql) and no METROPOLI_TEST_PG" >&2; exit 1; }
    PG_TMP=$(mktemp -d /tmp/metropoli-pg.XXXXXX)
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$PG_TMP"; fi # initdb refuses root: the cluster belongs to postgres
    as_pg "$PG_BIN/initdb" -D "$PG_TMP/data" -A trust -U postgres -E UTF8 --no-locale >/dev/null
    local port=56432
    while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
    # Unlike test.sh, fsync stays on: this cluster holds the data whose durability is measured.
    as_pg "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_TMP -c max_connections=200" start >/dev/null
    export METROPOLI_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres"
}
run_all() {
    if [ "$BUILD" -eq 1 ]; then dotnet build Metropoli.slnx -c Release -nologo -v minimal; fi
    local rc=0
    if [ "$RUN_SQLITE" -eq 1 ]; then
        METROPOLI_TEST_PROVIDER=Sqlite dotnet test tests/Metropoli.Tests --no-build -c Release --filter "$FILTER" || rc=1
    fi
    if [ "$RUN_PG" -eq 1 ]; then
        start_pg
        METROPOLI_TEST_PROVIDER=Postgres dotnet test tests/Metropoli.Tests --no-build -c Release --filter "$FILTER" || rc=1
    fi
    echo; echo "==================== figures ===================="; cat "$REPORT"
    exit "$rc"
}
