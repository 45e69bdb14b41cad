#!/usr/bin/env bash
# The main job: install what is needed, build updesk (release), ingest the bundled sample data into the
# embedded default desk (SQLite under data/) and print the digest of what is new.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --product updesk 2>&1 | grep -vE "^\[[0-9]+/[0-9]+\]" >&2 || true
test -x .build/release/updesk
exec .build/release/updesk demo --db data/desk.sqlite "$@"
