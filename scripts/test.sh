#!/usr/bin/env bash
# Install what is needed and run every test. Builds once (tests included) and runs the tests without
# rebuilding, which keeps SwiftPM from recompiling between `build` and `test`.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
start=$(date +%s)
swift build --build-tests 2>&1 | grep -vE '^\[[0-9]+/[0-9]+\] '
build=${PIPESTATUS[0]}
echo "build: $(( $(date +%s) - start )) s (exit $build)"
[ "$build" = 0 ] || exit "$build"
# Per-test progress lines are dropped; failures, XCTest's summary and Swift Testing's closing line stay.
swift test --skip-build 2>&1 | tee .build/test-output.txt | awk '!/^(◇|✔) (Test|Suite) / || /^(◇|✔) Test run /'
status=${PIPESTATUS[0]}
echo "tests: $(( $(date +%s) - start )) s in all (exit $status)"
exit "$status"
