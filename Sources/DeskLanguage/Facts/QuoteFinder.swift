import DeskModel

/// Quotations and their speakers over a document's sentences. A quote opens with a quotation mark and
/// closes with the matching one, possibly sentences later; its speaker is the subject of a reporting verb
/// next to it ("...," Netanyahu said / said Netanyahu / Netanyahu said: "..."); a pronoun speaker ("he",
/// "she") resolves to the person mentioned last before the quote.
enum QuoteFinder {
    static let reportingVerbs: Set<String> = EntityLexicon.reportingVerbs.union([
        "say", "according", "announced", "declared", "stated", "claimed", "continued", "concluded", "urged", "vowed",
    ])
    static let pronouns: Set<String> = ["he", "she", "they"]
    static let openers: Set<Unicode.Scalar> = ["\"", "“", "«", "„"]
    static let closers: Set<Unicode.Scalar> = ["\"", "”", "»", "“"]
    /// Quotes shorter than this many words are scare quotes ("so-called 'experts'"), not speech.
    static let minimumWords = 3

    /// Quotes per sentence (attached to the sentence where each quote closes).
    static func find(_ sentences: [(text: String, entities: [EntityMention])]) -> [[Quote]] {
        var out = [[Quote]](repeating: [], count: sentences.count)
        var lastPerson: EntityMention?
        var open: (text: String, sentence: Int)?
        for (k, s) in sentences.enumerated() {
            let scalars = Array(s.text.unicodeScalars)
            var i = 0
            var segmentStart: Int? = open != nil ? 0 : nil
            var closedAt: [(text: String, openSentence: Int, end: Int, start: Int)] = []
            while i < scalars.count {
                let c = scalars[i]
                if segmentStart == nil, openers.contains(c), i + 1 < scalars.count, !scalars[i + 1].properties.isWhitespace {
                    segmentStart = i + 1
                } else if let a = segmentStart, closers.contains(c), i > a, !scalars[i - 1].properties.isWhitespace || scalars[i - 1] == "," {
                    let part = ScalarTokenizer.slice(scalars, a, i)
                    let whole = open.map { $0.text + " " + part } ?? part
                    let from = open?.sentence ?? k
                    closedAt.append((trimmed(whole), from, i + 1, open == nil ? a - 1 : 0))
                    open = nil
                    segmentStart = nil
                }
                i += 1
            }
            if let a = segmentStart {
                let part = ScalarTokenizer.slice(scalars, a, scalars.count)
                open = (open.map { $0.text + " " + part } ?? part, open?.sentence ?? k)
            }
            // A quoted title ("Memorandum for Defense Cooperation") is not speech: every long word capitalised.
            for q in closedAt where q.text.split(separator: " ").count >= minimumWords
                && !q.text.split(separator: " ").allSatisfy({ $0.count <= 3 || $0.first?.isUppercase == true }) {
                let speaker = speakerOf(s.text, scalars, quoteStart: q.start, quoteEnd: q.end, entities: s.entities)
                    ?? (q.openSentence < k ? speakerOf(sentences[q.openSentence].text, Array(sentences[q.openSentence].text.unicodeScalars),
                                                       quoteStart: 0, quoteEnd: 0, entities: sentences[q.openSentence].entities) : nil)
                var quote = Quote(text: q.text)
                if let sp = speaker {
                    if pronouns.contains(sp.text.lowercased()), let p = lastPerson {
                        quote.speaker = sp.text; quote.speakerKey = p.key
                    } else {
                        quote.speaker = sp.text; quote.speakerKey = sp.key.isEmpty ? nil : sp.key
                    }
                }
                out[k].append(quote)
            }
            if let p = s.entities.last(where: { $0.kind == .person }) { lastPerson = p }
        }
        return out
    }

    static func trimmed(_ s: String) -> String {
        var t = Substring(s)
        while let l = t.last, l == "," || l == " " { t = t.dropLast() }
        return String(t)
    }

    /// The speaker next to a quote: a reporting verb right after the quote with a name or pronoun around
    /// it, or a name and a reporting verb before the quote ("Netanyahu said: ...").
    static func speakerOf(_ text: String, _ scalars: [Unicode.Scalar], quoteStart: Int, quoteEnd: Int,
                          entities: [EntityMention]) -> EntityMention? {
        let after = ScalarTokenizer.slice(scalars, quoteEnd, scalars.count)
        let before = ScalarTokenizer.slice(scalars, 0, max(0, quoteStart))
        for part in [after, before] {
            let words = part.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ":" || $0 == "." }).map(String.init)
            guard let v = words.firstIndex(where: { reportingVerbs.contains($0.lowercased()) }) else { continue }
            // A pronoun right before or after the verb.
            for w in [v > 0 ? words[v - 1] : nil, v + 1 < words.count ? words[v + 1] : nil].compactMap({ $0 })
            where pronouns.contains(w.lowercased()) {
                return EntityMention(text: w, kind: .person, key: "")
            }
            // The entity nearest the verb in this part of the sentence.
            let inPart = entities.filter { part.contains($0.text) && ($0.kind == .person || $0.kind == .organization) }
            if let best = inPart.min(by: { distance($0.text, words, v) < distance($1.text, words, v) }) { return best }
            // "the ministry said", "officials said": a common-noun speaker.
            if v > 0, words[v - 1].first?.isLowercase == true, !["it", "and", "but", "also"].contains(words[v - 1]) {
                let from = max(0, v - 2)
                let phrase = words[from..<v].filter { $0.lowercased() != "the" }.joined(separator: " ")
                if !phrase.isEmpty { return EntityMention(text: phrase, kind: .other, key: "") }
            }
        }
        return nil
    }

    static func distance(_ name: String, _ words: [String], _ v: Int) -> Int {
        let first = name.split(separator: " ").first.map(String.init) ?? name
        guard let k = words.firstIndex(of: first) else { return Int.max }
        return abs(k - v)
    }
}
