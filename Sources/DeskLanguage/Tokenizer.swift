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
            if isWordScalar(s, inWord: start != nil) {
                if start == nil { start = i }
            } else if start != nil, s == "'" || s == "\u{2019}", case let n = scalars.index(after: i), n < scalars.endIndex,
                      ScalarClass.isAlphabetic(scalars[n]) {
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

    /// Whether `s` belongs in a word: a letter or a number, or a combining mark inside a word. ASCII is answered
    /// from the value (letters and digits are its only alphabetic and numeric scalars, and it has no marks),
    /// without the Unicode property lookups, which were a tenth of `contentTerms` on news text.
    @inline(__always) static func isWordScalar(_ s: Unicode.Scalar, inWord: Bool) -> Bool {
        if ScalarClass.isAlphabetic(s) { return true }
        if s.value < 0x80 { return s.value >= 0x30 && s.value <= 0x39 }
        return s.properties.numericType != nil || (inWord && ScalarClass.isNonspacingMark(s))
    }

    /// Shortest term kept (in characters).
    static let minimumTermLength = 2

    /// Lower-cased, stemmed words minus stopwords, for indexing and similarity.
    public static func contentTerms(_ text: String) -> [String] {
        words(text).compactMap { w in
            var lower = w.lowercased()
            // A scalar test first: `contains` on a String resolves to Foundation's search, which was half of
            // this function's time. The scalar test also says yes for U+2019 followed by a combining mark, where
            // the grapheme search said no; the replacement, which matches by grapheme, then changes nothing, so
            // the terms are the same.
            if lower.unicodeScalars.contains("\u{2019}") { lower = lower.replacingOccurrences(of: "\u{2019}", with: "'") }
            if lower.hasSuffix("'s"), !Stopwords.english.contains(lower) { lower.removeLast(2) }
            guard lower.count >= minimumTermLength, !Stopwords.english.contains(lower) else { return nil }
            return LightStemmer.stem(lower)
        }
    }
}
