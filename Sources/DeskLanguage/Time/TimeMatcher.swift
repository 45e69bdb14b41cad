import DeskModel

/// One pass of the time rules over one sentence. Rules live in the `TimeMatcher+*.swift` files.
struct TimeMatcher {
    let scalars: [Unicode.Scalar]
    let toks: [ScalarToken]
    var context: TimeContext

    /// A recognised expression: token range end (exclusive), type, value, and the point to remember.
    struct Match {
        var end: Int
        var kind: TimeRef.Kind
        var value: String
        var point: TimePoint?
    }

    /// A value before it is written: a calendar point (with an optional part-of-day or clock suffix) or a literal.
    enum Resolved {
        case point(TimePoint, suffix: String)
        case literal(String)
    }

    init(sentence: String, context: TimeContext) {
        self.scalars = Array(sentence.unicodeScalars)
        self.toks = ScalarTokenizer.tokenize(sentence)
        self.context = context
    }

    mutating func run() -> [TimeRef] {
        var out: [TimeRef] = []
        var i = 0
        while i < toks.count {
            if let (start, m) = matchWithModifiers(i) {
                let a = toks[start].start, b = toks[m.end - 1].end
                out.append(TimeRef(text: ScalarTokenizer.slice(scalars, a, b), start: a, end: b, kind: m.kind, value: m.value))
                if let p = m.point { context.reference = p }
                i = m.end
            } else {
                i += 1
            }
        }
        return out
    }

    /// Every word a rule or modifier can start with.
    static let triggers: Set<String> = {
        var s: Set<String> = [
            "the", "a", "an", "this", "last", "next", "past", "these", "at", "fiscal", "year", "final", "every", "each",
            "per", "noon", "midnight", "midday", "today", "yesterday", "tomorrow", "tonight", "christmas", "halloween",
            "thanksgiving", "new", "end", "beginning", "start", "few", "couple",
        ]
        s.formUnion(TimeLexicon.months.keys)
        s.formUnion(TimeLexicon.weekdays.keys)
        s.formUnion(TimeLexicon.weekdays.keys.map { $0 + "s" })
        s.formUnion(TimeLexicon.numberWords.keys)
        s.formUnion(TimeLexicon.units.keys.map { $0 + "s" })
        s.insert("centuries")
        s.formUnion(TimeLexicon.vagueQuantities)
        s.formUnion(TimeLexicon.ordinals.keys)
        s.formUnion(TimeLexicon.frequencyAdverbs.keys)
        s.formUnion(TimeLexicon.referenceWords.keys)
        s.formUnion(TimeLexicon.innerModifiers)
        s.formUnion(TimeMatcher.durationAdjectives)
        s.formUnion(TimeMatcher.unitDeterminers.keys)
        s.formUnion(["latest", "recent", "current", "previous", "same", "comparable", "prior"])
        s.formUnion(TimeLexicon.seasons.keys)
        s.formUnion(TimeMatcher.spelledCenturies.keys)
        return s
    }()

    /// Span modifiers that stay inside the tag: "early", "late", "mid-", "the end of" ...
    static let prefixPhrases: [[String]] = [
        ["the", "end", "of"], ["the", "beginning", "of"], ["the", "start", "of"], ["the", "middle", "of"],
        ["end", "of"], ["beginning", "of"], ["start", "of"], ["the", "turn", "of"],
    ]

    func matchWithModifiers(_ i: Int) -> (Int, Match)? {
        // Only start on numbers and on words some rule can start with (most tokens are neither).
        let t = toks[i]
        switch t.kind {
        case .punct: return nil
        case .number: break
        case .word:
            if let f = t.lower.utf8.first, f >= 48 && f <= 57 { break }
            guard Self.triggers.contains(t.lower) else { return nil }
        }
        var j = i
        for phrase in Self.prefixPhrases where words(at: i, phrase) {
            j = i + phrase.count
            break
        }
        if j == i, let w = word(i), TimeLexicon.innerModifiers.contains(w) {
            j = i + 1
            if punct(j, "-") { j += 1 }
        }
        if j > i, j < toks.count, let m = matchCore(j) { return (i, m) }
        if let m = matchCore(i) { return (i, m) }
        return nil
    }

