import DeskModel
import Foundation

/// The edits an editor makes inside one sentence, for the revision generator: word swaps, a clause added or
/// cut, a word put in, a number updated ("7 killed" → "11 killed").
enum SentenceEdits {
    /// A cut clause may be at most this share of the sentence's words: editors trim, they do not gut
    /// (a bigger cut makes a different sentence, which the generator would then mislabel as "changed").
    static let maximumCutShare = 0.35

    /// One or two edits; the result always differs in its words.
    static func reword(_ text: String, _ r: inout SeededRandom) -> String {
        var t = text
        for _ in 0..<Int.random(in: 1...2, using: &r) {
            let edits: [(String, inout SeededRandom) -> String?] = [swapWord, addClause, cutClause, insertWord]
            let order = edits.indices.shuffled(using: &r)
            for k in order {
                if let out = edits[k](t, &r), out != t { t = out; break }
            }
        }
        return t == text ? text + " " + "Officials said so." : t
    }

    static func swapWord(_ text: String, _ r: inout SeededRandom) -> String? {
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let options = words.indices.filter { RevisionTemplates.synonyms[core($0, words).lowercased()] != nil }
        guard let k = options.randomElement(using: &r) else { return nil }
        let c = core(k, words)
        var replacement = RevisionTemplates.synonyms[c.lowercased()]!
        if c.first?.isUppercase == true { replacement = replacement.prefix(1).uppercased() + replacement.dropFirst() }
        words[k] = words[k].replacingOccurrences(of: c, with: replacement)
        return words.joined(separator: " ")
    }

    /// The letters of word k, without punctuation around them.
    static func core(_ k: Int, _ words: [String]) -> String {
        words[k].trimmingCharacters(in: .punctuationCharacters.union(.symbols))
    }

    static func addClause(_ text: String, _ r: inout SeededRandom) -> String? {
        guard let last = text.last, ".!?".contains(last), !text.hasSuffix("\"."), !text.hasSuffix("”.") else { return nil }
        return String(text.dropLast()) + RevisionTemplates.clauses.randomElement(using: &r)! + String(last)
    }

    static func cutClause(_ text: String, _ r: inout SeededRandom) -> String? {
        let parts = text.components(separatedBy: ", ")
        guard parts.count >= 3 else { return nil }
        let total = Double(text.split(separator: " ").count)
        let inner = (1..<(parts.count - 1)).filter { Double(parts[$0].split(separator: " ").count) <= maximumCutShare * total }
        guard let k = inner.randomElement(using: &r) else { return nil }
        var kept = parts
        kept.remove(at: k)
        return kept.joined(separator: ", ")
    }

    static func insertWord(_ text: String, _ r: inout SeededRandom) -> String? {
        var words = text.split(separator: " ").map(String.init)
        guard words.count >= 4 else { return nil }
        words.insert(RevisionTemplates.insertions.randomElement(using: &r)!, at: Int.random(in: 1..<(words.count - 1), using: &r))
        return words.joined(separator: " ")
    }

    /// Ranges of whole numbers in the text (not years, not days after a month name, not inside words).
    static func numbers(_ text: String) -> [Range<String.Index>] {
        var out: [Range<String.Index>] = []
        var i = text.startIndex
        while i < text.endIndex {
            guard text[i].isASCII, text[i].isNumber, i == text.startIndex || !text[text.index(before: i)].isLetter && !text[text.index(before: i)].isNumber else {
                i = text.index(after: i); continue
            }
            var j = i
            while j < text.endIndex, text[j].isASCII, text[j].isNumber { j = text.index(after: j) }
            let value = Int(text[i..<j]) ?? 0
            let wordEnd = j == text.endIndex || !text[j].isLetter
            let before = text[..<i].split(separator: " ").last.map { $0.trimmingCharacters(in: .punctuationCharacters) } ?? ""
            let afterMonth = RevisionTemplates.shortMonths.contains(before) || RevisionTemplates.months.contains(before)
            if wordEnd, !afterMonth, !(1900...2100).contains(value) { out.append(i..<j) }
            i = j
        }
        return out
    }

    static func hasNumber(_ text: String) -> Bool { !numbers(text).isEmpty }

    /// A number goes up (a toll rises, a count is revised) by a plausible step.
    static func updateNumber(_ text: String, _ r: inout SeededRandom) -> String {
        guard let range = numbers(text).randomElement(using: &r), let n = Int(text[range]) else { return text }
        let step = Int.random(in: 1...max(3, n / 2), using: &r)
        var t = text
        t.replaceSubrange(range, with: String(n + step))
        return t
    }
}
