#!/usr/bin/env bash
# Soak, long mode: builds once, then runs the SoakTests driver for --minutes N (default 10) of mixed reads
# and writes against the real server, on SQLite and on PostgreSQL, and prints the figures (requests, errors,
# RSS, open files and threads from /proc, second quarter against last quarter).
# PostgreSQL: the server named by METROPOLI_TEST_PG, or a throw-away cluster on loopback (as scripts/test.sh).
# Usage: bash scripts/reliability/soak.sh [--minutes N] [--no-pg] [--no-sqlite] [--no-build]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
RUN_PG=1 RUN_SQLITE=1 BUILD=1 MINUTES=10
while [ $# -gt 0 ]; do
    case "$1" in
        --minutes) MINUTES=${2:?--minutes needs a number}; shift ;;
        --no-pg) RUN_PG=0 ;; --no-sqlite) RUN_SQLITE=0 ;; --no-build) BUILD=0 ;;
        *) echo "soak.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
export METROPOLI_SOAK_SECONDS=$((MINUTES * 60))
export METROPOLI_SOAK_SAMPLE_SECONDS=${METROPOLI_SOAK_SAMPLE_SECONDS:-5}
FILTER="${RELIABILITY_FILTER:-FullyQualifiedName~SoakTests}"
source scripts/reliability/common.sh
run_all
