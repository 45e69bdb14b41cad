/// Splits a paragraph into sentences.
///
/// A sentence ends at `.`, `!`, `?` or `…` (runs of them, then any closing quotes or brackets) when
/// whitespace follows and the next sentence plausibly starts (a capital, a digit, or an opening quote
/// or bracket before one). A period does not end a sentence after a title ("Mr."), an initial ("J."),
/// an abbreviation before a number ("Sept. 27", "No. 10"), or — unless a common sentence opener
/// follows — after dotted abbreviations ("U.S.", "a.m.") and company suffixes ("Inc.").
public struct SentenceSplitter: Sendable {
    public init() {}

    public func split(_ paragraph: String) -> [String] {
        let scalars = Array(paragraph.unicodeScalars)
        return ranges(scalars).map { ScalarTokenizer.slice(scalars, $0.lowerBound, $0.upperBound) }
    }

    /// Sentence ranges as Unicode-scalar offsets into the paragraph, trimmed of surrounding whitespace.
    public func sentenceRanges(_ paragraph: String) -> [Range<Int>] {
        ranges(Array(paragraph.unicodeScalars))
    }

    static let terminators: Set<Unicode.Scalar> = [".", "!", "?", "…", "‼", "⁇", "。"]
    static let closers: Set<Unicode.Scalar> = ["\"", "'", "”", "’", "»", ")", "]", "}", "›"]
    static let openers: Set<Unicode.Scalar> = ["\"", "'", "“", "‘", "«", "(", "[", "{", "‹", "`"]

    func ranges(_ s: [Unicode.Scalar]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        var i = 0
        let n = s.count
        while i < n {
            guard Self.terminators.contains(s[i]) else { i += 1; continue }
            var j = i
            while j < n, Self.terminators.contains(s[j]) { j += 1 }
            while j < n, Self.closers.contains(s[j]) { j += 1 }
            // Needs whitespace (or the end) after.
            guard j < n else { break }
            guard ScalarClass.isWhitespace(s[j]) else { i = j; continue }
            var k = j
            while k < n, ScalarClass.isWhitespace(s[k]) { k += 1 }
            guard k < n else { break }
            if shouldSplit(s, terminatorAt: i, runEnd: j, next: k), hasWord(s, start, i) {
                appendTrimmed(&out, s, start, j)
                start = k
            }
            i = k
        }
        appendTrimmed(&out, s, start, n)
        return out
    }

    /// Whether a stretch holds a letter or digit: "“…" or "..." alone opening a paragraph is not a sentence.
    private func hasWord(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> Bool {
        (a..<b).contains { ScalarClass.isAlphabetic(s[$0]) || ScalarTokenizer.isDigit(s[$0]) }
    }

    /// "...?” Holmes testified.": a question or exclamation in quotes followed by its attribution
    /// (a name and a reporting verb) continues the sentence.
    private func attributionFollows(_ s: [Unicode.Scalar], _ k: Int) -> Bool {
        var words: [String] = []
        var a = k
        while words.count < 4, a < s.count {
            var e = a
            while e < s.count, ScalarClass.isAlphabetic(s[e]) || s[e] == "." { e += 1 }
            guard e > a else { break }
            var w = ScalarTokenizer.slice(s, a, e).lowercased()
            while w.hasSuffix(".") { w.removeLast() }
            words.append(w)
            while e < s.count, s[e] == " " { e += 1 }
            a = e
        }
        guard words.count >= 2 else { return false }
        return words.dropFirst().prefix(3).contains { EntityLexicon.reportingVerbs.contains($0) }
    }

    private func appendTrimmed(_ out: inout [Range<Int>], _ s: [Unicode.Scalar], _ a: Int, _ b: Int) {
        var a = a, b = b
        while a < b, ScalarClass.isWhitespace(s[a]) { a += 1 }
        while b > a, ScalarClass.isWhitespace(s[b - 1]) { b -= 1 }
        if a < b { out.append(a..<b) }
    }

    /// The word that starts the next sentence (skipping opening quotes/brackets), and whether it is capitalised or a digit.
    private func nextWord(_ s: [Unicode.Scalar], _ k: Int) -> (word: String, startsUpper: Bool, startsDigit: Bool, startsLower: Bool) {
        var k = k
        while k < s.count, Self.openers.contains(s[k]) { k += 1 }
        var e = k
        while e < s.count, ScalarClass.isAlphabetic(s[e]) || ScalarTokenizer.isDigit(s[e]) { e += 1 }
        guard k < s.count else { return ("", false, false, false) }
        let first = s[k]
        return (ScalarTokenizer.slice(s, k, e).lowercased(), ScalarClass.isUppercase(first),
                ScalarTokenizer.isDigit(first), ScalarClass.isLowercase(first))
    }

    private func shouldSplit(_ s: [Unicode.Scalar], terminatorAt i: Int, runEnd j: Int, next k: Int) -> Bool {
        let next = nextWord(s, k)
        if next.startsLower { return false }
        // A lone period directly after a word: check abbreviations.
        guard s[i] == ".", i + 1 == j || !Self.terminators.contains(s[i + 1]) else {
            if s[i] != ".", j > i + 1, Self.closers.contains(s[j - 1]), next.startsUpper, attributionFollows(s, k) { return false }
            return next.startsUpper || next.startsDigit || Self.openers.contains(s[k])
        }
        let closedByQuote = j > i + 1
        // The token before the period: letters and inner periods back to whitespace or punctuation.
        var b = i
        while b > 0, ScalarClass.isAlphabetic(s[b - 1]) || s[b - 1] == "." || ScalarTokenizer.isDigit(s[b - 1]) { b -= 1 }
        let before = ScalarTokenizer.slice(s, b, i)
        let lower = before.lowercased()
        if closedByQuote || before.isEmpty { return next.startsUpper || next.startsDigit || Self.openers.contains(s[k]) }
        // A common opener ("The", "He") or a sentence adverb ("Recently,").
        let isOpener = Abbreviations.sentenceOpeners.contains(next.word) || (next.word.hasSuffix("ly") && next.word.count > 4)
        if Abbreviations.titles.contains(lower) { return false }
        if Abbreviations.beforeNumbers.contains(lower) {
            if next.startsDigit { return false }
            if lower.count <= 4, next.startsUpper, !isOpener { return false }
        }
        // Initials: "J." "R." (one capital letter).
        if before.unicodeScalars.count == 1, ScalarClass.isUppercase(before.unicodeScalars.first!) { return false }
        // Dotted abbreviations ("U.S.", "a.m.", "Ph.D.") and company suffixes.
        if lower.contains(".") || Abbreviations.mayEnd.contains(lower) {
            return isOpener
        }
        return next.startsUpper || next.startsDigit || Self.openers.contains(s[k])
    }
}
