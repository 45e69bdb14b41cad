import DeskModel

/// Durations ("five hours", "the past two months", "two-year"), offsets from them ("a year ago",
/// "three days later") and sets ("daily", "every week").
extension TimeMatcher {
    struct Quantity {
        var text: String   // "5", "2.5", "X"
        var int: Int?
        var end: Int
        var isArticle: Bool
        /// "5 1/2": the whole number plus a half.
        var half = false
    }

    /// The half of a unit in the next smaller one, for "5 1/2 hours" → PT5H30M (units without an exact
    /// smaller one are left to the whole-number reading).
    static let halfUnits: [String: String] = ["year": "6M", "day": "T12H", "hour": "30M", "minute": "30S"]

    /// Words before "a/an UNIT" that make it a duration ("for a week", "in a year").
    static let articleDurationCues: Set<String> = [
        "for", "in", "within", "than", "about", "nearly", "almost", "over", "after", "past", "only", "just", "least",
        "more", "last", "under", "around", "roughly", "some", "once", "until", "of", "half",
    ]
    /// Adjectives between "the" and the quantity ("the past two months", "the first nine months").
    static let durationAdjectives: Set<String> = [
        "past", "last", "next", "first", "previous", "coming", "final", "following", "latest", "recent", "preceding",
        "initial", "full", "entire", "whole",
    ]

    /// Words before a bare plural unit that make it a vague duration ("for years", "in decades").
    static let barePluralCues: Set<String> = ["for", "in"]

    func quantity(_ i: Int) -> Quantity? {
        guard i < toks.count else { return nil }
        let t = toks[i]
        if t.kind == .number {
            if t.has(0x3A) { return nil }
            let text = t.withoutCommas
            // "5 1/2 hours": a whole number and a written half.
            if int(i + 1) == 1, punct(i + 2, "/"), int(i + 3) == 2, !toks[i + 2].spaceBefore, !toks[i + 3].spaceBefore,
               let n = Int(text) {
                return Quantity(text: text, int: n, end: i + 4, isArticle: false, half: true)
            }
            return Quantity(text: text, int: Int(text), end: i + 1, isArticle: false)
        }
        guard let w = word(i) else { return nil }
        if w == "a" || w == "an" {
            if word(i + 1) == "few" { return Quantity(text: "X", int: nil, end: i + 2, isArticle: false) }
            if word(i + 1) == "couple", word(i + 2) == "of" { return Quantity(text: "2", int: 2, end: i + 3, isArticle: false) }
            return Quantity(text: "1", int: 1, end: i + 1, isArticle: true)
        }
        if TimeLexicon.vagueQuantities.contains(w), w != "recent", w != "coming" {
            return Quantity(text: "X", int: nil, end: i + 1, isArticle: false)
        }
        guard w != "couple", var v = TimeLexicon.numberWords[w] else { return nil }
        var end = i + 1
        if v >= 20, v < 100, punct(end, "-"), let w2 = word(end + 1), let u = TimeLexicon.numberWords[w2], u < 10, w2 != "a", w2 != "an" {
            v += u; end += 2
        }
        if v == 12, w == "dozen" { return Quantity(text: "12", int: 12, end: end, isArticle: false) }
        return Quantity(text: String(v), int: v, end: end, isArticle: false)
    }

