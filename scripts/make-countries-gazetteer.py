#!/usr/bin/env python3
"""Generate Sources/DeskLanguage/Gazetteer/Countries.swift from countries.tsv (mledoze/countries, ODbL 1.0).

Usage: python3 scripts/make-countries-gazetteer.py ../shared/data/countries/countries.tsv Sources/DeskLanguage/Gazetteer/Countries.swift
"""
import csv, sys
src, out = sys.argv[1], sys.argv[2]
rows = list(csv.DictReader(open(src, encoding="utf-8"), delimiter="\t"))
# Prefer UN members, then independent states, when a name is shared ("Congolese").
rows.sort(key=lambda r: (r["un_member"] != "true", r["independent"] != "true", r["cca2"]))
AMBIGUOUS_CAPITALS = {"male", "hamilton", "victoria", "plymouth", "the valley", "road town", "kingston",
                      "king edward point", "jamestown", "saint john's", "avarua", "flying fish cove", "georgetown",
                      "city of san marino", "vatican city", "monaco", "luxembourg", "singapore", "andorra la vella",
                      "gibraltar", "djibouti", "kuwait city", "panama city", "guatemala city", "mexico city"}
def latin(s):
    return all(ord(c) < 0x250 or c in "’" for c in s)
names, demonyms, capitals, common = {}, {}, {}, {}
for r in rows:
    code = r["cca2"]
    common[code] = r["name_common"]
    cands = [r["name_common"], r["name_official"]] + r["alt_spellings"].split("|")
    for n in cands:
        n = n.strip()
        if len(n) < 3 or "," in n or not latin(n):
            continue
        names.setdefault(n.lower(), code)
    for col in ("demonym_m", "demonym_f"):
        for d in r[col].split(","):
            d = d.strip()
            if len(d) >= 3 and latin(d):
                demonyms.setdefault(d.lower(), code)
    if r["independent"] == "true":
        for c in r["capitals"].split("|"):
            c = c.strip()
            if len(c) >= 3 and latin(c) and c.lower() not in AMBIGUOUS_CAPITALS:
                capitals.setdefault(c.lower(), code)
def lit(d):
    items = sorted(d.items())
    return "[\n" + "".join('        "%s": "%s",\n' % (k.replace('"', '\\"'), v) for k, v in items) + "    ]"
with open(out, "w", encoding="utf-8") as f:
    f.write('''// GENERATED FILE — do not edit by hand.
// Source: countries.tsv derived from "world-countries" by Mohammed Le Doze and contributors
// (mledoze/countries, v5.1.0, https://github.com/mledoze/countries), made available under the
// Open Database License (ODbL) 1.0: https://opendatacommons.org/licenses/odbl/1-0/
// This table is a derived database and is itself offered under the ODbL 1.0.
// Generated from the project's shared data (data/countries/countries.tsv): country names, official
// names and alternative spellings, English demonyms, and capitals of independent states, lower-cased,
// each mapped to its ISO 3166-1 alpha-2 code. Ambiguous capitals ("Male", "Victoria") are left out.

/// Country names, demonyms and capitals → ISO 3166-1 alpha-2 code (keys lower-cased).
enum Countries {
    /// Country names (common, official, alternative spellings).
    static let names: [String: String] = %s

    /// English demonyms ("israeli" → "IL").
    static let demonyms: [String: String] = %s

    /// Capitals of independent states ("tokyo" → "JP").
    static let capitals: [String: String] = %s

    /// Common English name of each code.
    static let commonNames: [String: String] = %s
}
''' % (lit(names), lit(demonyms), lit(capitals), lit(common)))
print(len(names), len(demonyms), len(capitals), len(common))
