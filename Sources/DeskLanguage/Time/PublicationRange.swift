import DeskModel

/// When an article carries no publication date, the dates it states outright (a year, a month of a year,
/// a full date) bound when it can have been written: not before the latest of them. Relative expressions
/// ("on Monday", "last week") stay unanchored, never silently guessed.
public struct PublicationRange: Sendable, Hashable, Codable {
    /// The latest explicitly stated calendar value ("2023", "2022-09-27"): the article is from then or later.
    public var notBefore: String
    /// The explicit values the bound was read from, in text order.
    public var evidence: [String]

    /// Nil when the text states no absolute date.
    public static func infer(_ sentences: [Sentence]) -> PublicationRange? {
        var values: [String] = []
        for s in sentences {
            for t in s.times where t.kind == .date && isAbsolute(t.value) { values.append(t.value) }
        }
        guard let latest = values.max(by: { startOfValue($0) < startOfValue($1) }) else { return nil }
        return PublicationRange(notBefore: latest, evidence: values)
    }

    /// "2023", "2022-11", "2022-09-27", "2022-Q3", "2022-W47": begins with four digits and has no X.
    static func isAbsolute(_ v: String) -> Bool {
        let head = v.prefix(4)
        return head.count == 4 && head.allSatisfy(\.isNumber) && !v.contains("X")
    }

    /// A sortable key: the value padded to a day ("2022" → "2022-00-00").
    static func startOfValue(_ v: String) -> String {
        let day = v.prefix(10)
        return day.count >= 10 ? String(day) : String(day) + String("-00-00".suffix(10 - day.count))
    }
}