    func matchDuration(_ i: Int) -> Match? {
        var j = i
        var hasThe = false, adjective: String?
        if word(j) == "the" { hasThe = true; j += 1 }
        if let w = word(j), Self.durationAdjectives.contains(w) { adjective = w; j += 1 }
        var q: Quantity
        if let found = quantity(j) {
            q = found
        } else if let a = adjective, a == "recent" || a == "coming", let u = word(j), u.hasSuffix("s"), TimeLexicon.unitKey(u) != nil {
            q = Quantity(text: "X", int: nil, end: j, isArticle: false)   // "in recent weeks", "the coming years"
        } else if !hasThe, adjective == nil, let p = word(i - 1), Self.barePluralCues.contains(p), let u = word(j),
                  u.hasSuffix("s"), TimeLexicon.unitKey(u) != nil, !toks[j].isCapitalized {
            q = Quantity(text: "X", int: nil, end: j, isArticle: false)   // "for years", "the first time in decades"
        } else {
            return nil
        }
        var k = q.end
        if punct(k, "-") { k += 1 }
        guard let uw = word(k), let key = TimeLexicon.unitKey(uw), let unit = TimeLexicon.units[key] else { return nil }
        // A year before a singular unit is not a duration: "the 1988 quarter", "its 1990 year".
        if let n = q.int, n >= 1000, !uw.hasSuffix("s"), !punct(k - 1, "-") { return nil }
        // Fractions are not durations: "three-quarters of", "a quarter of the vote".
        if key == "quarter", word(k + 1) == "of" || (punct(k - 1, "-") && uw == "quarters") { return nil }
        // A capitalised unit is part of a title ("60 Minutes").
        if toks[k].isCapitalized, k > 0, !toks[k - 1].isCapitalized || toks[k - 1].kind == .number { return nil }
        // Ages are not durations: "a 6-year-old", "44-year-old".
        if punct(k + 1, "-"), word(k + 2) == "old" { return nil }
        // "second" is mostly the ordinal: only "30 seconds", "30-second", "one second".
        if key == "second", uw == "second", !punct(k - 1, "-"), toks[j].kind == .number { return nil }
        // A bare "a week" is a duration after a cue ("for a week") or before "ago"/"earlier"/"later";
        // otherwise it is usually a rate ("$5 a week").
        if q.isArticle {
            let after = word(k + 1)
            let relational = after == "ago" || after == "earlier" || after == "later" || after == "before" || after == "after"
            let cue = i > 0 ? word(i - 1) : nil
            if !hasThe, adjective == nil, !relational, cue.map({ !Self.articleDurationCues.contains($0) }) ?? true {
                return nil
            }
        }
        let end = k + 1
        if q.half {
            guard let n = q.int, unit.multiplier == 1, let rest = Self.halfUnits[key] else { return nil }
            let whole = "P" + (unit.isTime ? "T" : "") + String(n) + unit.letter
            return Match(end: end, kind: .duration, value: whole + rest, point: nil)
        }
        // A vague stretch of the past is a past reference in TIMEX3 ("several years ago").
        if q.int == nil, adjective == nil && word(end) == "ago" {
            return Match(end: word(end) == "ago" ? end + 1 : end, kind: .date, value: "PAST_REF", point: nil)
        }
        // Offsets: "two years ago", "three days later", "a week earlier".
        if !hasThe, adjective == nil, let n = q.int {
            let after = word(end)
            if after == "ago", let g = unit.granularity {
                guard let a = anchorPoint else { return emit(end + 1, .literal(Self.unanchored(g))) }
                // In results reporting "a year ago" compares periods: keep a quarter reference's granularity.
                if g == .year, unit.multiplier == 1, let p = yearEarlier(n) {
                    return emit(end + 1, .point(p, suffix: ""), remember: false)
                }
                return emit(end + 1, offset(a, by: -n * unit.multiplier, g, keepGranularity: false).map { .point($0, suffix: "") } ?? .literal(Self.unanchored(g)), remember: false)
            }
            if after == "from", word(end + 1) == "now", let g = unit.granularity, let a = anchorPoint {
                return emit(end + 2, offset(a, by: n * unit.multiplier, g, keepGranularity: false).map { .point($0, suffix: "") } ?? .literal(Self.unanchored(g)), remember: false)
            }
            if let after, after == "earlier" || after == "later" || after == "before" || after == "after",
               after == "earlier" || after == "later" || end + 1 >= toks.count || toks[end + 1].kind == .punct,
               let g = unit.granularity {
                let sign = (after == "later" || after == "after") ? 1 : -1
                if g == .year, unit.multiplier == 1, sign < 0, let p = yearEarlier(n) {
                    return emit(end + 1, .point(p, suffix: ""), remember: false)
                }
                guard let b = base else { return emit(end + 1, .literal(Self.unanchored(g))) }
                let shifted = offset(b, by: sign * n * unit.multiplier, g, keepGranularity: context.reference != nil)
                return emit(end + 1, shifted.map { .point($0, suffix: "") } ?? .literal(Self.unanchored(g)), remember: false)
            }
        }
        let amount = q.int.map { String($0 * unit.multiplier) } ?? q.text
        let value = "P" + (unit.isTime ? "T" : "") + amount + unit.letter
        return Match(end: end, kind: .duration, value: value, point: nil)
    }

    /// Shifts a point by `n` units of granularity `g`. A narrative reference keeps its own granularity for
    /// whole years ("a year earlier" than 1989-Q3 is 1988-Q3); otherwise the result has granularity `g`.
    /// Nil when the point is coarser than the unit (two days after "1990").
    func offset(_ p: TimePoint, by n: Int, _ g: TimePoint.Granularity, keepGranularity: Bool) -> TimePoint? {
        if g == .decade || g == .century { return .year(p.coarsened(to: .year).year + n) }
        if g == .year, keepGranularity { return p.shiftedYears(n) }
        if p.granularity.rawValue > g.rawValue { return nil }
        return p.coarsened(to: g).shifted(n)
    }

    func matchSet(_ i: Int) -> Match? {
        guard let w = word(i) else { return nil }
        if let v = TimeLexicon.frequencyAdverbs[w] {
            return Match(end: i + 1, kind: .set, value: v, point: nil)
        }
        if TimeLexicon.setQuantifiers.contains(w) || (w == "a" && i > 0 && ["once", "twice", "times"].contains(word(i - 1) ?? "")) {
            var j = i + 1
            if word(j) == "other" { j += 1 }
            var n = 1
            if w != "a", let q = quantity(j), let v = q.int, !q.isArticle { n = v; j = q.end }
            guard let uw = word(j) else { return nil }
            if let key = TimeLexicon.unitKey(uw), let unit = TimeLexicon.units[key] {
                if w == "per" && n == 1 && !["day", "week", "month", "year", "hour", "quarter"].contains(key) { return nil }
                return Match(end: j + 1, kind: .set, value: "P" + (unit.isTime ? "T" : "") + String(n * unit.multiplier) + unit.letter, point: nil)
            }
            if let wd = TimeLexicon.weekdays[uw], !TimeLexicon.weekdayAbbreviations.contains(uw) {
                return Match(end: j + 1, kind: .set, value: "XXXX-WXX-\(wd)", point: nil)
            }
            if let m = TimeLexicon.months[uw], toks[j].isCapitalized, uw.count > 3 {
                return Match(end: j + 1, kind: .set, value: "XXXX-\(TimePoint.pad(m, 2))", point: nil)
            }
            if uw == "weekend" { return Match(end: j + 1, kind: .set, value: "XXXX-WXX-WE", point: nil) }
            if let s = TimeLexicon.seasons[uw] { return Match(end: j + 1, kind: .set, value: "XXXX-\(TimePoint.seasonCodes[s])", point: nil) }
            return nil
        }
        // "Mondays", "on Sundays"
        if w.hasSuffix("s"), let wd = TimeLexicon.weekdays[String(w.dropLast())], toks[i].isCapitalized, w.count > 5 {
            return Match(end: i + 1, kind: .set, value: "XXXX-WXX-\(wd)", point: nil)
        }
        return nil
    }
}
