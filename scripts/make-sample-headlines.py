#!/usr/bin/env python3
"""Regenerates Samples/uci-news-headlines.jsonl from the UCI News Aggregator sample (CC BY 4.0).

Usage: python3 scripts/make-sample-headlines.py ../shared/eval/stories/uci-news-aggregator.head6366.csv
Writes one ingest record per headline, in stream order (timestamp, id): {id, url, source, published, title}.
The gold STORY column is left out: the desk finds stories on its own.
"""
import csv, datetime, json, sys

rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
rows.sort(key=lambda r: (int(r["TIMESTAMP"]), int(r["ID"])))
with open("Samples/uci-news-headlines.jsonl", "w", encoding="utf-8") as out:
    for r in rows:
        t = datetime.datetime.fromtimestamp(int(r["TIMESTAMP"]) / 1000, tz=datetime.timezone.utc)
        out.write(json.dumps({"id": "uci-" + r["ID"], "url": r["URL"], "source": r["PUBLISHER"],
                              "published": t.strftime("%Y-%m-%dT%H:%M:%SZ"), "title": r["TITLE"]},
                             ensure_ascii=False) + "\n")
