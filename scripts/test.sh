#!/usr/bin/env bash
# The one test command: builds once, then runs
#   (0) tests/Metropoli.ArchitectureTests (module boundaries),
#   (a) tests/Metropoli.Tests on SQLite (all but the classes marked [Trait("Database", "Postgres")]),
#   (b) tests/Metropoli.Tests on a throw-away PostgreSQL cluster (loopback, temp folder): the classes
#       marked Database=Both or Database=Postgres (docs/adr/0024-ci-budget.md says which and why),
#   (c) tests/Metropoli.BrowserTests (Playwright + axe-core on Debian's Chromium, real Kestrel),
#   publiccode.yml checked against docs/publiccode/publiccode.schema.json (ajv-cli),
#   (d) the benchmark smoke (bench/run --smoke: tiny scale, SQLite, about a minute),
# and ends with a table of each stage's time and one line "N passed, M failed" over all runs.
#
# Usage: bash scripts/test.sh [--no-pg] [--no-browser] [--no-bench]
# As root it installs what is missing (chromium, postgresql, wrk, jq) with apt-get; otherwise it says what to install.
# Results (.trx) go to TestResults/ at the repository root.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"

RUN_PG=1
RUN_BROWSER=1
RUN_BENCH=1
for arg in "$@"; do
    case "$arg" in
        --no-pg) RUN_PG=0 ;;
        --no-browser) RUN_BROWSER=0 ;;
        --no-bench) RUN_BENCH=0 ;;
        -h|--help)
            sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
            exit 0 ;;
        *) echo "test.sh: unknown option '$arg' (use --no-pg, --no-browser, --no-bench)" >&2; exit 2 ;;
    esac
done

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Browsers cannot be downloaded here: the browser tests use Debian's /usr/bin/chromium.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

IS_ROOT=0
[ "$(id -u)" -eq 0 ] && IS_ROOT=1

log() { printf '\n==> %s\n' "$*"; }

# Each stage's name and wall time in seconds, for the table at the end.
STAGE_NAMES=()
STAGE_SECONDS=()
stage_done() { # name start-seconds
    STAGE_NAMES+=("$1")
    STAGE_SECONDS+=($((SECONDS - $2)))
}

# ---------------------------------------------------------------- prerequisites
APT_UPDATED=0
apt_install() {
    if [ "$APT_UPDATED" -eq 0 ]; then
        DEBIAN_FRONTEND=noninteractive apt-get update -q
        APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"
}

find_pg_bin() {
    local dir
    # Debian keeps the server binaries out of PATH, one folder per major version: take the newest.
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
        echo "$dir"
    elif command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(command -v initdb)"
    fi
}

MISSING=()
if [ "$RUN_BROWSER" -eq 1 ] && [ ! -x /usr/bin/chromium ]; then
    if [ "$IS_ROOT" -eq 1 ]; then
        log "Installing chromium (Debian) for the browser tests"
        apt_install chromium
    else
        MISSING+=("chromium")
    fi
fi
if [ "$RUN_BENCH" -eq 1 ] && ! command -v wrk >/dev/null 2>&1; then
    if [ "$IS_ROOT" -eq 1 ]; then
        log "Installing wrk and jq (Debian) for the benchmark smoke"
        apt_install wrk jq
    else
        MISSING+=("wrk" "jq")
    fi
fi
PG_BIN=""
if [ "$RUN_PG" -eq 1 ]; then
    PG_BIN=$(find_pg_bin)
    if [ -z "$PG_BIN" ]; then
        if [ "$IS_ROOT" -eq 1 ]; then
            log "Installing postgresql (Debian) for the PostgreSQL run"
            apt_install postgresql
            PG_BIN=$(find_pg_bin)
            [ -n "$PG_BIN" ] || { echo "test.sh: postgresql installed but initdb/pg_ctl not found" >&2; exit 1; }
        else
            MISSING+=("postgresql")
        fi
    fi
fi
if [ "${#MISSING[@]}" -gt 0 ]; then
    echo "test.sh: missing: ${MISSING[*]}" >&2
    echo "  install them as root:  apt-get update && apt-get install -y ${MISSING[*]}" >&2
    echo "  or skip those runs:    bash scripts/test.sh$([ "$RUN_PG" -eq 1 ] && [ -z "$PG_BIN" ] && echo ' --no-pg')$([ "$RUN_BROWSER" -eq 1 ] && [ ! -x /usr/bin/chromium ] && echo ' --no-browser')" >&2
    exit 1
