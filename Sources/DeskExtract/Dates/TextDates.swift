import Foundation

/// Human-written dates as bylines and datelines print them: month names (English and the common
/// Romance/Germanic languages), numeric forms, an optional clock time with am/pm and a zone.
enum TextDates {
    struct Match {
        var date: Date
        /// Characters of the input covered by the date and its time.
        var length: Int
    }

    /// `parse` accepts a string when, besides the date, at most this many letters remain after label words
    /// ("Updated", "Published", weekday names) are removed: enough for a stray "on"/"at", not for a sentence.
    static let maxLeftoverForParse = 3

    /// How far (in UTF-16 units) from the date a clock time may sit and still belong to it: a dateline like
    /// "Updated 1:39 am EST, Wednesday, November 20, 2019" puts the time ~25 characters before the date.
    static let timeWindow = 40

    static let months: [String: Int] = {
        var table: [String: Int] = [:]
        let lists: [[String]] = [
            ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"],
            ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
            ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
            ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
            ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
            ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"],
            ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
            ["januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober", "november", "desember"],
        ]
        for list in lists {
            for (i, name) in list.enumerated() where table[name] == nil { table[name] = i + 1 }
        }
        table["sept"] = 9
        return table
    }()

    static let monthAlternation: String = months.keys.sorted { $0.count > $1.count }.joined(separator: "|")

