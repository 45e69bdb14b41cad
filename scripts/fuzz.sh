#!/usr/bin/env bash
# Fuzz one target (or "all") of DeskExtract's FuzzTargets (or "feed": DeskSources' FeedFuzzTarget) with libFuzzer for SECONDS each.
#   scripts/fuzz.sh TARGET|all [SECONDS=20]
# Compiles DeskModel and DeskExtract with swiftc -sanitize=fuzzer,address into .build/fuzz (outside SwiftPM,
# so `swift build` is untouched; recompiled only when a source changed), then runs libFuzzer on a working
# corpus seeded from Fuzz/seeds/TARGET and Fuzz/corpus/TARGET. A crash, leak, timeout or out-of-memory
# leaves the input in .build/fuzz/artifacts/TARGET and fails the script: fix it, then copy the input into
# Fuzz/corpus/TARGET/ so that FuzzCorpusTests replays it on every test run.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: scripts/fuzz.sh TARGET|all [SECONDS]}
seconds=${2:-20}
out=.build/fuzz
mkdir -p "$out"

# One test input may take at most this many seconds (pathological inputs must stay linear) and the process
# this much memory; libFuzzer's inputs are at most max_len bytes (small inputs reach the same states and run
# many more times per second; 100,000-deep and 50 MB inputs are tested apart, in the normal test suite).
per_input_timeout=10
rss_limit_mb=2048
max_len=8192

flags=(-O -sanitize=fuzzer,address -parse-as-library -enable-testing -I "$out" -I Sources/CGumbo -I Sources/CZlib)
model_sources=$(find Sources/DeskModel -name '*.swift' | sort)
extract_sources=$(find Sources/DeskExtract -name '*.swift' | sort)
# The feed target: DeskSources' parsing files only (no HTTP client, no store), compiled as module DeskSources.
feed_files="FeedParser XMLFeedParser FeedXMLCleaner JSONFeedParser FeedEntry FeedError FeedDates HTMLText URLCanonicalizer OPML Fuzzing/FeedFuzzTarget"
feed_sources=$(for f in $feed_files; do echo "Sources/DeskSources/$f.swift"; done)
binary=$out/updesk-fuzz
stamp_newer() { [ -e "$binary" ] && [ -z "$(find Sources/DeskModel Sources/DeskExtract $feed_sources Fuzz/FuzzMain.swift scripts/fuzz.sh -newer "$binary" -print -quit)" ]; }
if ! stamp_newer; then
    echo "fuzz: compiling DeskModel, DeskExtract and the feed parsers with -sanitize=fuzzer,address" >&2
    start=$(date +%s)
    # ld.gold warns about ASan's local symbols; the warnings are harmless and dropped.
    quiet() {
        local rc=0
        "$@" > "$out/compile.log" 2>&1 || rc=$?
        grep -v 'Cannot export local symbol' "$out/compile.log" >&2 || true
        return $rc
    }
    quiet swiftc "${flags[@]}" -wmo -module-name DeskModel -emit-module -emit-module-path "$out/DeskModel.swiftmodule" \
        -c $model_sources -o "$out/DeskModel.o"
    quiet swiftc "${flags[@]}" -wmo -module-name DeskExtract -emit-module -emit-module-path "$out/DeskExtract.swiftmodule" \
        -c $extract_sources -o "$out/DeskExtract.o"
    quiet swiftc "${flags[@]}" -wmo -module-name DeskSources -emit-module -emit-module-path "$out/DeskSources.swiftmodule" \
        -c $feed_sources -o "$out/DeskSources.o"
    quiet swiftc "${flags[@]}" -module-name FuzzMain Fuzz/FuzzMain.swift "$out/DeskModel.o" "$out/DeskExtract.o" "$out/DeskSources.o" \
        -lgumbo -lz -o "$binary"
    echo "fuzz: compiled in $(( $(date +%s) - start )) s" >&2
fi

if [ "$target" = all ]; then
    targets=$(ls Fuzz/seeds)
else
    targets=$target
fi
status=0
for t in $targets; do
    corpus=$out/corpus/$t
    artifacts=$out/artifacts/$t
    mkdir -p "$corpus" "$artifacts"
    dirs=("$corpus")
    [ -d "Fuzz/seeds/$t" ] && dirs+=("Fuzz/seeds/$t")
    [ -d "Fuzz/corpus/$t" ] && dirs+=("Fuzz/corpus/$t")
    # New inputs go to the first folder (the working corpus under .build); the kept folders are only read.
    if UPDESK_FUZZ_TARGET=$t ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$PWD/Fuzz/lsan-suppressions.txt "$binary" "${dirs[@]}" -max_total_time="$seconds" \
        -timeout=$per_input_timeout -rss_limit_mb=$rss_limit_mb -max_len=$max_len \
        -artifact_prefix="$artifacts/" -print_final_stats=1 > "$out/$t.log" 2>&1; then
        echo "fuzz $t: ok, $(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$out/$t.log" | grep -Eo '[0-9]+$') inputs in ${seconds} s"
    else
        status=1
        echo "fuzz $t: FAILED (input kept in $artifacts/, log in $out/$t.log)"
        grep -E '^(==[0-9]+==ERROR|SUMMARY|Fatal error|.*fatal error)' "$out/$t.log" | head -5 || true
    fi
done
exit $status
