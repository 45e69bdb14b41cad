import DeskModel

/// What the words of an element's class and id say, read in one pass over the bytes (`classReason` asks it of
/// nearly every element of a page).
extension BoilerplateClassifier {
    struct ClassWords {
        /// The reason of the first word (not a content word) that names one, as `classReason` ranks them.
        var found: RemovalReason?
        /// A content word ("article", "body"…) is among the words.
        var saysContent = false
        /// "hidden" or "hide" is among the words…
        var hides = false
        /// …and a screen-size word ("xs", "mobile"…).
        var namesBreakpoint = false
    }

    /// Per word: its exact reason and whether it is a content, breakpoint or hiding word.
    struct WordFacts: Sendable {
        var reason: RemovalReason?
        var content = false
        var breakpoint = false
        var hide = false
    }

    static let hideWords: Set<String> = ["hidden", "hide"]

    static let wordTable: ByteWordTable<WordFacts> = {
        var facts: [String: WordFacts] = [:]
        for (w, r) in exact { facts[w, default: WordFacts()].reason = r }
        for w in contentWords { facts[w, default: WordFacts()].content = true }
        for w in breakpointWords { facts[w, default: WordFacts()].breakpoint = true }
        for w in hideWords { facts[w, default: WordFacts()].hide = true }
        return ByteWordTable(facts.map { ($0.key, $0.value) })
    }()
    static let prefixBytes: [([UInt8], RemovalReason)] = prefixes.map { (Array($0.0.utf8), $0.1) }
    static let infixBytes: [([UInt8], RemovalReason)] = infixes.map { (Array($0.0.utf8), $0.1) }

    /// The words of `classAndID` (lower-cased class and id): bytes in place when it is ASCII, else its `tokens`.
    static func classWords(_ classAndID: String) -> ClassWords {
        var s = classAndID
        if let words = s.withUTF8({ asciiClassWords($0) }) { return words }
        return classWords(tokens: tokens(classAndID))
    }

    /// The same over a list of tokens (the reference the byte scan follows).
    static func classWords(tokens words: [String]) -> ClassWords {
        var out = ClassWords()
        for w in words {
            if hideWords.contains(w) { out.hides = true }
            if breakpointWords.contains(w) { out.namesBreakpoint = true }
            if contentWords.contains(w) { out.saysContent = true; continue }
            if out.found != nil { continue }
            if let r = exact[w] { out.found = r; continue }
            for (p, r) in prefixes where Text.hasBytePrefix(w, p) { out.found = r; break }
            if out.found == nil { for (p, r) in infixes where Text.contains(w, p) { out.found = r; break } }
        }
        return out
    }

    /// Runs of lower-case letters and digits are the tokens; nil when a byte is not ASCII or is a capital
    /// (`classAndID` is lower-cased, so the token path then decides).
    private static func asciiClassWords(_ p: UnsafeBufferPointer<UInt8>) -> ClassWords? {
        guard let base = p.baseAddress else { return ClassWords() }
        var out = ClassWords()
        var start = -1
        var i = 0
        let n = p.count
        while i <= n {
            let b: UInt8 = i < n ? p[i] : 0x20
            if b >= 0x80 || (b >= 0x41 && b <= 0x5A) { return nil }
            if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
                if start < 0 { start = i }
            } else if start >= 0 {
                word(base + start, i - start, into: &out)
                start = -1
            }
            i += 1
        }
        return out
    }

    @inline(__always) private static func word(_ w: UnsafePointer<UInt8>, _ count: Int, into out: inout ClassWords) {
        let facts = wordTable.lookup(w, count)
        if let facts {
            if facts.hide { out.hides = true }
            if facts.breakpoint { out.namesBreakpoint = true }
            if facts.content { out.saysContent = true; return }
        }
        if out.found != nil { return }
        if let r = facts?.reason { out.found = r; return }
        for (p, r) in prefixBytes where p.count <= count && startsWith(w, p) { out.found = r; return }
        for (p, r) in infixBytes where contains(w, count, p) { out.found = r; return }
    }

    @inline(__always) private static func startsWith(_ w: UnsafePointer<UInt8>, _ p: [UInt8]) -> Bool {
        for k in 0..<p.count where w[k] != p[k] { return false }
        return true
    }

    private static func contains(_ w: UnsafePointer<UInt8>, _ count: Int, _ p: [UInt8]) -> Bool {
        let m = p.count
        guard count >= m else { return false }
        for i in 0...(count - m) {
            var k = 0
            while k < m, w[i + k] == p[k] { k += 1 }
            if k == m { return true }
        }
        return false
    }
}
