import DeskModel

/// Years written out in words (broadcast transcripts: "nineteen ninety-six", "the year two thousand"),
/// seasons of a named year ("the winter of 1994", "summer 2023"), and "the year" itself.
extension TimeMatcher {
    /// Century words that open a spelled-out year ("nineteen" ninety-six).
    static let spelledCenturies: [String: Int] = [
        "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    ]

    /// A year in words at `i`: a century word and a tens word with an optional unit ("nineteen
    /// ninety-six", "nineteen seventy-nine"), or "two thousand" (only after "the year", where it cannot
    /// be a count). Returns the year and the index after it.
    func spelledYear(_ i: Int) -> (year: Int, end: Int)? {
        guard let c = word(i).flatMap({ Self.spelledCenturies[$0] }), let t = word(i + 1),
              let tens = TimeLexicon.numberWords[t], tens >= 20, tens <= 90, tens % 10 == 0 else { return nil }
        var year = c * 100 + tens
        var end = i + 2
        if punct(end, "-"), let u = word(end + 1), let unit = TimeLexicon.numberWords[u], unit >= 1, unit <= 9, u != "a", u != "an" {
            year += unit; end += 2
        }
        return (year, end)
    }

    /// "nineteen ninety-six" (a year in words), "the year two thousand", "the year 2000".
    func matchSpelledYear(_ i: Int) -> Match? {
        if let y = spelledYear(i) { return emit(y.end, .point(.year(y.year), suffix: "")) }
        guard word(i) == "the", word(i + 1) == "year" else { return nil }
        if word(i + 2) == "two", word(i + 3) == "thousand" { return emit(i + 4, .point(.year(2000), suffix: "")) }
        if let y = yearNumber(i + 2) { return emit(i + 3, .point(.year(y), suffix: "")) }
        return nil
    }

    /// "the winter of 1994", "summer 2023", "the spring of nineteen ninety-four": a season of a named year
    /// (winter is the one that starts in December of that year).
    func matchSeasonOfYear(_ i: Int) -> Match? {
        var j = i
        if word(j) == "the" { j += 1 }
        guard let w = word(j), let s = TimeLexicon.seasons[w] else { return nil }
        var k = j + 1
        if word(k) == "of" { k += 1 } else if j > i { return nil }   // "the summer 1994" is odd; "the summer of 1994"
        if let y = yearNumber(k) { return emit(k + 1, .point(TimePoint(granularity: .season, year: y, part: s), suffix: "")) }
        if let y = spelledYear(k) { return emit(y.end, .point(TimePoint(granularity: .season, year: y.year, part: s), suffix: "")) }
        return nil
    }

    /// Words after "the year" that make it a reporting period (a DURATION of one year in TimeML:
    /// "for the year ended Sept. 30").
    static let periodEndings: Set<String> = ["ended", "ending", "ends", "end"]

    /// "the year": the reporting year under discussion ("For the year, volume was flat" → the anchor's
    /// year), or a year-long period before "ended"/"ending". Not in "the year before", "the year-ago
    /// quarter" or "the year's", which other rules or nothing take.
    func matchTheYear(_ i: Int) -> Match? {
        guard word(i) == "the", word(i + 1) == "year", i + 2 <= toks.count else { return nil }
        let next = i + 2 < toks.count ? toks[i + 2] : nil
        if let n = next, n.kind == .word, Self.periodEndings.contains(n.lower), n.lower != "end" {
            return Match(end: i + 2, kind: .duration, value: "P1Y", point: nil)
        }
        if let n = next {
            if n.kind == .punct && (n.text == "-" || n.text == "'" || n.text == "’") { return nil }
            if n.kind == .word, ["before", "after", "earlier", "later", "ago", "end", "round", "s"].contains(n.lower) { return nil }
            if n.kind == .number || (n.kind == .word && TimeLexicon.numberWords[n.lower] != nil) { return nil }
        }
        // "of the year", "for the year", "in the year": the year under discussion.
        guard let prev = word(i - 1), ["of", "for", "in", "during", "through", "throughout"].contains(prev) else { return nil }
        guard let a = context.anchorDay else { return emit(i + 2, .literal("XXXX")) }
        let year = context.reference.map { $0.coarsened(to: .year).year } ?? CivilCalendar.civil(a).y
        return emit(i + 2, .point(.year(year), suffix: ""), remember: false)
    }
}