    /// The rules, tried in order; the first that matches wins (longer, more specific rules first).
    static let rules: [@Sendable (TimeMatcher, Int) -> Match?] = [
        { $0.matchDuration($1) }, { $0.matchQuarter($1) }, { $0.matchRelativeUnit($1) }, { $0.matchClock($1) },
        { $0.matchSeasonOfYear($1) }, { $0.matchMonth($1) }, { $0.matchDayFirst($1) }, { $0.matchWeekday($1) },
        { $0.matchDeictic($1) }, { $0.matchSpelledYear($1) }, { $0.matchTheYear($1) }, { $0.matchTheSeason($1) },
        { $0.matchCurrent($1) }, { $0.matchDecadeWord($1) },
        { $0.matchNumericDate($1) }, { $0.matchYear($1) }, { $0.matchReference($1) }, { $0.matchSet($1) },
        { $0.matchHoliday($1) },
    ]

    func matchCore(_ i: Int) -> Match? {
        for rule in Self.rules {
            if let m = rule(self, i) { return m }
        }
        return nil
    }

    // MARK: token helpers

    func word(_ i: Int) -> String? {
        i >= 0 && i < toks.count && toks[i].kind == .word ? toks[i].lower : nil
    }

    func punct(_ i: Int, _ p: String) -> Bool {
        i >= 0 && i < toks.count && toks[i].kind == .punct && toks[i].text == p
    }

    func words(at i: Int, _ ws: [String]) -> Bool {
        guard i + ws.count <= toks.count else { return false }
        for (k, w) in ws.enumerated() where word(i + k) != w { return false }
        return true
    }

    /// A plain integer token.
    func int(_ i: Int) -> Int? {
        i >= 0 && i < toks.count ? toks[i].intValue : nil
    }

    /// A four-digit year token.
    func yearNumber(_ i: Int) -> Int? {
        guard let v = int(i), toks[i].text.count == 4, (1000...2999).contains(v) else { return nil }
        return v
    }

    /// A day of month: "27", "27th".
    func dayNumber(_ i: Int) -> Int? {
        guard i < toks.count else { return nil }
        var t = toks[i].lower
        if toks[i].kind == .word {
            for suf in ["st", "nd", "rd", "th"] where t.hasSuffix(suf) { t.removeLast(2); break }
        } else if toks[i].kind != .number { return nil }
        guard t.count <= 2, let v = Int(t), (1...31).contains(v) else { return nil }
        return v
    }

    /// A future cue ("will", "next") in the few tokens before `i`.
    func futureCue(before i: Int) -> Bool {
        var k = i - 1
        var seen = 0
        while k >= 0, seen < TimeLexicon.futureCueWindow {
            if let w = word(k), TimeLexicon.futureCues.contains(w) { return true }
            k -= 1; seen += 1
        }
        return false
    }

    /// A future modal (`TimeLexicon.futureModals`: "will", "shall", "'ll", "would") earlier in the same sentence,
    /// at most `modalCueWindow` tokens back: a month or date in a sentence about what will happen is the coming
    /// one ("will take part in the summit in April"), however far the verb stands from it.
    func modalFutureCue(before i: Int) -> Bool {
        var k = i - 1
        while k >= 0, i - k <= TimeLexicon.modalCueWindow {
            if toks[k].kind == .punct, [".", "?", "!", ";"].contains(toks[k].text) { return false }
            if let w = word(k), TimeLexicon.futureModals.contains(w) { return true }
            k -= 1
        }
        return false
    }

    // MARK: resolution helpers

