/// A token for the statistical entity tagger, with Unicode-scalar offsets into its sentence (end exclusive).
public struct NERToken: Sendable, Hashable {
    public var text: String
    public var start: Int
    public var end: Int
}

/// Splits a sentence the way CoNLL-style corpora are tokenised: on whitespace, with opening and closing
/// punctuation, a final period and possessive "'s" split off. Pre-tokenised text ("U.S. 's") comes back
/// token for token; dotted abbreviations ("U.S.", "Sept.") and inner hyphens ("Al-Assad") stay whole.
enum NERTokenizer {
    static let openers: Set<Unicode.Scalar> = ["\"", "'", "(", "[", "{", "“", "‘", "«", "<"]
    static let closers: Set<Unicode.Scalar> = ["\"", "'", ")", "]", "}", "”", "’", "»", ">", ",", ";", ":", "!", "?", "…", "-"]

    /// "American" in "American-made": a demonym or country name before a hyphenated lower-case word.
    static func isCountryWord(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        let w = ScalarTokenizer.string(s[...]).lowercased()
        return CountryAliases.countryCode(demonym: w) != nil || CountryAliases.countryCode(name: w) != nil
    }

    static let timeBoundPrefixes = ["then", "ex", "former"]

    static func tokenize(_ sentence: String) -> [NERToken] {
        let scalars = Array(sentence.unicodeScalars)
        let ascii = ScalarTokenizer.asciiBytes(sentence, scalarCount: scalars.count)
        func make(_ s: [Unicode.Scalar], _ r: Range<Int>) -> NERToken {
            NERToken(text: ScalarTokenizer.slice(s, r.lowerBound, r.upperBound, ascii: ascii), start: r.lowerBound, end: r.upperBound)
        }
        var out: [NERToken] = []
        out.reserveCapacity(scalars.count / 5)
        var i = 0
        let n = scalars.count
        // Whitespace-separated chunks first.
        var chunks: [Range<Int>] = []
        while i < n {
            while i < n, ScalarClass.isWhitespace(scalars[i]) { i += 1 }
            let a = i
            while i < n, !ScalarClass.isWhitespace(scalars[i]) { i += 1 }
            if i > a { chunks.append(a..<i) }
        }
        for (c, chunk) in chunks.enumerated() {
            var a = chunk.lowerBound, b = chunk.upperBound
            var lead: [Range<Int>] = []
            while b - a > 1, openers.contains(scalars[a]) { lead.append(a..<a + 1); a += 1 }
            var trail: [Range<Int>] = []
            while b - a > 1 {
                let last = scalars[b - 1]
                if closers.contains(last) { trail.append(b - 1..<b); b -= 1; continue }
                if last == ".", keepsFinalPeriod(scalars, a, b, isLastChunk: c == chunks.count - 1) == false {
                    trail.append(b - 1..<b); b -= 1; continue
                }
                break
            }
            // Possessive or contraction: "Netanyahu's" → "Netanyahu" + "'s"; "don't" → "do" + "n't".
            var clitic: Range<Int>?
            if b - a > 2, scalars[b - 1] == "s" || scalars[b - 1] == "S", scalars[b - 2] == "'" || scalars[b - 2] == "’" {
                clitic = b - 2..<b; b -= 2
            } else if b - a > 3, scalars[b - 1] == "t", scalars[b - 2] == "'" || scalars[b - 2] == "’", scalars[b - 3] == "n" {
                clitic = b - 3..<b; b -= 3
            }
            for r in lead { out.append(make(scalars, r)) }
            // "then-Prime Minister", "ex-President": the time-bound prefix stands alone.
            for prefix in timeBoundPrefixes where b - a > prefix.count + 1 && scalars[a + prefix.count] == "-"
                && ScalarTokenizer.string(scalars[a..<(a + prefix.count)]).lowercased() == prefix
                && ScalarClass.isUppercase(scalars[a + prefix.count + 1]) {
                out.append(make(scalars, a..<(a + prefix.count))); out.append(make(scalars, (a + prefix.count)..<(a + prefix.count + 1)))
                a += prefix.count + 1
                break
            }
            // "U.S.-made": a dotted abbreviation before a hyphenated lower-case word stands alone.
            if let h = (a..<b).first(where: { scalars[$0] == "-" && $0 > a && $0 + 1 < b && ScalarClass.isLowercase(scalars[$0 + 1])
                && (scalars[$0 - 1] == "." || isCountryWord(scalars[a..<$0])) }) {
                out.append(make(scalars, a..<h)); out.append(make(scalars, h..<h + 1)); a = h + 1
            }
            if b > a { out.append(make(scalars, a..<b)) }
            if let r = clitic { out.append(make(scalars, r)) }
            for r in trail.reversed() { out.append(make(scalars, r)) }
        }
        return out
    }

    /// A final period stays on abbreviations and dotted initials ("U.S.", "Inc.", "J.") unless the word
    /// ends the sentence and is not dotted inside.
    static func keepsFinalPeriod(_ s: [Unicode.Scalar], _ a: Int, _ b: Int, isLastChunk: Bool) -> Bool {
        let body = s[a..<(b - 1)]
        if body.isEmpty { return true }
        if body.contains(".") { return true }  // "U.S.", "a.m."
        let lower = ScalarTokenizer.string(body).lowercased()
        if isLastChunk { return false }
        if body.count == 1, ScalarClass.isUppercase(body.first!) { return true }  // initial "J."
        return Abbreviations.titles.contains(lower) || Abbreviations.beforeNumbers.contains(lower)
            || Abbreviations.mayEnd.contains(lower)
    }
}
