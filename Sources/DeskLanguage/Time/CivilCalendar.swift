import Foundation

/// Proleptic Gregorian date arithmetic on day numbers (days since 1970-01-01), UTC.
/// Hand-written so the tagger needs no `Calendar` (slow, locale-dependent) in its hot path.
enum CivilCalendar {
    /// Day number of a civil date (Howard Hinnant's `days_from_civil`).
    static func dayNumber(_ y: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y - 1 : y
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// Civil date of a day number (`civil_from_days`).
    static func civil(_ n: Int) -> (y: Int, m: Int, d: Int) {
        let z = n + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// ISO weekday: 1 = Monday ... 7 = Sunday.
    static func weekday(_ n: Int) -> Int {
        let w = ((n + 3) % 7 + 7) % 7  // 1970-01-01 was a Thursday (index 3 from Monday)
        return w + 1
    }

    /// ISO 8601 week-numbering year and week of a day number.
    static func isoWeek(_ n: Int) -> (year: Int, week: Int) {
        let thursday = n - (weekday(n) - 1) + 3
        let year = civil(thursday).y
        return (year, (thursday - dayNumber(year, 1, 1)) / 7 + 1)
    }

    /// Day number of the Monday of ISO week `week` of `year`.
    static func mondayOfISOWeek(year: Int, week: Int) -> Int {
        let jan4 = dayNumber(year, 1, 4)
        return jan4 - (weekday(jan4) - 1) + (week - 1) * 7
    }

    static func daysInMonth(_ y: Int, _ m: Int) -> Int {
        switch m {
        case 2: return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The UTC day number of a moment.
    static func dayNumber(of date: Date) -> Int {
        Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
    }
}