    func emit(_ end: Int, _ r: Resolved, kind: TimeRef.Kind = .date, remember: Bool = true) -> Match {
        switch r {
        case .point(let p, let suffix):
            return Match(end: end, kind: suffix.isEmpty ? kind : .time, value: p.value + suffix, point: remember ? p : nil)
        case .literal(let s):
            return Match(end: end, kind: kind, value: s, point: nil)
        }
    }

    /// The base for narrative-relative expressions: the last date mentioned, else the anchor day.
    var base: TimePoint? {
        context.reference ?? context.anchorDay.map { TimePoint.day($0) }
    }

    /// Weekday `wd` nearest the anchor in a direction (-1 past, +1 future); `strict` skips the anchor day itself.
    func resolveWeekday(_ wd: Int, future: Bool, strict: Bool) -> Resolved {
        guard let a = context.anchorDay else { return .literal("XXXX-WXX-\(wd)") }
        let aw = CivilCalendar.weekday(a)
        var d = future ? (wd - aw + 7) % 7 : (aw - wd + 7) % 7
        if strict && d == 0 { d = 7 }
        return .point(.day(future ? a + d : a - d), suffix: "")
    }

    /// A month without a year: the most recent one, or one at most `monthFutureTolerance` months ahead
    /// (news announces the coming months too); the next one with a future cue.
    func resolveMonth(_ m: Int, future: Bool, strict: Bool) -> Resolved {
        guard let a = context.anchorDay else { return .literal("XXXX-\(TimePoint.pad(m, 2))") }
        let c = CivilCalendar.civil(a)
        var y = c.y
        if future {
            if m < c.m || (strict && m == c.m) { y += 1 }
        } else if strict {
            if m >= c.m { y -= 1 }
        } else {
            let ahead = m - c.m
            if ahead > Self.monthFutureTolerance { y -= 1 }
            // A month just ahead across the new year ("January" in a November article).
            else if ahead < 0, ahead + 12 <= Self.monthFutureTolerance { y += 1 }
        }
        return .point(.month(y, m), suffix: "")
    }

    /// How many months ahead of the anchor a bare month name may point before it is read as last year's.
    static let monthFutureTolerance = 2

    /// How far after the anchor a month-day without a year may fall before it is read as last year's.
    static let futureToleranceDays = 90

    /// A month and day without a year: the latest such date no later than the anchor plus a tolerance.
    func resolveMonthDay(_ m: Int, _ d: Int, future: Bool) -> Resolved {
        guard let a = context.anchorDay else { return .literal("XXXX-\(TimePoint.pad(m, 2))-\(TimePoint.pad(d, 2))") }
        let y = CivilCalendar.civil(a).y
        if future {
            for year in [y - 1, y, y + 1] {
                let n = CivilCalendar.dayNumber(year, m, min(d, CivilCalendar.daysInMonth(year, m)))
                if n >= a - 1 { return .point(.day(n), suffix: "") }
            }
        }
        for year in [y + 1, y, y - 1] {
            let n = CivilCalendar.dayNumber(year, m, min(d, CivilCalendar.daysInMonth(year, m)))
            if n - a <= Self.futureToleranceDays { return .point(.day(n), suffix: "") }
        }
        return .point(.day(CivilCalendar.dayNumber(y - 1, m, min(d, CivilCalendar.daysInMonth(y - 1, m)))), suffix: "")
    }

    /// The anchor day as a point, or nil.
    var anchorPoint: TimePoint? { context.anchorDay.map { TimePoint.day($0) } }

    /// An unanchored value of a granularity.
    static func unanchored(_ g: TimePoint.Granularity) -> String {
        switch g {
        case .day: return "XXXX-XX-XX"
        case .week: return "XXXX-WXX"
        case .weekend: return "XXXX-WXX-WE"
        case .month: return "XXXX-XX"
        case .quarter: return "XXXX-QX"
        case .half: return "XXXX-HX"
        case .season: return "XXXX-XX"
        case .year: return "XXXX"
        case .decade: return "XXX"
        case .century: return "XX"
        }
    }
}
