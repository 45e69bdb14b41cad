import DeskModel

/// Expressions relative to the anchor or to the narrative: "last week", "the following month",
/// "Monday", "yesterday", quarters, "now", clock times.
extension TimeMatcher {
    /// Determiners of a calendar unit and what they do (-1 previous, 0 same, +1 next), and whether they
    /// count from the narrative reference (true) or from the anchor (false).
    static let unitDeterminers: [String: (shift: Int, narrative: Bool)] = [
        "this": (0, false), "current": (0, false), "last": (-1, false), "next": (1, false), "coming": (1, false),
        "previous": (-1, true), "preceding": (-1, true), "following": (1, true), "same": (0, true), "that": (0, true),
    ]

    func matchRelativeUnit(_ i: Int) -> Match? {
        var j = i
        var hasThe = false
        if word(j) == "the" { hasThe = true; j += 1 }
        guard let d = word(j) else { return nil }
        var k = j + 1
        // "the past week" → a duration of one unit.
        // "the weekend": the latest weekend at or before the anchor.
        if d == "weekend" && hasThe {
            guard let a = context.anchorDay else { return emit(k, .literal("XXXX-WXX-WE")) }
            let wd = CivilCalendar.weekday(a)
            let day = wd >= 6 ? a : a - wd  // Saturday/Sunday: this weekend; otherwise the Sunday before
            return emit(k, .point(.week(containing: day, weekend: true), suffix: ""), remember: false)
        }
        if d == "past" && hasThe, let u = word(k), let key = TimeLexicon.unitKey(u), key == u, let unit = TimeLexicon.units[key] {
            return Match(end: k + 1, kind: .duration, value: "P" + (unit.isTime ? "T" : "") + String(unit.multiplier) + unit.letter, point: nil)
        }
        guard var rule = Self.unitDeterminers[d] else { return nil }
        if d == "next" && hasThe { rule = (1, true) }          // "the next day" follows the narrative
        if d == "last" && hasThe { rule = (-1, false) }        // "the last week" ~ "last week"
        if d == "same" && !hasThe { return nil }   // "same day" without "the" is rare and vague
        if d == "that" && hasThe { return nil }
        guard let u = word(k) else { return nil }
        k += 1
        // Seasons: "last fall", "this summer".
        if let s = TimeLexicon.seasons[u] {
            if rule.narrative { return nil }
            guard let a = context.anchorDay else { return emit(k, .literal("XXXX-\(TimePoint.seasonCodes[s])")) }
            let c = CivilCalendar.civil(a)
            let cur = TimePoint.season(ofMonth: c.m)
            var y = c.y
            if c.m <= 2 { y -= 1 }  // January-February belong to last year's winter
            switch rule.shift {
            case -1: if s >= cur { y -= 1 }
            case 1: if s <= cur { y += 1 }
            default: break
            }
            return emit(k, .point(TimePoint(granularity: .season, year: y, part: s), suffix: ""))
        }
        guard var g = TimeLexicon.calendarUnits[u] else { return nil }
        if u == "day" && !rule.narrative { return nil }       // "this day", "last day" are not dates here
        if u == "weekend" { g = .weekend }
        // Narrative determiners count from the last date mentioned; "that" and "the same" need one.
        let origin: TimePoint? = rule.narrative ? (context.reference ?? (d == "that" || d == "same" ? nil : anchorPoint)) : anchorPoint
        guard let o = origin else {
            if rule.narrative && (d == "that" || d == "same") { return nil }
            return emit(k, .literal(Self.unanchored(g)))
        }
        if o.granularity.rawValue > g.rawValue && !(g == .weekend && o.granularity == .week) {
            // The reference is coarser than the unit ("the following day" after "1990").
            return emit(k, .literal(Self.unanchored(g)))
        }
        return emit(k, .point(o.coarsened(to: g).shifted(rule.shift), suffix: ""))
    }