fi
for tool in dotnet npm; do
    command -v "$tool" >/dev/null 2>&1 || { echo "test.sh: '$tool' is not on PATH" >&2; exit 1; }
done

# ---------------------------------------------------------------- cleanup on any exit
PG_TMP=""
PG_STARTED=0
as_pg() {
    if [ "$IS_ROOT" -eq 1 ]; then
        if command -v runuser >/dev/null 2>&1; then
            runuser -u postgres -- "$@"
        else
            local q
            q=$(printf '%q ' "$@")
            su postgres -s /bin/sh -c "$q"
        fi
    else
        "$@"
    fi
}
cleanup() {
    local rc=$?
    if [ "$PG_STARTED" -eq 1 ]; then
        as_pg "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    if [ -n "$PG_TMP" ]; then
        rm -rf "$PG_TMP"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- restore and build once
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    log "npm ci"
    NPM_START=$SECONDS
    npm ci --no-audit --no-fund
    stage_done "npm ci" "$NPM_START"
fi

RESULTS="$ROOT/TestResults"
mkdir -p "$RESULTS"
rm -f "$RESULTS"/architecture.trx "$RESULTS"/sqlite.trx "$RESULTS"/postgres.trx "$RESULTS"/browser.trx

log "dotnet build Metropoli.slnx -c Release"
BUILD_START=$SECONDS
BUILD_OK=1
dotnet build Metropoli.slnx -c Release -nologo -v minimal || BUILD_OK=0
BUILD_SECONDS=$((SECONDS - BUILD_START))
stage_done "build" "$BUILD_START"

# ---------------------------------------------------------------- PostgreSQL throw-away cluster
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

PG_PORT=""
if [ "$RUN_PG" -eq 1 ] && [ "$BUILD_OK" -eq 1 ]; then
    log "Starting a throw-away PostgreSQL cluster ($PG_BIN)"
    PG_START=$SECONDS
    PG_TMP=$(mktemp -d /tmp/metropoli-pg.XXXXXX)
    if [ "$IS_ROOT" -eq 1 ]; then
        # initdb refuses to run as root: the cluster belongs to the postgres user.
        id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
        chown postgres: "$PG_TMP"
    fi
    as_pg "$PG_BIN/initdb" -D "$PG_TMP/data" -A trust -U postgres -E UTF8 --no-locale >"$PG_TMP/initdb.log" 2>&1 \
        || { cat "$PG_TMP/initdb.log" >&2; echo "test.sh: initdb failed" >&2; exit 1; }
    PG_PORT=55432
    while port_in_use "$PG_PORT"; do PG_PORT=$((PG_PORT + 1)); done
    # Durability is pointless for a cluster that is deleted after the run; speed is not.
    as_pg "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_TMP -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >/dev/null || { cat "$PG_TMP/server.log" >&2; echo "test.sh: PostgreSQL did not start" >&2; exit 1; }
    PG_STARTED=1
    ready=0
    for _ in $(seq 1 60); do
        if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres; then ready=1; break; fi
        sleep 1
    done
    [ "$ready" -eq 1 ] || { cat "$PG_TMP/server.log" >&2; echo "test.sh: PostgreSQL not ready after 60 s" >&2; exit 1; }
    echo "PostgreSQL ready on 127.0.0.1:$PG_PORT"
    stage_done "postgres start" "$PG_START"
fi

# ---------------------------------------------------------------- test runs
RUN_NAMES=()
RUN_CODES=()
RUN_SECONDS=()

run_tests() { # name project filter [env assignments...]  (filter "" = every test)
    local name=$1 project=$2 filter=$3
    shift 3
    RUN_NAMES+=("$name")
    if [ "$BUILD_OK" -eq 0 ]; then
        RUN_CODES+=("build")
        RUN_SECONDS+=(0)
        return
    fi
    local filter_args=()
    [ -n "$filter" ] && filter_args=(--filter "$filter")
    log "Run '$name': dotnet test $project ${filter_args[*]} $*"
    local start=$SECONDS rc=0
    env "$@" dotnet test "$project" --no-build -c Release -nologo "${filter_args[@]}" \
        --logger "trx;LogFileName=$name.trx" --results-directory "$RESULTS" \
        --blame-hang-timeout 15m --blame-hang-dump-type none || rc=$?
    RUN_CODES+=("$rc")
    RUN_SECONDS+=($((SECONDS - start)))
    stage_done "test: $name" "$start"
}

OPENAPI_JSON="$RESULTS/openapi.json"
rm -f "$OPENAPI_JSON"
# Which provider runs which class is chosen per class with [Trait("Database", ...)]: Both, Postgres
# (the database-bound checks whose failures only PostgreSQL shows) or Sqlite; a class without the
# trait does not depend on the database and runs on SQLite only.
# What may use what (NetArchTest, docs/adr/0026): seconds, and first, so a boundary broken fails early.
run_tests architecture tests/Metropoli.ArchitectureTests ""
run_tests sqlite tests/Metropoli.Tests "Database!=Postgres" METROPOLI_TEST_PROVIDER=Sqlite "METROPOLI_OPENAPI_OUT=$OPENAPI_JSON"

# The OpenAPI document the sqlite run wrote, linted with Spectral's "spectral:oas" ruleset: 0 errors.
LINT_RESULT="not run"
if [ -f "$OPENAPI_JSON" ] && [ -x node_modules/.bin/spectral ]; then
    log "Lint: spectral lint openapi.json (spectral:oas)"
    LINT_START=$SECONDS
    LINT_RESULT="passed"
    node_modules/.bin/spectral lint "$OPENAPI_JSON" --ruleset .spectral.yaml --fail-severity error || LINT_RESULT="failed"
    # The Italian guidelines, "Extended" profile (italia/api-oas-checker rulesets, vendored in tools/oas-rules): 0 errors.
    log "Lint: spectral lint openapi.json (Italian Guidelines Extended, tools/oas-rules/spectral.yml)"
    node_modules/.bin/spectral lint "$OPENAPI_JSON" --ruleset tools/oas-rules/spectral.yml --fail-severity error --display-only-failures || LINT_RESULT="failed"
    stage_done "lint" "$LINT_START"
elif [ "$BUILD_OK" -eq 1 ]; then
    LINT_RESULT="failed"
    echo "test.sh: no OpenAPI document to lint ($OPENAPI_JSON) or spectral missing" >&2
fi
# publiccode.yml (the national reuse catalogue's metadata) against docs/publiccode/publiccode.schema.json, with ajv-cli.
PUBLICCODE_RESULT="not run"
if [ -x node_modules/.bin/ajv ]; then
    log "Check: publiccode.yml against docs/publiccode/publiccode.schema.json (ajv-cli)"
    PUBLICCODE_START=$SECONDS
    if node_modules/.bin/ajv validate --spec=draft7 -c ajv-formats -s docs/publiccode/publiccode.schema.json -d publiccode.yml --errors=text; then
        PUBLICCODE_RESULT="passed"
    else
        PUBLICCODE_RESULT="failed"
    fi
    stage_done "publiccode" "$PUBLICCODE_START"
else
    PUBLICCODE_RESULT="failed"
    echo "test.sh: node_modules/.bin/ajv missing (npm ci)" >&2
fi
if [ "$RUN_PG" -eq 1 ]; then
    run_tests postgres tests/Metropoli.Tests "Database=Both|Database=Postgres" METROPOLI_TEST_PROVIDER=Postgres \
        "METROPOLI_TEST_PG=Host=127.0.0.1;Port=${PG_PORT:-0};Username=postgres"
fi
if [ "$RUN_BROWSER" -eq 1 ]; then
    run_tests browser tests/Metropoli.BrowserTests ""
fi

# The benchmark harness at tiny scale (seconds per endpoint), so that bench/run never rots: it fails
# when any request failed or the harness broke. The full benchmark stays out of CI (bench/README.md).
BENCH_RESULT="not run"
BENCH_SECONDS=0
if [ "$RUN_BENCH" -eq 1 ] && [ "$BUILD_OK" -eq 1 ]; then
    log "Benchmark smoke: bench/run --smoke"
    BENCH_START=$SECONDS
    if bash bench/run --smoke --no-build --out "$RESULTS/bench-smoke.md"; then BENCH_RESULT="passed"; else BENCH_RESULT="failed"; fi
    BENCH_SECONDS=$((SECONDS - BENCH_START))
    stage_done "bench" "$BENCH_START"
fi

# ---------------------------------------------------------------- summary
counter() { # file attribute
    grep -o "<Counters [^>]*" "$1" | head -n 1 | grep -o " $2=\"[0-9]*\"" | grep -o '[0-9]\+' || echo 0
}

TOTAL_PASSED=0
TOTAL_FAILED=0
ANY_BAD=0
echo
echo "==================== Test summary ===================="
printf '%-10s %s\n' "build" "$([ "$BUILD_OK" -eq 1 ] && echo "ok" || echo "FAILED") (${BUILD_SECONDS}s)"
for i in "${!RUN_NAMES[@]}"; do
    name=${RUN_NAMES[$i]}
    code=${RUN_CODES[$i]}
    secs=${RUN_SECONDS[$i]}
    trx="$RESULTS/$name.trx"
    if [ "$code" = "build" ]; then
        printf '%-10s not run: the build failed (counted as 1 failure)\n' "$name"
        TOTAL_FAILED=$((TOTAL_FAILED + 1)); ANY_BAD=1
        continue
    fi
    if [ ! -f "$trx" ]; then
        printf '%-10s no results (%s missing; exit code %s: crash or no tests?) (counted as 1 failure) (%ss)\n' "$name" "$trx" "$code" "$secs"
        TOTAL_FAILED=$((TOTAL_FAILED + 1)); ANY_BAD=1
        continue
    fi
    total=$(counter "$trx" total)
    passed=$(counter "$trx" passed)
    failed=$(( $(counter "$trx" failed) + $(counter "$trx" error) + $(counter "$trx" timeout) + $(counter "$trx" aborted) ))
    skipped=$((total - passed - failed))
    [ "$skipped" -lt 0 ] && skipped=0
    note=""
    if [ "$code" != "0" ] && [ "$failed" -eq 0 ]; then
        # dotnet test failed without a failed test: an aborted run or a crashed test host.
        note=" (exit code $code without a failed test: counted as 1 failure)"
        failed=1
    fi
    printf '%-10s %4s passed, %3s failed, %3s skipped  (%ss)%s\n' "$name" "$passed" "$failed" "$skipped" "$secs" "$note"
    TOTAL_PASSED=$((TOTAL_PASSED + passed))
    TOTAL_FAILED=$((TOTAL_FAILED + failed))
    [ "$failed" -gt 0 ] && ANY_BAD=1
done
case "$LINT_RESULT" in
    passed) printf '%-10s    1 passed,   0 failed  (spectral:oas and Italian Guidelines Extended, 0 errors)\n' "openapi"; TOTAL_PASSED=$((TOTAL_PASSED + 1)) ;;
    failed) printf '%-10s    0 passed,   1 failed  (spectral:oas or Italian Guidelines Extended reported errors)\n' "openapi"; TOTAL_FAILED=$((TOTAL_FAILED + 1)); ANY_BAD=1 ;;
