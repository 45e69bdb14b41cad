#!/usr/bin/env bash
# Ingest throughput end to end on one generated stream: SQLite (one process, `updesk ingest`) and PostgreSQL
# with 1, 2 and 4 `updesk worker` processes draining a queue filled by `updesk ingest --queue-only`.
#   scripts/bench-workers.sh [DOCUMENTS=20000] [WORKERS="1 2 4"]
# Uses UPDESK_BENCH_POSTGRES_URL if set, else starts a private server (scripts/pg-test-server.sh).
# Prints one line per run: "backend=... workers=W documents=N seconds=S docs_per_s=R stories=K".
# Uses the debug build unless UPDESK_BIN names another binary.
set -euo pipefail
cd "$(dirname "$0")/.."
docs=${1:-20000}
workers_list=${2:-"1 2 4"}
bin=${UPDESK_BIN:-.build/debug/updesk}
[ -x "$bin" ] || swift build --product updesk
tmp=$(mktemp -d /tmp/updesk-bench.XXXXXX)
started_server=0
cleanup() {
    rm -rf "$tmp"
    [ "$started_server" = 1 ] && bash scripts/pg-test-server.sh stop
    return 0
}
trap cleanup EXIT
url=${UPDESK_BENCH_POSTGRES_URL:-}
if [ -z "$url" ]; then url=$(bash scripts/pg-test-server.sh start); started_server=1; fi
python3 scripts/make-bench-stream.py "$docs" > "$tmp/stream.jsonl"

now() { date +%s.%N; }
stories() { "$bin" stories --db "$1" --limit 100000000 --json 2>/dev/null | python3 -c 'import json, sys; print(len(json.load(sys.stdin)))'; }
report() { # backend workers seconds stories
    printf 'backend=%s workers=%s documents=%s seconds=%.1f docs_per_s=%.1f stories=%s\n' "$1" "$2" "$docs" "$3" \
        "$(echo "$docs / $3" | bc -l)" "$4"
}

t0=$(now)
"$bin" ingest --db "$tmp/desk.sqlite" "$tmp/stream.jsonl" 2>/dev/null
t1=$(now)
report sqlite 1 "$(echo "$t1 - $t0" | bc -l)" "$(stories "$tmp/desk.sqlite")"

for w in $workers_list; do
    db="$url?schema=bench_$(date +%s)_w$w"
    "$bin" migrate --db "$db" >/dev/null
    "$bin" ingest --db "$db" --queue-only "$tmp/stream.jsonl" 2>/dev/null
    t0=$(now)
    pids=()
    for _ in $(seq "$w"); do "$bin" worker --db "$db" --exit-when-idle 2>"$tmp/worker.log" & pids+=($!); done
    for p in "${pids[@]}"; do wait "$p"; done
    t1=$(now)
    report postgres "$w" "$(echo "$t1 - $t0" | bc -l)" "$(stories "$db")"
done
