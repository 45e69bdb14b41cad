import Foundation

/// Reads CoNLL-format entity data (one token per line, the tag in the last column, blank lines between
/// sentences, `-DOCSTART-` between documents; IO or IOB1 tags) into documents of sentences with gold spans.
enum NERCorpus {
    struct Sentence {
        /// Tokens joined by single spaces (as in the `*.sentences.jsonl` files).
        var text: String
        /// Gold entities as scalar spans of `text` with a type index (see `NERLabel.types`).
        var entities: [(start: Int, end: Int, type: Int)]
    }

    static func read(_ url: URL) throws -> [[Sentence]] {
        let content = try String(contentsOf: url, encoding: .utf8)
        var docs: [[Sentence]] = [[]]
        var tokens: [(String, String)] = []
        func flush() {
            guard !tokens.isEmpty else { return }
            var text = ""
            var starts: [Int] = []
            var offset = 0
            for (k, t) in tokens.enumerated() {
                if k > 0 { text += " "; offset += 1 }
                starts.append(offset)
                text += t.0
                offset += t.0.unicodeScalars.count
            }
            var entities: [(Int, Int, Int)] = []
            var k = 0
            while k < tokens.count {
                let tag = tokens[k].1
                guard tag != "O", let type = NERLabel.typeIndex(tag.dropFirst(2)) else { k += 1; continue }
                var j = k + 1
                while j < tokens.count, tokens[j].1.hasPrefix("I-"), NERLabel.typeIndex(tokens[j].1.dropFirst(2)) == type { j += 1 }
                entities.append((starts[k], starts[j - 1] + tokens[j - 1].0.unicodeScalars.count, type))
                k = j
            }
            docs[docs.count - 1].append(Sentence(text: text, entities: entities))
            tokens = []
        }
        for line in content.split(separator: "\n", omittingEmptySubsequences: false) {
            let cols = line.split(separator: " ")
            if cols.isEmpty { flush(); continue }
            if cols[0] == "-DOCSTART-" { flush(); if !docs[docs.count - 1].isEmpty { docs.append([]) }; continue }
            tokens.append((String(cols[0]), String(cols[cols.count - 1])))
        }
        flush()
        return docs.filter { !$0.isEmpty }
    }

    /// Gold BIO labels for the tagger's own tokens of a sentence: a token starting inside a gold span
    /// takes its type (B- on the span's first token).
    static func labels(_ tokens: [NERToken], _ entities: [(start: Int, end: Int, type: Int)]) -> [Int] {
        var out = [Int](repeating: NERLabel.outside, count: tokens.count)
        for e in entities {
            var first = true
            for (k, t) in tokens.enumerated() where t.start >= e.start && t.start < e.end {
                out[k] = first ? NERLabel.begin(e.type) : NERLabel.inside(e.type)
                first = false
            }
        }
        return out
    }
}
