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
        guard word(i) == "the" else { return nil }
        // "the full year", "the current fiscal year", "the latest fiscal year" (the last one closed).
        var y = i + 1
        var latest = false, qualified = false
        if let w = word(y), w == "full" || w == "current" || w == "latest" { latest = w == "latest"; qualified = true; y += 1 }
        if word(y) == "fiscal" { qualified = true; y += 1 }
        guard word(y) == "year" else { return nil }
        let end = y + 1
        let next = end < toks.count ? toks[end] : nil
        if let n = next, n.kind == .word, Self.periodEndings.contains(n.lower), n.lower != "end" {
            return Match(end: end, kind: .duration, value: "P1Y", point: nil)
        }
        if qualified {
            if let n = next, n.kind == .punct && (n.text == "-" || n.text == "'" || n.text == "’") { return nil }
            guard let a = context.anchorDay else { return emit(end, .literal("XXXX")) }
            return emit(end, .point(.year(CivilCalendar.civil(a).y - (latest ? 1 : 0)), suffix: ""), remember: false)
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

extension TimeMatcher {
    /// "the summer", "the early spring", "this past fall": the latest such season at or before the anchor
    /// (the one under way counts). "the winter of ..." is left to the season-of-a-year rule.
    func matchTheSeason(_ i: Int) -> Match? {
        var j = i
        if word(j) == "the" { j += 1 } else if word(j) == "this", word(j + 1) == "past" { j += 2 } else { return nil }
        // "the fall" is mostly a decline ("the fall in prices"): only "this past fall" is taken.
        guard let w = word(j), let s = TimeLexicon.seasons[w], !toks[j].isCapitalized, w != "fall" || j == i + 2 else { return nil }
        if word(j + 1) == "of" { return nil }
        guard let a = context.anchorDay else { return emit(j + 1, .literal("XXXX-\(TimePoint.seasonCodes[s])")) }
        let current = TimePoint.day(a).coarsened(to: .season)
        var p = TimePoint(granularity: .season, year: current.year, part: s)
        // A season that has not begun yet this year is last year's (winter is labelled with the year of its December).
        if p.firstDay > a { p.year -= 1 }
        return emit(j + 1, .point(p, suffix: ""), remember: false)
    }

    /// "current" on its own ("current market conditions", "his current wife"): the present in TimeML
    /// (PRESENT_REF). Not before a calendar unit ("the current quarter", another rule) or "fiscal".
    func matchCurrent(_ i: Int) -> Match? {
        guard word(i) == "current", !toks[i].isCapitalized || i == 0 else { return nil }
        if let n = word(i + 1), n == "fiscal" || TimeLexicon.calendarUnits[n] != nil || TimeLexicon.unitKey(n) != nil { return nil }
        if i + 1 >= toks.count || toks[i + 1].kind != .word { return nil }   // "current" as a noun or at the end
        if word(i - 1) == "then" { return Match(end: i + 1, kind: .date, value: "PAST_REF", point: nil) }
        return Match(end: i + 1, kind: .date, value: "PRESENT_REF", point: nil)
    }
}

extension TimeMatcher {
    /// Decades in words → their tens digit ("the nineties" → 9).
    static let decadeWords: [String: Int] = [
        "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9,
    ]

    /// "the nineties", "the early eighties": a decade of the anchor's century, or of the century before
    /// when it would lie ahead of the anchor (TIMEX3 decade value "199").
    func matchDecadeWord(_ i: Int) -> Match? {
        guard word(i) == "the", let w = word(i + 1), let d = Self.decadeWords[w] else { return nil }
        guard let a = context.anchorDay else { return emit(i + 2, .literal("XX\(d)")) }
        let year = CivilCalendar.civil(a).y
        var decade = (year / 100) * 10 + d
        if decade * 10 > year { decade -= 10 }
        return emit(i + 2, .point(TimePoint(granularity: .decade, year: decade), suffix: ""), remember: false)
    }
}
