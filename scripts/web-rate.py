#!/usr/bin/env python3
"""Fixed-rate (open-loop) load on a running web desk over loopback: RATE requests per second for SECONDS,
each sent on schedule whether or not earlier ones have answered (so a slow server cannot slow the load and
hide its own latency). Prints p50 / p95 / p99 / max latency and how many answers were not 200.

Usage: scripts/web-rate.py PORT PATH [RATE=20] [SECONDS=15]
"""
import sys
import threading
import time
import urllib.request
import urllib.error

port, path = int(sys.argv[1]), sys.argv[2]
rate = float(sys.argv[3]) if len(sys.argv) > 3 else 20.0
seconds = float(sys.argv[4]) if len(sys.argv) > 4 else 15.0
url = f"http://127.0.0.1:{port}{path}"
n = int(rate * seconds)
results = []
lock = threading.Lock()


def one():
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            r.read()
            status = r.status
    except urllib.error.HTTPError as e:
        status = e.code
    except Exception:
        status = 0
    ms = (time.perf_counter() - start) * 1000
    with lock:
        results.append((status, ms))


threads = []
t0 = time.perf_counter()
for i in range(n):
    delay = t0 + i / rate - time.perf_counter()
    if delay > 0:
        time.sleep(delay)
    t = threading.Thread(target=one)
    t.start()
    threads.append(t)
for t in threads:
    t.join()
lat = sorted(ms for _, ms in results)
bad = sum(1 for s, _ in results if s != 200)
q = lambda p: lat[min(len(lat) - 1, int(p * len(lat)))]
print(f"{path}: {len(lat)} requests at {rate:g}/s for {seconds:g} s, {bad} not 200, "
      f"p50 {q(0.5):.1f} ms, p95 {q(0.95):.1f} ms, p99 {q(0.99):.1f} ms, max {lat[-1]:.1f} ms")
