#!/usr/bin/env bash
# The long crash runs of issue 10: SIGKILL at KILLS seeded random points (default 60), restart each time, and
# compare with one clean run.
#   scripts/crash-test.sh [ingest|serve|worker|all] [KILLS=60] [SEED=10]
#   ingest  `updesk ingest --ack` over headlines, revisions and HTML pages (Tests/DeskPipelineTests/CrashSafetyTests.swift)
#   serve   `updesk serve` taking POST ingest, with a watch whose webhook goes to a local receiver
#           (Tests/DeskPipelineTests/ServeCrashSafetyTests.swift)
#   worker  `updesk worker` draining a PostgreSQL queue (Tests/DeskQueueTests/WorkerCrashSafetyTests.swift); starts a
#           private PostgreSQL server unless UPDESK_TEST_POSTGRES_URL is set
# The test suite runs each with 5-6 kills on every run. `scripts/crash-test.sh 60 10` (a number first) means ingest.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=ingest
case "${1:-}" in ingest|serve|worker|all) mode=$1; shift ;; esac
kills=${1:-60}
seed=${2:-10}
swift build --build-tests
export UPDESK_CRASH_KILLS=$kills UPDESK_CRASH_SEED=$seed
run() { swift test --skip-build --filter "$1"; }
if [ "$mode" = worker ] || [ "$mode" = all ]; then
    if [ -z "${UPDESK_TEST_POSTGRES_URL:-}" ]; then
        UPDESK_TEST_POSTGRES_URL=$(bash scripts/pg-test-server.sh start)
        export UPDESK_TEST_POSTGRES_URL
        trap 'bash scripts/pg-test-server.sh stop' EXIT
    fi
fi
case "$mode" in
    ingest) run 'CrashSafetyTests/killAndRestart' ;;
    serve) run 'ServeCrashSafetyTests' ;;
    worker) run 'WorkerCrashSafetyTests' ;;
    all) run 'CrashSafetyTests/killAndRestart'; run 'ServeCrashSafetyTests'; run 'WorkerCrashSafetyTests' ;;
esac
