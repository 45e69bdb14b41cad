import DeskModel

/// Calendar dates: month names with or without day and year, day-first dates, numeric dates, years,
/// decades and holidays.
extension TimeMatcher {
    /// Lowest and highest bare number read as a year without a cue word before it.
    static let plainYearRange = 1900...2099
    /// Words before a number that make it a year ("in 1887", "since 1948").
    static let yearCues: Set<String> = ["in", "since", "until", "till", "by", "from", "of", "during", "before", "after", "through", "fiscal", "year", "early", "late", "mid"]

    /// Determiners before an attributive year.
    static let determiners: Set<String> = ["the", "a", "an", "its", "his", "her", "their", "our", "that", "this", "whose", "your", "my"]

    /// A month word at `j` (capitalised), with the index after it (and after an abbreviation's period).
    func monthWord(_ j: Int) -> (month: Int, next: Int, abbreviated: Bool, word: String)? {
        guard let w = word(j), let m = TimeLexicon.months[w], toks[j].isCapitalized else { return nil }
        let full = w.count >= 5 || w == "may" || w == "june" || w == "july"
        var next = j + 1
        if !full {
            if punct(next, ".") { next += 1 } else if !(w == "sept" || dayNumber(next) != nil) { return nil }
        }
        return (m, next, !full, w)
    }

    func matchMonth(_ i: Int) -> Match? {
        var det: String?
        var j = i
        if let w = word(i), w == "last" || w == "next" || w == "this", monthWord(i + 1) != nil { det = w; j = i + 1 }
        guard let mw = monthWord(j) else { return nil }
        let m = mw.month
        let k = mw.next
        // Month Day [, Year]
        if let d = dayNumber(k), !punct(k + 1, ":"), !(k + 1 < toks.count && TimeLexicon.unitKey(toks[k + 1].lower) != nil) {
            if punct(k + 1, ","), let y = yearNumber(k + 2) {
                return emit(k + 3, .point(.day(CivilCalendar.dayNumber(y, m, min(d, CivilCalendar.daysInMonth(y, m)))), suffix: ""))
            }
            if let y = yearNumber(k + 1) {
                return emit(k + 2, .point(.day(CivilCalendar.dayNumber(y, m, min(d, CivilCalendar.daysInMonth(y, m)))), suffix: ""))
            }
            return emit(k + 1, resolveMonthDay(m, d, future: det == "next" || futureCue(before: i) || modalFutureCue(before: i)))
        }
        // Month [,|of] Year
        if let y = yearNumber(k) { return emit(k + 1, .point(.month(y, m), suffix: "")) }
        if punct(k, ",") || word(k) == "of", let y = yearNumber(k + 1) { return emit(k + 2, .point(.month(y, m), suffix: "")) }
        if let y = spelledYear(k) { return emit(y.end, .point(.month(y.year, m), suffix: "")) }
        // Bare month: ambiguous words need a cue.
        if det == nil, TimeLexicon.ambiguousMonths.contains(mw.word) || mw.abbreviated {
            guard let prev = word(i - 1), TimeLexicon.monthCues.contains(prev) else { return nil }
        }
        var end = k
        // "June last year", "January this year".
        if det == nil, let d = word(k), d == "this" || d == "last" || d == "next", word(k + 1) == "year" {
            end = k + 2
            guard let a = context.anchorDay else { return emit(end, .literal("XXXX-\(TimePoint.pad(m, 2))")) }
            let y = CivilCalendar.civil(a).y + (d == "last" ? -1 : d == "next" ? 1 : 0)
            return emit(end, .point(.month(y, m), suffix: ""))
        }
        switch det {
        case "last": return emit(end, resolveMonth(m, future: false, strict: true))
        case "next": return emit(end, resolveMonth(m, future: true, strict: true))
        case "this":
            guard let a = context.anchorDay else { return emit(end, .literal("XXXX-\(TimePoint.pad(m, 2))")) }
            return emit(end, .point(.month(CivilCalendar.civil(a).y, m), suffix: ""))
        default: return emit(end, resolveMonth(m, future: futureCue(before: i) || modalFutureCue(before: i), strict: false))
        }
    }

    /// "27 September 2022", "the 27th of September".
    func matchDayFirst(_ i: Int) -> Match? {
        var j = i
        if word(j) == "the" { j += 1 }
        guard let d = dayNumber(j) else { return nil }
        var k = j + 1
        if word(k) == "of" { k += 1 }
        guard let mw = monthWord(k) else { return nil }
        if j > i, k == j + 1 { return nil }  // "the 5 May" is odd; keep "the 27th of May"
        let m = mw.month
        if let y = yearNumber(mw.next) {
            return emit(mw.next + 1, .point(.day(CivilCalendar.dayNumber(y, m, min(d, CivilCalendar.daysInMonth(y, m)))), suffix: ""))
        }
        return emit(mw.next, resolveMonthDay(m, d, future: futureCue(before: i) || modalFutureCue(before: i)))
    }

