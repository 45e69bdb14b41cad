import DeskExtract
import Foundation

/// Dates as feeds write them: RFC 822/1123 (RSS) with the zones found in the wild (GMT, UT, EST, CEST,
/// +0200, +02:00, a missing zone), two-digit years, then everything `DateParser` reads (ISO 8601
/// variants for Atom and JSON Feed, human forms with month names in several languages). Unreadable → nil.
public enum FeedDates {
    /// Named zones seen in RSS dates, as offsets in hours. RFC 822's own set plus common European and
    /// Asian abbreviations; an ambiguous one (IST, CST) takes its most common meaning in English feeds.
    static let zones: [String: Double] = [
        "GMT": 0, "UT": 0, "UTC": 0, "Z": 0, "WET": 0, "BST": 1, "WEST": 1, "CET": 1, "MET": 1, "CEST": 2, "MEST": 2,
        "EET": 2, "EEST": 3, "MSK": 3, "IST": 5.5, "SGT": 8, "HKT": 8, "AWST": 8, "JST": 9, "KST": 9, "AEST": 10, "AEDT": 11,
        "NZST": 12, "NZDT": 13, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
        "AKST": -9, "AKDT": -8, "HST": -10, "AST": -4, "ADT": -3, "NST": -3.5,
    ]
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    public static func parse(_ raw: String?) -> Date? {
        guard let raw else { return nil }
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return nil }
        return rfc822(text) ?? DateParser.parse(text) ?? DateParser.find(in: text)
    }

    /// `[Wkd,] DD Mon YYYY HH:MM[:SS] [zone]`, tolerant of extra commas, dots and case.
    static func rfc822(_ text: String) -> Date? {
        var tokens = text.replacingOccurrences(of: ",", with: " ").split(whereSeparator: \.isWhitespace).map(String.init)
        if let first = tokens.first, first.first?.isLetter == true, !isMonth(first) { tokens.removeFirst() }  // weekday
        guard tokens.count >= 3 else { return nil }
        var day: Int?, month: Int?
        if let d = Int(tokens[0]), let m = monthNumber(tokens[1]) { (day, month) = (d, m) }
        else if let m = monthNumber(tokens[0]), let d = Int(tokens[1]) { (day, month) = (d, m) }  // "Jun 10 2003"
        guard let day, let month, (1...31).contains(day), var year = Int(tokens[2].trimmingCharacters(in: .punctuationCharacters)) else { return nil }
        if tokens[2].count == 2 { year += year < 70 ? 2000 : 1900 }
        guard (1900...2200).contains(year) else { return nil }
        var hour = 0, minute = 0, second = 0
        var rest = Array(tokens.dropFirst(3))
        if let time = rest.first, time.contains(":") {
            let parts = time.split(separator: ":").map { Int($0) }
            guard parts.count >= 2, let h = parts[0], let m = parts[1], h < 24, m < 60 else { return nil }
            hour = h; minute = m
            if parts.count > 2, let s = parts[2], s < 61 { second = s }
            rest.removeFirst()
        }
        var offset = 0.0
        if let zone = rest.first {
            guard let parsed = zoneOffset(zone) else { return nil }
            offset = parsed
        }
        var comps = DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"),
                                   year: year, month: month, day: day, hour: hour, minute: minute, second: min(second, 59))
        comps.nanosecond = 0
        guard let date = comps.date else { return nil }
        return date.addingTimeInterval(-offset * 3600)
    }

    static func zoneOffset(_ zone: String) -> Double? {
        let z = zone.uppercased().trimmingCharacters(in: CharacterSet(charactersIn: "()."))
        if let named = zones[z] { return named }
        if let sign = z.first, sign == "+" || sign == "-" {
            let digits = z.dropFirst().replacingOccurrences(of: ":", with: "")
            guard digits.count == 4 || digits.count == 2, let v = Int(digits) else { return nil }
            let hours = digits.count == 4 ? Double(v / 100) + Double(v % 100) / 60 : Double(v)
            return sign == "-" ? -hours : hours
        }
        if z.hasPrefix("GMT") || z.hasPrefix("UTC") { return zoneOffset(String(z.dropFirst(3))) }
        return nil
    }

    static func isMonth(_ token: String) -> Bool { monthNumber(token) != nil }

    static func monthNumber(_ token: String) -> Int? {
        let lower = token.lowercased().trimmingCharacters(in: .punctuationCharacters)
        guard lower.count >= 3 else { return nil }
        if let i = months.firstIndex(of: String(lower.prefix(3))), lower.count == 3 || ["june", "july", "sept", "january", "february", "march", "april", "august", "september", "october", "november", "december"].contains(lower) {
            return i + 1
        }
        return nil
    }
}
