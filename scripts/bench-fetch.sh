#!/usr/bin/env bash
# Times `updesk source import` of a generated 200-feed OPML file and two fetch cycles (cold, then every
# feed answering 304) against a local fixture server: 200 RSS feeds spread over 50 loopback addresses
# (127.0.0.1-50, so per-host pacing applies as it would across real hosts), 10 entries each.
# Usage: scripts/bench-fetch.sh [path/to/updesk]   (default: .build/release/updesk, else .build/debug/updesk)
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-}"
[ -n "$bin" ] || { [ -x .build/release/updesk ] && bin=.build/release/updesk || bin=.build/debug/updesk; }
work="$(mktemp -d)"
trap 'kill "$server_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
port=$((20000 + RANDOM % 20000))
python3 - "$work" "$port" <<'PY'
import os, random, sys
work, port = sys.argv[1], int(sys.argv[2])
rng = random.Random(7)
words = ("harbour council ferry storm budget school bridge river market festival railway hospital election court "
         "police museum library airport factory farmers union minister mayor weather flood fire road housing").split()
os.makedirs(f"{work}/feeds", exist_ok=True)
outlines = []
for f in range(200):
    host = f"127.0.0.{f % 50 + 1}"
    items = []
    for i in range(10):
        topic = " ".join(rng.sample(words, 3))
        body = " ".join(f"The {rng.choice(words)} {rng.choice(words)} said on Monday that {topic} plans for {2020 + i} would change." for _ in range(4))
        items.append(f"<item><title>Feed {f} story {i}: {topic}</title><link>http://{host}:{port}/feeds/{f}/{i}</link>"
                     f"<guid>feed-{f}-item-{i}</guid><pubDate>Tue, 12 Mar 2024 {i:02d}:30:00 GMT</pubDate>"
                     f"<description>{body}</description></item>")
    with open(f"{work}/feeds/feed-{f:03d}.xml", "w") as out:
        out.write(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Bench feed {f}</title>{"".join(items)}</channel></rss>')
    outlines.append(f'<outline text="Bench feed {f}" type="rss" xmlUrl="http://{host}:{port}/feeds/feed-{f:03d}.xml"/>')
cats = "".join(f'<outline text="Category {c}">{"".join(outlines[c::10])}</outline>' for c in range(10))
with open(f"{work}/subs.opml", "w") as out:
    out.write(f'<?xml version="1.0"?><opml version="2.0"><head><title>bench</title></head><body>{cats}</body></opml>')
PY
# One static file server per loopback address (SimpleHTTPRequestHandler answers If-Modified-Since with 304).
python3 - "$work" "$port" >/dev/null 2>&1 <<'PY' &
import functools, http.server, sys, threading
work, port = sys.argv[1], int(sys.argv[2])
class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *a): pass
handler = functools.partial(Quiet, directory=work)
servers = [http.server.ThreadingHTTPServer((f"127.0.0.{i}", port), handler) for i in range(1, 51)]
for s in servers[1:]: threading.Thread(target=s.serve_forever, daemon=True).start()
servers[0].serve_forever()
PY
server_pid=$!
for _ in $(seq 50); do
  python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.50:$port/subs.opml', timeout=1)" 2>/dev/null && break
  sleep 0.1
done
db="$work/desk.sqlite"
export UPDESK_ALLOW_PRIVATE_ADDRESSES=1
echo "binary: $bin"
s=$(date +%s.%N); "$bin" source import --db "$db" --every 1s "$work/subs.opml"; e=$(date +%s.%N)
echo "import wall: $(python3 -c "print(f'{$e-$s:.2f}')") s"
s=$(date +%s.%N); "$bin" fetch --once --db "$db" 2>"$work/err1"; e=$(date +%s.%N)
echo "cold cycle wall: $(python3 -c "print(f'{$e-$s:.2f}')") s"
sleep 1.1
s=$(date +%s.%N); "$bin" fetch --once --db "$db" 2>"$work/err2"; e=$(date +%s.%N)
echo "warm cycle (304) wall: $(python3 -c "print(f'{$e-$s:.2f}')") s"
grep -c . "$work/err1" "$work/err2" >/dev/null 2>&1 && { echo "warnings:"; head -5 "$work/err1" "$work/err2"; } || true