    /// "2022-11-20", "11/20/2019".
    func matchNumericDate(_ i: Int) -> Match? {
        guard toks[i].kind == .number else { return nil }
        if let y = yearNumber(i), punct(i + 1, "-"), let m = int(i + 2), toks[i + 2].text.count == 2, (1...12).contains(m),
           punct(i + 3, "-"), let d = int(i + 4), toks[i + 4].text.count == 2, (1...CivilCalendar.daysInMonth(y, m)).contains(d),
           !toks[i + 1].spaceBefore, !toks[i + 2].spaceBefore {
            return emit(i + 5, .point(.day(CivilCalendar.dayNumber(y, m, d)), suffix: ""))
        }
        if let m = int(i), (1...12).contains(m), punct(i + 1, "/"), let d = int(i + 2), (1...31).contains(d),
           punct(i + 3, "/"), var y = int(i + 4), !toks[i + 1].spaceBefore, !toks[i + 3].spaceBefore {
            let digits = toks[i + 4].text.count
            guard digits == 2 || digits == 4 else { return nil }
            if digits == 2 { y += y > 50 ? 1900 : 2000 }
            guard d <= CivilCalendar.daysInMonth(y, m) else { return nil }
            return emit(i + 5, .point(.day(CivilCalendar.dayNumber(y, m, d)), suffix: ""))
        }
        return nil
    }

    func matchYear(_ i: Int) -> Match? {
        var j = i
        if word(j) == "the" { j += 1 }
        // Decades: "the 1990s", "1990s".
        if j < toks.count, toks[j].kind == .word, toks[j].text.count == 5, toks[j].lower.hasSuffix("s"),
           let y = Int(toks[j].text.prefix(4)), y % 10 == 0, (1000...2999).contains(y) {
            return emit(j + 1, .point(TimePoint(granularity: .decade, year: y / 10), suffix: ""), remember: false)
        }
        // Centuries: "the 21st century", "the 1800s" is a decade-like "18".
        if j < toks.count, toks[j].kind == .word, let n = Int(toks[j].lower.dropLast(2)),
           ["st", "nd", "rd", "th"].contains(String(toks[j].lower.suffix(2))), (1...30).contains(n) {
            var k = j + 1
            if punct(k, "-") { k += 1 }
            if word(k) == "century" {
                return emit(k + 1, .point(TimePoint(granularity: .century, year: n - 1), suffix: ""), remember: false)
            }
        }
        j = i
        if word(j) == "fiscal" {
            j += 1
            if word(j) == "year" { j += 1 }
            if let y = yearNumber(j) { return emit(j + 1, .point(.year(y), suffix: "")) }
            return nil
        }
        guard let y = yearNumber(i) else { return nil }
        if i > 0, toks[i - 1].kind == .punct, ["$", "#", "£", "€", "№"].contains(toks[i - 1].text) { return nil }
        if punct(i + 1, "%") { return nil }
        let cue = word(i - 1).map { Self.yearCues.contains($0) } ?? false
        // "the 1998 bombing", "its 1990 invasion", "the company's 1989 results": a year used attributively.
        let attributive = word(i - 1).map { Self.determiners.contains($0) || ($0 == "s" && (punct(i - 2, "'") || punct(i - 2, "’"))) } ?? false
        if attributive, Self.plainYearRange.contains(y) || y >= 1500 {
            return emit(i + 1, .point(.year(y), suffix: ""))
        }
        if !cue {
            guard Self.plainYearRange.contains(y) else { return nil }
            if i + 1 < toks.count, toks[i + 1].kind == .word, !toks[i + 1].isCapitalized,
               !Stopwords.english.contains(toks[i + 1].lower) {
                return nil
            }
            if i + 1 < toks.count, toks[i + 1].kind == .number { return nil }
        }
        return emit(i + 1, .point(.year(y), suffix: ""))
    }

    func matchHoliday(_ i: Int) -> Match? {
        guard let w = word(i), toks[i].isCapitalized else { return nil }
        var end = i + 1
        var md: (Int, Int)?
        var thanksgiving = false
        switch w {
        case "christmas":
            md = (12, 25)
            if word(end) == "eve" { md = (12, 24); end += 1 } else if word(end) == "day" { end += 1 }
        case "halloween": md = (10, 31)
        case "thanksgiving":
            thanksgiving = true
            if word(end) == "day" { end += 1 }
        case "new":
            guard word(i + 1) == "year", punct(i + 2, "'") || punct(i + 2, "’"), word(i + 3) == "s" else { return nil }
            if word(i + 4) == "day" { md = (1, 1) } else if word(i + 4) == "eve" { md = (12, 31) } else { return nil }
            end = i + 5
        default: return nil
        }
        if thanksgiving {
            guard let a = context.anchorDay else { return emit(end, .literal("XXXX-11-XX")) }
            let y0 = CivilCalendar.civil(a).y
            for y in [y0, y0 - 1] {
                let nov1 = CivilCalendar.dayNumber(y, 11, 1)
                let firstThu = nov1 + (4 - CivilCalendar.weekday(nov1) + 7) % 7
                let day = firstThu + 21
                if day - a <= Self.futureToleranceDays { return emit(end, .point(.day(day), suffix: "")) }
            }
            return nil
        }
        guard let (m, d) = md else { return nil }
        return emit(end, resolveMonthDay(m, d, future: futureCue(before: i) || modalFutureCue(before: i)))
    }
}
