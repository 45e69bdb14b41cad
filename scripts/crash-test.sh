#!/usr/bin/env bash
# The long crash run of issue 10: SIGKILL `updesk ingest` at KILLS seeded random points (default 60), restart
# it each time, and compare the result with one clean run (Tests/DeskPipelineTests/CrashSafetyTests.swift).
#   scripts/crash-test.sh [KILLS=60] [SEED=10]
# The test suite runs the same harness with 6 kills on every run.
set -euo pipefail
cd "$(dirname "$0")/.."
kills=${1:-60}
seed=${2:-10}
swift build --build-tests
UPDESK_CRASH_KILLS=$kills UPDESK_CRASH_SEED=$seed swift test --skip-build --filter 'CrashSafetyTests/killAndRestart'