    func matchQuarter(_ i: Int) -> Match? {
        var j = i
        var hasThe = false
        if word(j) == "the" { hasThe = true; j += 1 }
        var qualifier: String?
        var yearAgo = false
        var explicitYear: Int?
        if hasThe, let y = yearNumber(j) { explicitYear = y; j += 1 }
        if let w = word(j), ["latest", "recent", "current", "past", "previous", "last", "same", "comparable", "fiscal", "this", "next", "prior"].contains(w) {
            qualifier = w; j += 1
        }
        if word(j) == "year", punct(j + 1, "-"), let w = word(j + 2), w == "ago" || w == "earlier" {
            yearAgo = true; j += 3
            if punct(j, "-") { j += 1 }
        }
        if word(j) == "fiscal" { j += 1 }
        var ordinal: Int?
        if let w = word(j), let n = TimeLexicon.ordinals[w] { ordinal = n; j += 1 }
        else if word(j) == "final" { ordinal = 4; j += 1 }
        if ordinal != nil, punct(j, "-") { j += 1 }
        let unit = word(j)
        guard unit == "quarter" || unit == "half" || unit == "period" || (yearAgo && ordinal == nil) else { return nil }
        let isHalf = unit == "half"
        if unit == "period" && !(yearAgo || qualifier == "latest" || qualifier == "same" || qualifier == "comparable") { return nil }
        if isHalf && ordinal.map({ $0 > 2 }) ?? true { return nil }
        let end = (unit == "quarter" || unit == "half" || unit == "period") ? j + 1 : j
        var last = end
        if explicitYear == nil {
            if word(last) == "of" || punct(last, ","), let y = yearNumber(last + 1) { explicitYear = y; last += 2 }
            else if let y = yearNumber(last) { explicitYear = y; last += 1 }
        }
        // Without an ordinal, a quarter needs "the" or a qualifier: "the quarter", "this quarter", "year-ago".
        if ordinal == nil, !hasThe, !yearAgo, !["this", "last", "next", "current"].contains(qualifier ?? "") { return nil }
        if yearAgo, ordinal == nil, unit != "quarter", unit != "period" {
            // "year-earlier" alone: a year before the period under discussion.
            guard let p = yearEarlier(1) else { return emit(end, .literal("XXXX")) }
            return emit(end, .point(p, suffix: ""), remember: false)
        }
        let g: TimePoint.Granularity = isHalf ? .half : .quarter
        var p: TimePoint
        if let y = explicitYear, let n = ordinal {
            p = TimePoint(granularity: g, year: y, part: n)
        } else if let y = explicitYear {
            // "the 1988 quarter": the quarter under discussion, in that year.
            let part = context.reference.flatMap { $0.granularity == g ? $0.part : nil }
                ?? context.anchorDay.map { TimePoint.day($0).coarsened(to: g).shifted(-1).part } ?? 1
            p = TimePoint(granularity: g, year: y, part: part)
        } else if let a = context.anchorDay {
            let current = TimePoint.day(a).coarsened(to: g)
            if let n = ordinal {
                p = TimePoint(granularity: g, year: current.year, part: n)
                if p.firstDay > a { p.year -= 1 }
            } else {
                switch qualifier {
                case "current", "this": p = current
                case "next": p = current.shifted(1)
                default: p = current.shifted(-1)   // "the quarter", "the latest quarter": the last one reported
                }
                if unit == "period", qualifier == "same" || qualifier == "comparable", let r = context.reference { p = r }
            }
        } else {
            return emit(last, .literal(isHalf ? "XXXX-H\(ordinal ?? 0)" : "XXXX-Q\(ordinal.map(String.init) ?? "X")"))
        }
        if yearAgo { p = p.shiftedYears(-1) }
        return emit(last, .point(p, suffix: ""), remember: !yearAgo)
    }

    /// Parts of the day that keep a weekday's plain date value.
    static let plainDateParts: Set<String> = ["morning", "night"]

