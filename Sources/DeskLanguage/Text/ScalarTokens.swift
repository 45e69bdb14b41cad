/// A token of a sentence with Unicode-scalar offsets, for the rule-based taggers.
struct ScalarToken: Sendable {
    enum Kind: Sendable { case word, number, punct }
    var kind: Kind
    /// The token text as written.
    var text: String
    /// Lower-cased text (words), or the text itself.
    var lower: String
    /// Scalar offsets into the sentence, end exclusive.
    var start: Int
    var end: Int
    /// First letter is upper-case.
    var isCapitalized: Bool
    /// Whitespace (or the sentence start) right before the token.
    var spaceBefore: Bool

    /// Integer value of a plain number token ("1,200" → 1200); nil for decimals and times.
    var intValue: Int? {
        guard kind == .number, !has(0x2E), !has(0x3A) else { return nil }
        return Int(withoutCommas)
    }

    // Byte tests for number tokens (digits with inner `,` `.` `:`): exact, as an ASCII byte never occurs inside a
    // multi-byte scalar, where `String.contains` and `replacingOccurrences` resolve to Foundation's string search,
    // a few percent of the language stage.

    /// Whether the text holds this ASCII byte.
    func has(_ ascii: UInt8) -> Bool { text.utf8.contains(ascii) }

    /// The text without its commas ("1,200" → "1200").
    var withoutCommas: String { has(0x2C) ? String(decoding: text.utf8.filter { $0 != 0x2C }, as: UTF8.self) : text }
}

enum ScalarTokenizer {
    /// Words are runs of letters (and digits glued to letters); numbers are digit runs with inner
    /// `,` `.` `:` between digits ("4,877", "3.5", "10:35"); anything else non-space is one punct token.
    static func tokenize(_ sentence: String) -> [ScalarToken] {
        let scalars = Array(sentence.unicodeScalars)
        let ascii = asciiBytes(sentence, scalarCount: scalars.count)
        var out: [ScalarToken] = []
        out.reserveCapacity(scalars.count / 4)
        var i = 0
        let n = scalars.count
        var space = true
        while i < n {
            let s = scalars[i]
            if ScalarClass.isWhitespace(s) {
                space = true; i += 1; continue
            }
            let start = i
            if isDigit(s) {
                var j = i + 1
                while j < n {
                    if isDigit(scalars[j]) { j += 1; continue }
                    let c = scalars[j]
                    if (c == "," || c == "." || c == ":"), j + 1 < n, isDigit(scalars[j + 1]) { j += 2; continue }
                    break
                }
                // Digits glued to letters ("1990s", "21st", "5pm") form one word token.
                if j < n, ScalarClass.isAlphabetic(scalars[j]) {
                    while j < n, ScalarClass.isAlphabetic(scalars[j]) || isDigit(scalars[j]) { j += 1 }
                    out.append(make(.word, scalars, start, j, space, ascii))
                } else {
                    out.append(make(.number, scalars, start, j, space, ascii))
                }
                i = j
            } else if ScalarClass.isAlphabetic(s) {
                var j = i + 1
                while j < n, ScalarClass.isAlphabetic(scalars[j]) || isDigit(scalars[j]) || ScalarClass.isNonspacingMark(scalars[j]) { j += 1 }
                out.append(make(.word, scalars, start, j, space, ascii))
                i = j
            } else {
                out.append(make(.punct, scalars, start, i + 1, space, ascii))
                i += 1
            }
            space = false
        }
        return out
    }

    @inline(__always) static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }

    private static func make(_ kind: ScalarToken.Kind, _ scalars: [Unicode.Scalar], _ a: Int, _ b: Int, _ space: Bool,
                             _ ascii: [UInt8]?) -> ScalarToken {
        let text = slice(scalars, a, b, ascii: ascii)
        let cap = ScalarClass.isUppercase(scalars[a])
        return ScalarToken(kind: kind, text: text, lower: kind == .word ? text.lowercased() : text,
                           start: a, end: b, isCapitalized: cap, spaceBefore: space)
    }

    /// The sentence's UTF-8 bytes when it is all ASCII (one byte per scalar), else nil.
    static func asciiBytes(_ sentence: String, scalarCount: Int) -> [UInt8]? {
        sentence.utf8.count == scalarCount ? Array(sentence.utf8) : nil
    }

    /// The text between two scalar offsets; from the ASCII bytes when there are some (a copy of the
    /// bytes, where building a string scalar by scalar costs several times more).
    @inline(__always) static func slice(_ scalars: [Unicode.Scalar], _ a: Int, _ b: Int, ascii: [UInt8]?) -> String {
        if let ascii { return String(decoding: ascii[a..<b], as: UTF8.self) }
        return slice(scalars, a, b)
    }

    /// The sentence text between two scalar offsets, encoded straight into the string's UTF-8 storage
    /// (`UnicodeScalarView.append(contentsOf:)` went through a slow generic path: a sixth of the analyze stage).
    static func slice(_ scalars: [Unicode.Scalar], _ a: Int, _ b: Int) -> String {
        string(scalars[a..<b])
    }

    /// A string of scalars.
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        guard !scalars.isEmpty else { return "" }
        return String(unsafeUninitializedCapacity: scalars.count * 4) { buffer in
            var n = 0
            for scalar in scalars {
                if scalar.isASCII {
                    buffer[n] = UInt8(truncatingIfNeeded: scalar.value); n += 1
                } else {
                    UTF8.encode(scalar) { buffer[n] = $0; n += 1 }
                }
            }
            return n
        }
    }
}
