#!/usr/bin/env bash
# The main job: install what is needed, build updesk (release), ingest the bundled sample data into the
# embedded default desk (SQLite under data/) and print the digest of what is new.
# With --serve first: then serve that desk on http://127.0.0.1:8080/ (UPDESK_HOST / UPDESK_PORT to change).
set -euo pipefail
cd "$(dirname "$0")/.."
serve=0
if [ "${1:-}" = "--serve" ]; then serve=1; shift; fi
bash scripts/setup.sh
swift build -c release --product updesk 2>&1 | grep -vE "^\[[0-9]+/[0-9]+\]" >&2 || true
test -x .build/release/updesk
if [ "$serve" = 0 ]; then
    exec .build/release/updesk demo --db data/desk.sqlite "$@"
fi
.build/release/updesk demo --db data/desk.sqlite "$@"
exec .build/release/updesk serve --db data/desk.sqlite --host "${UPDESK_HOST:-127.0.0.1}" --port "${UPDESK_PORT:-8080}"
