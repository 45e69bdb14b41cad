/// Word tokens and normalised content terms.
public enum Tokenizer {
    /// Maximal runs of letters and digits (apostrophes inside words kept).
    public static func words(_ text: String) -> [Substring] {
        var out: [Substring] = []
        var start: String.Index?
        var i = text.startIndex
        while i < text.endIndex {
            let ch = text[i]
            if ch.isLetter || ch.isNumber {
                if start == nil { start = i }
            } else if let s = start {
                out.append(text[s..<i])
                start = nil
            }
            i = text.index(after: i)
        }
        if let s = start { out.append(text[s...]) }
        return out
    }

    /// Lower-cased words minus stopwords, for indexing and similarity.
    public static func contentTerms(_ text: String) -> [String] {
        words(text).compactMap { w in
            let lower = w.lowercased()
            return lower.count < 2 || Stopwords.english.contains(lower) ? nil : lower
        }
    }
}
