#!/usr/bin/env bash
# Crash durability, long mode: builds once, then runs the CrashDurabilityTests driver with
# METROPOLI_CRASH_CYCLES (default 20) kill -9 cycles on SQLite and on PostgreSQL, and prints the figures.
# PostgreSQL: the server named by METROPOLI_TEST_PG, or a throw-away cluster on loopback (as scripts/test.sh).
# Usage: bash scripts/reliability/crash.sh [--no-pg] [--no-sqlite] [--no-build]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
RUN_PG=1 RUN_SQLITE=1 BUILD=1
for a in "$@"; do
    case "$a" in
        --no-pg) RUN_PG=0 ;; --no-sqlite) RUN_SQLITE=0 ;; --no-build) BUILD=0 ;;
        *) echo "crash.sh: unknown option $a" >&2; exit 2 ;;
    esac
done
export METROPOLI_CRASH_CYCLES=${METROPOLI_CRASH_CYCLES:-20}
FILTER="${RELIABILITY_FILTER:-FullyQualifiedName~CrashDurabilityTests}"
source scripts/reliability/common.sh
run_all