    static let monthDayYear = try! NSRegularExpression(
        pattern: #"\b("# + monthAlternation + #")\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b"#, options: [.caseInsensitive])
    static let dayMonthYear = try! NSRegularExpression(
        pattern: #"\b(\d{1,2})(?:st|nd|rd|th|\.)?\s+(?:de\s+|of\s+)?("# + monthAlternation + #")\.?,?\s+(?:de\s+)?(\d{4})\b"#,
        options: [.caseInsensitive])
    static let yearMonthDay = try! NSRegularExpression(pattern: #"\b(\d{4})([/.-])(\d{1,2})\2(\d{1,2})\b"#)
    static let numericYearLast = try! NSRegularExpression(pattern: #"\b(\d{1,2})([/.-])(\d{1,2})\2(\d{4})\b"#)
    static let clock = try! NSRegularExpression(
        pattern: #"\b(\d{1,2})(?::(\d{2})(?::(\d{2}))?\s*(a\.?\s?m\.?|p\.?\s?m\.?)?|\s*(a\.m\.|p\.m\.|am\b|pm\b))"#
            + #"(?:\s*\(?\b(UTC|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|CT|MT|PT|BST|CET|CEST|IST|Z)\b\)?)?(?:\s*([+-]\d{2}):?(\d{2}))?"#,
        options: [.caseInsensitive])

    /// Words that may surround a date in a dateline without making it "more than a date".
    static let labelWords: Set<String> = [
        "updated", "published", "posted", "modified", "last", "on", "at", "am", "pm", "de", "le", "el", "um", "às",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "a", "m", "p",
        "utc", "gmt", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "et", "ct", "mt", "pt", "bst", "cet", "cest", "z",
    ]

    static func scan(_ text: String) -> Match? {
        let ns = text as NSString
        let whole = NSRange(location: 0, length: ns.length)
        var best: (range: NSRange, y: Int, m: Int, d: Int)?
        func consider(_ range: NSRange, _ y: Int, _ m: Int, _ d: Int) {
            guard (1...12).contains(m), (1...31).contains(d), (1900...2100).contains(y) else { return }
            if best == nil || range.location < best!.range.location { best = (range, y, m, d) }
        }
        func int(_ m: NSTextCheckingResult, _ i: Int) -> Int? {
            let r = m.range(at: i)
            guard r.location != NSNotFound else { return nil }
            return Int(ns.substring(with: r))
        }
        func str(_ m: NSTextCheckingResult, _ i: Int) -> String? {
            let r = m.range(at: i)
            guard r.location != NSNotFound else { return nil }
            return ns.substring(with: r)
        }
        if let m = monthDayYear.firstMatch(in: text, range: whole), let month = months[str(m, 1)!.lowercased()],
           let d = int(m, 2), let y = int(m, 3) { consider(m.range, y, month, d) }
        if let m = dayMonthYear.firstMatch(in: text, range: whole), let month = months[str(m, 2)!.lowercased()],
           let d = int(m, 1), let y = int(m, 3) { consider(m.range, y, month, d) }
        if let m = yearMonthDay.firstMatch(in: text, range: whole), let y = int(m, 1), let mo = int(m, 3), let d = int(m, 4) {
            consider(m.range, y, mo, d)
        }
        if let m = numericYearLast.firstMatch(in: text, range: whole), let a = int(m, 1), let b = int(m, 3), let y = int(m, 4) {
            // Slashes: US month/day/year unless the first number cannot be a month; dots and dashes: day.month.year.
            if str(m, 2) == "/" && a <= 12 { consider(m.range, y, a, b) } else { consider(m.range, y, b, a) }
        }
        guard let found = best else { return nil }

        var comps = DateComponents(year: found.y, month: found.m, day: found.d, hour: 0, minute: 0, second: 0)
        var zone = TimeZone(identifier: "UTC")!
        var covered = found.range.length
        // The clock time nearest the date, within the window, that does not overlap it.
        var bestClock: NSTextCheckingResult?
        var bestDistance = Int.max
        for m in clock.matches(in: text, range: whole) {
            let r = m.range
            if NSIntersectionRange(r, found.range).length > 0 { continue }
            // A bare number needs am/pm or minutes to be a time.
            if m.range(at: 2).location == NSNotFound && m.range(at: 5).location == NSNotFound { continue }
            let distance = r.location >= NSMaxRange(found.range) ? r.location - NSMaxRange(found.range) : found.range.location - NSMaxRange(r)
            if distance <= timeWindow && distance < bestDistance { bestClock = m; bestDistance = distance }
        }
        if let m = bestClock, var hour = int(m, 1), hour <= 23 {
            let minute = int(m, 2) ?? 0
            let second = int(m, 3) ?? 0
            let meridiem = (str(m, 4) ?? str(m, 5))?.lowercased().filter { $0.isLetter }
            if meridiem == "pm", hour < 12 { hour += 12 }
            if meridiem == "am", hour == 12 { hour = 0 }
            if minute < 60, second < 61 {
                comps.hour = hour
                comps.minute = minute
                comps.second = second
                covered += m.range.length
                if let abbr = str(m, 6), let tz = timeZone(abbr) { zone = tz }
                if let oh = int(m, 7), let om = int(m, 8), let tz = TimeZone(secondsFromGMT: (oh < 0 || str(m, 7)!.hasPrefix("-") ? -1 : 1) * (abs(oh) * 3600 + om * 60)) {
                    zone = tz
                }
            }
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        // Reject impossible days ("February 31") instead of letting the calendar roll them over.
        guard let date = calendar.date(from: comps), calendar.component(.day, from: date) == found.d else { return nil }
        // What is left once the date and time are cut out and label words dropped.
        var rest = ns.replacingCharacters(in: found.range, with: " ")
        if let m = bestClock, comps.hour != 0 || comps.minute != 0 || m.range(at: 2).location != NSNotFound {
            let shifted = m.range.location > found.range.location ? NSRange(location: m.range.location - found.range.length + 1, length: m.range.length) : m.range
            rest = (rest as NSString).replacingCharacters(in: shifted, with: " ")
        }
        let leftoverLetters = rest.lowercased().split { !$0.isLetter }.filter { !labelWords.contains(String($0)) }.reduce(0) { $0 + $1.count }
        return Match(date: date, length: text.count - leftoverLetters)
    }

    /// US and common zone abbreviations; the bare US forms (ET, PT...) follow daylight saving time.
    static func timeZone(_ abbreviation: String) -> TimeZone? {
        switch abbreviation.uppercased() {
        case "UTC", "GMT", "Z": TimeZone(identifier: "UTC")
        case "EST": TimeZone(secondsFromGMT: -5 * 3600)
        case "EDT": TimeZone(secondsFromGMT: -4 * 3600)
        case "CST": TimeZone(secondsFromGMT: -6 * 3600)
        case "CDT": TimeZone(secondsFromGMT: -5 * 3600)
        case "MST": TimeZone(secondsFromGMT: -7 * 3600)
        case "MDT": TimeZone(secondsFromGMT: -6 * 3600)
        case "PST": TimeZone(secondsFromGMT: -8 * 3600)
        case "PDT": TimeZone(secondsFromGMT: -7 * 3600)
        case "ET": TimeZone(identifier: "America/New_York")
        case "CT": TimeZone(identifier: "America/Chicago")
        case "MT": TimeZone(identifier: "America/Denver")
        case "PT": TimeZone(identifier: "America/Los_Angeles")
        case "BST": TimeZone(secondsFromGMT: 3600)
        case "CET": TimeZone(secondsFromGMT: 3600)
        case "CEST": TimeZone(secondsFromGMT: 2 * 3600)
        case "IST": TimeZone(secondsFromGMT: 5 * 3600 + 1800)
        default: nil
        }
    }
}
