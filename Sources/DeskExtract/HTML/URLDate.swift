import Foundation

/// The date many news sites put in their article addresses: /2019/11/20/, /2019-11-19/, /2019/nov/18/,
/// /20191120/. A last resort for the publication date (day precision, midnight UTC).
enum URLDate {
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func date(in url: String) -> Date? {
        guard let path = URL(string: url)?.path, !path.isEmpty else { return nil }
        let segments = path.split(separator: "/").map { $0.lowercased() }
        for (i, seg) in segments.enumerated() {
            // /2019-11-19/ or /2019-11-19-slug
            let dashed = seg.split(separator: "-", maxSplits: 3)
            if dashed.count >= 3, dashed[0].count == 4, let d = make(Int(dashed[0]), Int(dashed[1]), Int(dashed[2])) { return d }
            // /20191119/
            if seg.count == 8, seg.allSatisfy(\.isNumber),
               let d = make(Int(seg.prefix(4)), Int(seg.dropFirst(4).prefix(2)), Int(seg.suffix(2))) { return d }
            // /2019/11/19/ or /2019/nov/19/
            guard seg.count == 4, let year = Int(seg), i + 2 < segments.count else { continue }
            let monthSeg = segments[i + 1]
            let month = Int(monthSeg) ?? months.firstIndex(of: String(monthSeg.prefix(3))).map { $0 + 1 }
            guard monthSeg.count <= 2 || months.contains(String(monthSeg.prefix(3))) else { continue }
            let daySeg = segments[i + 2]
            if daySeg.count <= 2, let d = make(year, month, Int(daySeg)) { return d }
        }
        return nil
    }

    private static func make(_ year: Int?, _ month: Int?, _ day: Int?) -> Date? {
        guard let year, let month, let day, (1...12).contains(month), (1...31).contains(day),
              year >= MetadataExtractor.earliestPlausibleYear, year <= 2100 else { return nil }
        let calendar = MetadataExtractor.utcCalendar
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = calendar.date(from: components), calendar.component(.day, from: date) == day else { return nil }
        return date
    }
}
