/// The normalised words of a sentence, used to match sentences across versions: lower-cased runs of
/// letters and digits, so case, punctuation and white-space edits do not count as changes.
public enum SentenceKey {
    public static func words(_ text: String) -> [String] {
        var out: [String] = []
        var current = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            let p = s.properties
            if p.isAlphabetic || p.numericType != nil {
                current.append(contentsOf: p.lowercaseMapping.unicodeScalars)
            } else if !current.isEmpty {
                out.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { out.append(String(current)) }
        return out
    }

    /// The words joined by single spaces; "" for a sentence with no words.
    public static func key(_ text: String) -> String { words(text).joined(separator: " ") }
}
