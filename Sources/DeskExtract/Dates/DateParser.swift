import Foundation

/// Parses the date forms found in pages, scrapes and records.
public enum DateParser {
    /// Parses a string that is (essentially) only a date: ISO 8601, RFC 822, or the human forms found in
    /// bylines and datelines ("Nov. 19, 2019", "November 20, 2019 at 5:02 p.m. ET", "20 November 2019",
    /// "2019/11/20", "Updated 1:39 am EST, Wednesday, November 20, 2019").
    public static func parse(_ raw: String) -> Date? {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return nil }
        if let iso = ISO8601Dates.parse(text) { return iso }
        guard let match = TextDates.scan(text) else { return nil }
        // "Only a date": little besides the date may remain (labels like "Updated", weekday names).
        let leftover = text.count - match.length
        guard leftover <= TextDates.maxLeftoverForParse else { return nil }
        return match.date
    }

    /// Finds the first date inside a longer line ("Posted by Jane Doe on November 19, 2019, 6:21 AM EST").
    public static func find(in raw: String) -> Date? {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return nil }
        if let iso = ISO8601Dates.find(in: text) { return iso }
        return TextDates.scan(text)?.date
    }
}

/// ISO 8601 and its common variants: date only, with or without seconds, fraction and zone.
enum ISO8601Dates {
    static func parse(_ text: String) -> Date? {
        let s = Array(text.utf8)
        func num(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= s.count else { return nil }
            var v = 0
            for i in from..<(from + count) {
                guard s[i] >= 48 && s[i] <= 57 else { return nil }
                v = v * 10 + Int(s[i] - 48)
            }
            return v
        }
        guard let year = num(0, 4), s.count >= 10, s[4] == UInt8(ascii: "-"), let month = num(5, 2),
              s[7] == UInt8(ascii: "-"), let day = num(8, 2), (1...12).contains(month), (1...31).contains(day) else { return nil }
        var comps = DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"),
                                   year: year, month: month, day: day, hour: 0, minute: 0, second: 0)
        var i = 10
        var offset = 0
        if i < s.count, s[i] == UInt8(ascii: "T") || s[i] == UInt8(ascii: " ") {
            guard let h = num(i + 1, 2), s.count > i + 3, s[i + 3] == UInt8(ascii: ":"), let m = num(i + 4, 2) else { return nil }
            comps.hour = h
            comps.minute = m
            i += 6
            if i < s.count, s[i] == UInt8(ascii: ":"), let sec = num(i + 1, 2) { comps.second = sec; i += 3 }
            if i < s.count, s[i] == UInt8(ascii: ".") || s[i] == UInt8(ascii: ",") {
                i += 1
                while i < s.count, s[i] >= 48 && s[i] <= 57 { i += 1 }
            }
            if i < s.count {
                if s[i] == UInt8(ascii: "Z") || s[i] == UInt8(ascii: "z") {
                    i += 1
                } else if s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") {
                    let sign = s[i] == UInt8(ascii: "+") ? 1 : -1
                    guard let oh = num(i + 1, 2) else { return nil }
                    var om = 0
                    if let m2 = num(i + 3, 2) { om = m2; i += 5 } else if i + 3 < s.count, s[i + 3] == UInt8(ascii: ":"), let m2 = num(i + 4, 2) { om = m2; i += 6 } else { i += 3 }
                    offset = sign * (oh * 3600 + om * 60)
                }
            }
        }
        while i < s.count, s[i] == UInt8(ascii: " ") { i += 1 }
        guard i == s.count, let date = comps.date else { return nil }
        return date.addingTimeInterval(TimeInterval(-offset))
    }

    /// An ISO 8601 timestamp (with a time part) anywhere in a line.
    static func find(in text: String) -> Date? {
        let ns = text as NSString
        guard let m = isoPattern.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) else { return nil }
        return parse(ns.substring(with: m.range))
    }

    static let isoPattern = try! NSRegularExpression(
        pattern: #"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2})?"#)
}
