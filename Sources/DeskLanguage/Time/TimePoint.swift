/// A calendar point at some granularity, the resolved form of a DATE expression.
struct TimePoint: Sendable, Equatable {
    enum Granularity: Int, Sendable { case day, week, weekend, month, quarter, half, season, year, decade, century }

    var granularity: Granularity
    var year: Int
    /// Month 1-12 (month and day granularities).
    var month: Int = 1
    var day: Int = 1
    /// ISO week (week granularity; `year` is then the ISO week-year).
    var week: Int = 1
    /// Quarter 1-4, half 1-2, or season index (0 SP, 1 SU, 2 FA, 3 WI).
    var part: Int = 1

    static let seasonCodes = ["SP", "SU", "FA", "WI"]

    static func day(_ n: Int) -> TimePoint {
        let c = CivilCalendar.civil(n)
        return TimePoint(granularity: .day, year: c.y, month: c.m, day: c.d)
    }

    static func week(containing n: Int, weekend: Bool = false) -> TimePoint {
        let w = CivilCalendar.isoWeek(n)
        return TimePoint(granularity: weekend ? .weekend : .week, year: w.year, week: w.week)
    }

    static func month(_ y: Int, _ m: Int) -> TimePoint { TimePoint(granularity: .month, year: y, month: m) }
    static func year(_ y: Int) -> TimePoint { TimePoint(granularity: .year, year: y) }
    static func quarter(_ y: Int, _ q: Int) -> TimePoint { TimePoint(granularity: .quarter, year: y, part: q) }

    /// Day number of the first day covered.
    var firstDay: Int {
        switch granularity {
        case .day: return CivilCalendar.dayNumber(year, month, day)
        case .week, .weekend: return CivilCalendar.mondayOfISOWeek(year: year, week: week)
        case .month: return CivilCalendar.dayNumber(year, month, 1)
        case .quarter: return CivilCalendar.dayNumber(year, (part - 1) * 3 + 1, 1)
        case .half: return CivilCalendar.dayNumber(year, (part - 1) * 6 + 1, 1)
        case .season: return CivilCalendar.dayNumber(year, part * 3 + 3, 1)
        case .year: return CivilCalendar.dayNumber(year, 1, 1)
        case .decade: return CivilCalendar.dayNumber(year * 10, 1, 1)
        case .century: return CivilCalendar.dayNumber(year * 100, 1, 1)
        }
    }

    /// The point `n` units of its own granularity later (negative: earlier).
    func shifted(_ n: Int) -> TimePoint {
        var p = self
        switch granularity {
        case .day: return .day(firstDay + n)
        case .week, .weekend: return .week(containing: firstDay + 7 * n, weekend: granularity == .weekend)
        case .month:
            let t = year * 12 + (month - 1) + n
            p.year = Self.floorDiv(t, 12); p.month = t - p.year * 12 + 1
        case .quarter:
            let t = year * 4 + (part - 1) + n
            p.year = Self.floorDiv(t, 4); p.part = t - p.year * 4 + 1
        case .half:
            let t = year * 2 + (part - 1) + n
            p.year = Self.floorDiv(t, 2); p.part = t - p.year * 2 + 1
        case .season:
            let t = year * 4 + part + n
            p.year = Self.floorDiv(t, 4); p.part = t - p.year * 4
        case .year, .decade, .century: p.year += n
        }
        return p
    }

    /// The same point a number of years earlier or later, keeping granularity ("a year earlier" of 1989-Q3 is 1988-Q3).
    func shiftedYears(_ n: Int) -> TimePoint {
        switch granularity {
        case .day:
            let dim = CivilCalendar.daysInMonth(year + n, month)
            return TimePoint(granularity: .day, year: year + n, month: month, day: min(day, dim))
        case .week, .weekend:
            var p = self; p.year += n; return p
        case .decade, .century: return .year(year + n)
        default:
            var p = self; p.year += n; return p
        }
    }

    /// The point coarsened to a granularity (month of a day, year of a month...).
    func coarsened(to g: Granularity) -> TimePoint {
        let first = firstDay
        let c = CivilCalendar.civil(first)
        switch g {
        case .day: return .day(first)
        case .week, .weekend: return .week(containing: first, weekend: g == .weekend)
        case .month: return .month(c.y, c.m)
        case .quarter: return .quarter(c.y, (c.m - 1) / 3 + 1)
        case .half: return TimePoint(granularity: .half, year: c.y, part: (c.m - 1) / 6 + 1)
        case .season: return TimePoint(granularity: .season, year: c.y, part: Self.season(ofMonth: c.m))
        case .year: return .year(c.y)
        case .decade: return TimePoint(granularity: .decade, year: Self.floorDiv(c.y, 10))
        case .century: return TimePoint(granularity: .century, year: Self.floorDiv(c.y, 100))
        }
    }

    static func season(ofMonth m: Int) -> Int {
        switch m {
        case 3, 4, 5: return 0
        case 6, 7, 8: return 1
        case 9, 10, 11: return 2
        default: return 3
        }
    }

    /// TIMEX3 value.
    var value: String {
        switch granularity {
        case .day: return "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))"
        case .week: return "\(Self.pad(year, 4))-W\(Self.pad(week, 2))"
        case .weekend: return "\(Self.pad(year, 4))-W\(Self.pad(week, 2))-WE"
        case .month: return "\(Self.pad(year, 4))-\(Self.pad(month, 2))"
        case .quarter: return "\(Self.pad(year, 4))-Q\(part)"
        case .half: return "\(Self.pad(year, 4))-H\(part)"
        case .season: return "\(Self.pad(year, 4))-\(Self.seasonCodes[part])"
        case .year: return Self.pad(year, 4)
        case .decade: return Self.pad(year, 3)   // TIMEX3: "the 1990s" → "199"
        case .century: return Self.pad(year, 2)
        }
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }
}