    /// The period `n` years before the one under discussion: a reported quarter or half of the anchor's
    /// year keeps its granularity ("a year earlier" than 1989-Q3 is 1988-Q3); otherwise a whole year.
    func yearEarlier(_ n: Int) -> TimePoint? {
        let anchorYear = context.anchorDay.map { CivilCalendar.civil($0).y }
        if let r = context.reference, r.granularity == .quarter || r.granularity == .half,
           anchorYear == nil || r.year == anchorYear {
            return r.shiftedYears(-n)
        }
        if let r = context.reference, anchorYear == nil { return .year(r.coarsened(to: .year).year - n) }
        return anchorYear.map { .year($0 - n) }
    }

    /// A part of the day right after index `k`: ("morning", "TMO").
    func partOfDay(_ k: Int) -> String? {
        guard let w = word(k) else { return nil }
        return TimeLexicon.partsOfDay[w]
    }

    func matchWeekday(_ i: Int) -> Match? {
        // "the previous Friday", "the following Monday": relative to the day under discussion.
        if word(i) == "the", let d = word(i + 1), d == "previous" || d == "following" || d == "next" || d == "preceding",
           let w = word(i + 2), let wd = TimeLexicon.weekdays[w], !TimeLexicon.weekdayAbbreviations.contains(w) {
            guard let r = context.reference, r.granularity == .day else { return emit(i + 3, .literal("XXXX-WXX-\(wd)")) }
            let rd = r.firstDay, rw = CivilCalendar.weekday(rd)
            let forward = d == "following" || d == "next"
            var delta = forward ? (wd - rw + 7) % 7 : (rw - wd + 7) % 7
            if delta == 0 { delta = 7 }
            return emit(i + 3, .point(.day(forward ? rd + delta : rd - delta), suffix: ""))
        }
        var j = i
        var det: String?
        if let w = word(i), w == "last" || w == "next" || w == "this" || w == "past" { det = w; j += 1 }
        guard let w = word(j), let wd = TimeLexicon.weekdays[w], !TimeLexicon.weekdayAbbreviations.contains(w) else { return nil }
        var end = j + 1
        // "Saturday, April 25": the explicit date decides.
        if punct(end, ","), let m = matchMonth(end + 1), m.value.count == 10 {
            return Match(end: m.end, kind: .date, value: m.value, point: m.point)
        }
        let future: Bool
        switch det {
        case "last", "past": future = false
        case "next": future = true
        case "this": future = futureCue(before: i) || !pastTense(around: i)
        default: future = futureCue(before: i) || (!sentenceHasPastTense && nearerAhead(wd)) || isTomorrow(wd)
        }
        let r = resolveWeekday(wd, future: future, strict: det == "last" || det == "next")
        var suffix = ""
        // "Friday night": the part of the day stays in the span; annotated news mostly gives the plain date
        // for mornings and nights of a named day, and the evening suffix for evenings.
        if let p = partOfDay(end) {
            if !Self.plainDateParts.contains(word(end) ?? "") { suffix = p }
            end += 1
        }
        switch r {
        case .point(let p, _): return emit(end, .point(p, suffix: suffix))
        case .literal(let s): return emit(end, .literal(s + suffix), kind: suffix.isEmpty ? .date : .time)
        }
    }

    /// A past-tense verb shortly before `i` (crudely: a word ending in "ed", or a common irregular past).
    static let irregularPast: Set<String> = [
        "said", "was", "were", "had", "met", "told", "took", "made", "went", "came", "left", "won", "lost", "fell",
        "rose", "began", "gave", "got", "held", "found", "saw", "spoke", "wrote", "sent", "struck", "fought", "ran",
        "led", "paid", "sold", "bought", "brought", "thought", "knew", "became", "hit", "shot", "killed", "did",
    ]

    /// Whether weekday `wd` is the day after the anchor: news names yesterday's and last week's days by
    /// weekday, but the day six days back far more rarely than tomorrow ("talks resume Tuesday", in a
    /// story that reports in the past tense what was said).
    func isTomorrow(_ wd: Int) -> Bool {
        guard let a = context.anchorDay else { return false }
        return (wd - CivilCalendar.weekday(a) + 7) % 7 == 1
    }

