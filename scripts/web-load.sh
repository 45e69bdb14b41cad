#!/usr/bin/env bash
# A short, bounded local load on a running web desk (loopback only): N requests of PATH, C at a time, with curl;
# prints the latency p50 / p95 / max and the rate. Usage: scripts/web-load.sh PORT PATH [N=200] [C=4]
set -euo pipefail
port=${1:?port}; path=${2:?path}; n=${3:-200}; c=${4:-4}
url="http://127.0.0.1:${port}${path}"
start=$(date +%s.%N)
seq "$n" | xargs -P "$c" -I{} curl -s -o /dev/null -w "%{http_code} %{time_total}\n" --max-time 30 "$url" > /tmp/web-load.$$ 
end=$(date +%s.%N)
python3 - "$n" "$start" "$end" "$path" /tmp/web-load.$$ <<'PY'
import sys
n, start, end, path, f = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), sys.argv[4], sys.argv[5]
rows = [l.split() for l in open(f) if l.strip()]
bad = sum(1 for r in rows if r[0] != "200")
t = sorted(float(r[1]) * 1000 for r in rows)
q = lambda p: t[min(len(t) - 1, int(p * len(t)))]
print(f"{path}: {len(t)} requests, {bad} not 200, p50 {q(0.5):.1f} ms, p95 {q(0.95):.1f} ms, max {t[-1]:.1f} ms, {len(t) / (end - start):.1f} req/s")
PY
rm -f /tmp/web-load.$$
