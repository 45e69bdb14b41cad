#!/usr/bin/env python3
"""Writes a made-up news stream as ingest records (JSON Lines) for throughput benchmarks:
   python3 scripts/make-bench-stream.py 20000 > stream.jsonl
Deterministic (seeded). 400 topics with their own vocabulary over a shared everyday vocabulary; every
article is one of its topic's sentences reworded; one in eight is an exact copy from another wire and one
in twenty a revised version of an earlier article (same id), so copies, revisions and stories are all exercised."""
import json
import random
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
rng = random.Random(20000)
syll = ["ka", "lo", "mi", "ren", "tu", "sa", "vor", "el", "in", "dra", "po", "quil", "ze", "bra", "no", "fen", "gal", "hu", "ost", "yar"]
def word():
    return "".join(rng.choice(syll) for _ in range(rng.randint(2, 4)))
common = ["officials", "said", "report", "city", "government", "people", "week", "police", "company", "minister",
          "country", "year", "group", "local", "national", "statement", "monday", "tuesday", "according", "sources"]
topics = [[word() for _ in range(14)] for _ in range(400)]
start = 1_700_000_000
held = []
for i in range(n):
    published = start + i * 30
    if held and rng.random() < 1 / 8:
        rec = dict(rng.choice(held[-50:]))
        rec["id"] = f"copy-{i}"
        rec["source"] = f"wire-{rng.randint(100, 120)}"
        rec["url"] = f"https://example.com/copy/{i}"
    elif held and rng.random() < 1 / 20:
        rec = dict(rng.choice(held[-200:]))
        rec["text"] = rec["text"] + f"\n\nUpdated: officials said the count rose to {rng.randint(2, 900)} on the {i}th report."
        rec["published"] = published
    else:
        t = topics[min(int(rng.paretovariate(1.2)) - 1, 399) if rng.random() < 0.5 else rng.randrange(400)]
        sentences = []
        for _ in range(rng.randint(4, 8)):
            words = rng.sample(t, 6) + rng.sample(common, 1)
            rng.shuffle(words)
            sentences.append(" ".join(words).capitalize() + f" {rng.randint(1, 99)}.")
        rec = {"id": f"doc-{i}", "url": f"https://example.org/{i}", "source": f"wire-{rng.randint(1, 40)}",
               "published": published, "title": " ".join(rng.sample(t, 4)).title(), "text": "\n\n".join(sentences)}
        held.append(rec)
    out = dict(rec)
    out["published"] = __import__("datetime").datetime.utcfromtimestamp(out["published"]).strftime("%Y-%m-%dT%H:%M:%SZ")
    print(json.dumps(out))
