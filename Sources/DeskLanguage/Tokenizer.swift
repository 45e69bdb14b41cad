import Foundation

/// Word tokens and normalised content terms.
public enum Tokenizer {
    /// Maximal runs of letters and digits; an apostrophe between letters stays inside the word ("don't", "week's").
    public static func words(_ text: String) -> [Substring] {
        var out: [Substring] = []
        let scalars = text.unicodeScalars
        var start: String.Index?
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let s = scalars[i]
            let p = s.properties
            if p.isAlphabetic || p.numericType != nil || (start != nil && p.generalCategory == .nonspacingMark) {
                if start == nil { start = i }
            } else if start != nil, s == "'" || s == "\u{2019}", case let n = scalars.index(after: i), n < scalars.endIndex,
                      scalars[n].properties.isAlphabetic {
                // keep the apostrophe inside the word
            } else if let st = start {
                out.append(text[st..<i])
                start = nil
            }
            i = scalars.index(after: i)
        }
        if let st = start { out.append(text[st...]) }
        return out
    }

    /// Shortest term kept (in characters).
    static let minimumTermLength = 2

    /// Lower-cased, stemmed words minus stopwords, for indexing and similarity.
    public static func contentTerms(_ text: String) -> [String] {
        words(text).compactMap { w in
            var lower = w.lowercased()
            if lower.contains("\u{2019}") { lower = lower.replacingOccurrences(of: "\u{2019}", with: "'") }
            if lower.hasSuffix("'s"), !Stopwords.english.contains(lower) { lower.removeLast(2) }
            guard lower.count >= minimumTermLength, !Stopwords.english.contains(lower) else { return nil }
            return LightStemmer.stem(lower)
        }
    }
}