    /// Whether weekday `wd` is nearer ahead of the anchor than behind it.
    func nearerAhead(_ wd: Int) -> Bool {
        guard let a = context.anchorDay else { return false }
        let aw = CivilCalendar.weekday(a)
        let ahead = (wd - aw + 7) % 7, behind = (aw - wd + 7) % 7
        return ahead > 0 && ahead < behind
    }

    /// A past-tense verb anywhere in the sentence (crude, see `pastTense(around:)`).
    var sentenceHasPastTense: Bool { pastTense(around: toks.count, window: toks.count) }

    func pastTense(around i: Int, window: Int = TimeLexicon.futureCueWindow) -> Bool {
        var k = i - 1
        while k >= 0, k >= i - window {
            if let w = word(k), (w.hasSuffix("ed") && w.count > 4) || Self.irregularPast.contains(w) { return true }
            k -= 1
        }
        return false
    }

    func matchDeictic(_ i: Int) -> Match? {
        guard let w = word(i) else { return nil }
        // "the day before", "the day after": a day from the day under discussion.
        if w == "the", word(i + 1) == "day", let d = word(i + 2), d == "before" || d == "after",
           i + 3 >= toks.count || toks[i + 3].kind == .punct || word(i + 3) == "yesterday" || word(i + 3) == "tomorrow" {
            if let y = word(i + 3), y == "yesterday" || y == "tomorrow" {
                guard let a = context.anchorDay else { return emit(i + 4, .literal("XXXX-XX-XX")) }
                return emit(i + 4, .point(.day(a + (y == "yesterday" ? -2 : 2)), suffix: ""))
            }
            guard let r = context.reference ?? anchorPoint, r.granularity == .day else { return emit(i + 3, .literal("XXXX-XX-XX")) }
            return emit(i + 3, .point(.day(r.firstDay + (d == "before" ? -1 : 1)), suffix: ""))
        }
        var day: Int?
        var end = i + 1
        var suffix = ""
        switch w {
        case "today": day = 0
        case "yesterday": day = -1
        case "tomorrow": day = 1
        case "tonight": day = 0; suffix = "TNI"
        case "this", "last":
            guard let p = partOfDay(i + 1) else { return nil }
            if w == "last" && word(i + 1) != "night" { return nil }
            day = w == "last" ? -1 : 0; suffix = p; end += 1
        default: return nil
        }
        if suffix.isEmpty, let p = partOfDay(end) { suffix = p; end += 1 }
        guard let offset = day else { return nil }
        guard let a = context.anchorDay else {
            return emit(end, .literal("XXXX-XX-XX" + suffix), kind: suffix.isEmpty ? .date : .time)
        }
        return emit(end, .point(.day(a + offset), suffix: suffix))
    }

    func matchReference(_ i: Int) -> Match? {
        guard let w = word(i) else { return nil }
        if let v = TimeLexicon.referenceWords[w] {
            return Match(end: i + 1, kind: .date, value: v, point: nil)
        }
        if w == "the" || w == "these" || w == "at" {
            var j = i + 1
            if word(j) == "near" || word(j) == "distant" || word(j) == "foreseeable" || word(j) == "immediate" { j += 1 }
            switch word(j) {
            case "future" where w == "the": return Match(end: j + 1, kind: .date, value: "FUTURE_REF", point: nil)
            case "past" where w == "the" && j == i + 1: return Match(end: j + 1, kind: .date, value: "PAST_REF", point: nil)
            case "present" where w == "the" && j == i + 1 && !(j + 1 < toks.count && toks[j + 1].kind == .word && !Stopwords.english.contains(toks[j + 1].lower)):
                return Match(end: j + 1, kind: .date, value: "PRESENT_REF", point: nil)
            case "days" where w == "these": return Match(end: j + 1, kind: .date, value: "PRESENT_REF", point: nil)
            case "moment" where w == "at" && word(i + 1) == "the": return Match(end: j + 1, kind: .date, value: "PRESENT_REF", point: nil)
            default: return nil
            }
        }
        return nil
    }

