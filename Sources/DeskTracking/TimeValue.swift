import Foundation

/// Reads TIMEX3 date values ("2022-11-28", "2022-11", "2023") as calendar dates.
public enum TimeValue {
    static let utc: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()

    /// The first day the value covers, or nil for unanchored or non-date values.
    public static func start(of value: String) -> Date? {
        let parts = value.split(separator: "-")
        guard let first = parts.first, first.count == 4, let year = Int(first) else { return nil }
        var comps = DateComponents(year: year, month: 1, day: 1)
        if parts.count > 1 {
            guard let m = Int(parts[1]), (1...12).contains(m) else { return nil }
            comps.month = m
        }
        if parts.count > 2 {
            guard let d = Int(parts[2].prefix(2)), (1...31).contains(d) else { return nil }
            comps.day = d
        }
        return utc.date(from: comps)
    }

    /// True for a day ("2022-11-28") or month ("2022-11") value: precise enough for a timeline.
    public static func isTimelineDate(_ value: String) -> Bool {
        let parts = value.split(separator: "-")
        guard parts.count == 2 || parts.count == 3, parts[0].count == 4, Int(parts[0]) != nil, parts[1].count == 2,
              Int(parts[1]) != nil else { return false }
        return parts.count == 2 || (parts[2].count == 2 && Int(parts[2]) != nil)
    }
}
