import DeskModel

/// One name, one type within a document (the "one sense per discourse" heuristic for names): after the
/// tagger has run over every sentence, a name it tagged in ordinary text is also tagged where it stands
/// untagged in capitals or a table line, and a name tagged with several types takes the type most of its
/// tagged mentions have.
enum DocumentConsistency {
    /// A name must be tagged at least this many times more often with its majority type than with any
    /// other before the minority mentions are retyped (2 keeps genuine PER/ORG homonyms apart).
    static let retypeMargin = 2

    static func apply(_ sentences: [NERSentence], _ labels: inout [[Int]]) {
        // Name (lower-cased token texts) → type counts.
        var counts: [[String]: [Int]] = [:]
        for (s, ls) in zip(sentences, labels) {
            for span in NERLabel.spans(ls) {
                let key = s.tokens[span.start..<span.end].map { $0.text.lowercased() }
                counts[key, default: [0, 0, 0, 0]][span.type] += 1
            }
        }
        guard !counts.isEmpty else { return }
        var majority: [[String]: Int] = [:]
        var firstWords: Set<String> = []
        var longest = 1
        for (key, c) in counts {
            let sorted = c.enumerated().sorted { $0.element > $1.element }
            if sorted[0].element >= retypeMargin * max(1, sorted[1].element) || sorted[1].element == 0 {
                majority[key] = sorted[0].offset
                firstWords.insert(key[0])
                longest = max(longest, key.count)
            }
        }
        for si in sentences.indices {
            let toks = sentences[si].tokens
            var ls = labels[si]
            // Retype whole spans to the document's majority type.
            for span in NERLabel.spans(ls) {
                let key = toks[span.start..<span.end].map { $0.text.lowercased() }
                if let t = majority[key], t != span.type {
                    ls[span.start] = NERLabel.begin(t)
                    for k in (span.start + 1)..<span.end { ls[k] = NERLabel.inside(t) }
                }
            }
            // Tag untagged capitalised occurrences of known names (longest first).
            var i = 0
            while i < toks.count {
                guard ls[i] == NERLabel.outside, NERFeatures.isCapital(toks[i].text), firstWords.contains(toks[i].text.lowercased()) else { i += 1; continue }
                var matched = 0
                for len in stride(from: min(longest, toks.count - i), through: 1, by: -1) {
                    let range = i..<(i + len)
                    guard range.allSatisfy({ ls[$0] == NERLabel.outside }) else { continue }
                    let key = toks[range].map { $0.text.lowercased() }
                    if let t = majority[key], i + len == toks.count || ls[i + len] == NERLabel.outside || !NERLabel.isInside(ls[i + len]) {
                        ls[i] = NERLabel.begin(t)
                        for k in (i + 1)..<(i + len) { ls[k] = NERLabel.inside(t) }
                        matched = len
                        break
                    }
                }
                i += max(1, matched)
            }
            labels[si] = ls
        }
    }
}