esac
case "$PUBLICCODE_RESULT" in
    passed) printf '%-10s    1 passed,   0 failed  (publiccode.yml valid)\n' "publiccode"; TOTAL_PASSED=$((TOTAL_PASSED + 1)) ;;
    failed) printf '%-10s    0 passed,   1 failed  (publiccode.yml invalid)\n' "publiccode"; TOTAL_FAILED=$((TOTAL_FAILED + 1)); ANY_BAD=1 ;;
esac
case "$BENCH_RESULT" in
    passed) printf '%-10s    1 passed,   0 failed  (bench/run --smoke) (%ss)\n' "bench" "$BENCH_SECONDS"; TOTAL_PASSED=$((TOTAL_PASSED + 1)) ;;
    failed) printf '%-10s    0 passed,   1 failed  (bench/run --smoke) (%ss)\n' "bench" "$BENCH_SECONDS"; TOTAL_FAILED=$((TOTAL_FAILED + 1)); ANY_BAD=1 ;;
esac
echo "Results: $RESULTS"
echo
echo "==================== Stage times ====================="
TOTAL_STAGE_SECONDS=0
for i in "${!STAGE_NAMES[@]}"; do
    secs=${STAGE_SECONDS[$i]}
    printf '%-16s %5ss  %2dm%02ds\n' "${STAGE_NAMES[$i]}" "$secs" $((secs / 60)) $((secs % 60))
    TOTAL_STAGE_SECONDS=$((TOTAL_STAGE_SECONDS + secs))
done
printf '%-16s %5ss  %2dm%02ds  (whole script: %ss)\n' "stages in all" "$TOTAL_STAGE_SECONDS" $((TOTAL_STAGE_SECONDS / 60)) $((TOTAL_STAGE_SECONDS % 60)) "$SECONDS"
[ "$TOTAL_PASSED" -eq 0 ] && ANY_BAD=1
echo "$TOTAL_PASSED passed, $TOTAL_FAILED failed"
exit "$ANY_BAD"
