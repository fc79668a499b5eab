#!/usr/bin/env bash
# Adds an EF Core migration for both databases in one command (docs/adr/0027):
#   bash scripts/add-migration.sh NAME        (NAME in PascalCase, e.g. AgreementNotes)
# It restores the local dotnet-ef tool, builds the host once and runs `dotnet ef migrations add NAME` for SQLite
# (src/Migrations/Metropoli.Migrations.Sqlite) and PostgreSQL (…Postgres). The host is the startup project because
# it composes the model from the modules (Program runs until its services are built); no database is opened.
# Then: read both migrations, add by hand what the model cannot express (raw SQL, as the baselines do), and run
#   dotnet test tests/Metropoli.Tests --filter "FullyQualifiedName~PendingModelChangesTests|FullyQualifiedName~MigrationsMatchModelTests"
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ "$#" -ne 1 ] || [[ ! "$1" =~ ^[A-Z][A-Za-z0-9]*$ ]]; then
    sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
fi
NAME=$1

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

dotnet tool restore
dotnet build src/Metropoli.Host -nologo -v minimal

MARKER=$(mktemp)
trap 'rm -f "$MARKER"' EXIT
for provider in Sqlite Postgres; do
    # The connection strings are never opened: `migrations add` only diffs the model with the snapshot.
    if [ "$provider" = Postgres ]; then
        connection="Host=localhost;Database=metropoli_design_time"
    else
        connection="Data Source=:memory:"
    fi
    echo "==> dotnet ef migrations add $NAME ($provider)"
    if ! dotnet ef migrations add "$NAME" --no-build \
        --project "src/Migrations/Metropoli.Migrations.$provider" --startup-project src/Metropoli.Host \
        --output-dir Migrations --namespace "Metropoli.Migrations.$provider" \
        -- "--Database:Provider=$provider" "--Database:ConnectionString=$connection"; then
        if [ "$provider" = Postgres ]; then
            echo "add-migration.sh: the SQLite migration was added, the PostgreSQL one failed; undo the first with" >&2
            echo "  dotnet ef migrations remove --project src/Migrations/Metropoli.Migrations.Sqlite --startup-project src/Metropoli.Host -- --Database:Provider=Sqlite" >&2
        fi
        exit 1
    fi
done

# dotnet ef writes a byte-order mark; the repository's files have none (.editorconfig: charset = utf-8).
find src/Migrations -path '*/Migrations/*.cs' -newer "$MARKER" -exec sed -i '1s/^\xEF\xBB\xBF//' {} +

echo
echo "Added $NAME for SQLite and PostgreSQL:"
git status --short -- src/Migrations
