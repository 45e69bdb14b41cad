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
# The tests' scratch files (a real SQLite file per test, crash-harness desks, bulk-preloaded desks: about 50 MB a
# run) go to a folder of this run's own, removed when every test passed and kept for a look when one failed.
status=1
scratch=$(mktemp -d /tmp/updesk-tests.XXXXXX) || { echo "tests: cannot make a scratch folder in /tmp" >&2; exit 1; }
# A private PostgreSQL server for the PostgreSQL store's tests (contract, queue, workers), stopped on exit.
if UPDESK_TEST_POSTGRES_URL=$(bash scripts/pg-test-server.sh start); then
    export UPDESK_TEST_POSTGRES_URL
    trap 'bash scripts/pg-test-server.sh stop; if [ "${status:-1}" = 0 ]; then rm -rf "$scratch"; else echo "tests: scratch files kept in $scratch" >&2; fi' EXIT
else
    echo "tests: could not start PostgreSQL" >&2
    rm -rf "$scratch"
    exit 1
fi
export TMPDIR=$scratch
# Per-test progress lines are dropped; failures, XCTest's summary and Swift Testing's closing line stay.
swift test --skip-build --skip DeskWebTests --skip DeskSourcesTests 2>&1 | tee .build/test-output.txt | awk '!/^(◇|✔) (Test|Suite) / || /^(◇|✔) Test run /'
status=${PIPESTATUS[0]}
# The fetcher's tests talk to a local server under time limits: they run in a pass of their own, because the
# synchronous heavy tests of the first pass (crash harness, hostile inputs, PostgreSQL) can hold both of this
# 2-core machine's cooperative threads for minutes, and every fetch then times out (seen in CI).
swift test --skip-build --filter DeskSourcesTests 2>&1 | tee .build/test-output-sources.txt | awk '!/^(◇|✔) (Test|Suite) / || /^(◇|✔) Test run /'
sources=${PIPESTATUS[0]}
[ "$status" = 0 ] && status=$sources
# The web desk's tests run on their own, after the rest: they start servers and headless Chromium, whose load
# would starve the fetcher tests' few-second time limits if both ran at once.
swift test --skip-build --filter DeskWebTests 2>&1 | tee .build/test-output-web.txt | awk '!/^(◇|✔) (Test|Suite) / || /^(◇|✔) Test run /'
web=${PIPESTATUS[0]}
[ "$status" = 0 ] && status=$web
echo "tests: $(( $(date +%s) - start )) s in all (exit $status)"
# Fuzzing, bounded: every FuzzTargets entry for UPDESK_FUZZ_SECONDS (default 20; 0 skips) under libFuzzer with
# AddressSanitizer. A finding fails the run and is kept under .build/fuzz/artifacts (see scripts/fuzz.sh).
fuzz_seconds=${UPDESK_FUZZ_SECONDS:-20}
if [ "$fuzz_seconds" != 0 ]; then
    fuzz_start=$(date +%s)
    bash scripts/fuzz.sh all "$fuzz_seconds"
    fuzz=$?
    echo "fuzz: $(( $(date +%s) - fuzz_start )) s (exit $fuzz)"
    [ "$status" = 0 ] && status=$fuzz
fi
exit "$status"