    /// Time-zone abbreviations allowed after a clock time.
    static let timeZones: Set<String> = [
        "ET", "PT", "CT", "MT", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "GMT", "UTC", "BST", "CET",
        "CEST", "EET", "EEST", "IST", "JST", "KST", "AEST", "AEDT", "HKT", "SGT", "MSK", "WIB",
    ]

    /// "5 p.m.", "10:35 a.m. EST", "noon Saturday".
    func matchClock(_ i: Int) -> Match? {
        guard i < toks.count else { return nil }
        var hour: Int, minute = 0
        var j: Int
        if let w = word(i), w == "noon" || w == "midnight" || w == "midday" {
            hour = w == "midnight" ? 24 : 12; j = i + 1
        } else {
            let t = toks[i]
            var text = t.lower
            var glued: String?
            if t.kind == .word {
                for s in ["am", "pm"] where text.hasSuffix(s) { glued = s; text.removeLast(2); break }
                guard glued != nil else { return nil }
            } else if t.kind != .number { return nil }
            let parts = text.split(separator: ":")
            guard !parts.isEmpty, parts.count <= 2, let h = Int(parts[0]) else { return nil }
            hour = h
            if parts.count == 2 { guard let m = Int(parts[1]), parts[1].count == 2, m < 60 else { return nil }; minute = m }
            j = i + 1
            var meridiem = glued
            if meridiem == nil {
                if let w = word(j), w == "am" || w == "pm" { meridiem = w; j += 1 }
                else if let w = word(j), w == "a" || w == "p", punct(j + 1, "."), word(j + 2) == "m" {
                    meridiem = w + "m"; j += 3
                    if punct(j, ".") { j += 1 }
                }
            }
            guard let mer = meridiem, (1...12).contains(hour) else { return nil }
            if mer == "pm" && hour < 12 { hour += 12 }
            if mer == "am" && hour == 12 { hour = 0 }
        }
        // Time zone.
        if j < toks.count, toks[j].kind == .word, toks[j].text.count <= 4, toks[j].text.count >= 2,
           toks[j].text == toks[j].text.uppercased(), Self.timeZones.contains(toks[j].text) {
            j += 1
        } else if word(j) == "local", word(j + 1) == "time" {
            j += 2
        }
        // A day after the time: "10 p.m. Wednesday", "noon today", "5 p.m. EST, Nov. 6"; else the day under discussion.
        var day = context.reference.flatMap { $0.granularity == .day ? $0.firstDay : nil } ?? context.anchorDay
        // "8 p.m. on Tuesday": the day may follow after "on".
        if word(j) == "on", let w = word(j + 1), TimeLexicon.weekdays[w] != nil || TimeLexicon.months[w] != nil { j += 1 }
        let comma = punct(j, ",") ? 1 : 0
        if let m = matchMonth(j + comma), m.value.count == 10, let p = m.point {
            day = p.firstDay
            j = m.end
        } else if let w = word(j) {
            if let wd = TimeLexicon.weekdays[w], !TimeLexicon.weekdayAbbreviations.contains(w) {
                if case .point(let p, _) = resolveWeekday(wd, future: futureCue(before: i), strict: false) { day = p.firstDay } else { day = nil }
                j += 1
            } else if w == "today" || w == "yesterday" || w == "tomorrow" {
                if let a = context.anchorDay { day = a + (w == "yesterday" ? -1 : w == "tomorrow" ? 1 : 0) }
                j += 1
            }
        }
        let clock = "T" + TimePoint.pad(hour, 2) + ":" + TimePoint.pad(minute, 2)
        guard let d = day else { return Match(end: j, kind: .time, value: "XXXX-XX-XX" + clock, point: nil) }
        return Match(end: j, kind: .time, value: TimePoint.day(d).value + clock, point: nil)
    }
}
