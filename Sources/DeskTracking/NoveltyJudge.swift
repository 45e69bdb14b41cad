import DeskLanguage
import DeskModel
import Foundation

/// Decides, sentence by sentence, whether an article tells its story something new.
public struct NoveltyJudge: Sendable {
    /// Share of a sentence's content terms found in one earlier sentence above which it restates it.
    /// 0.7 keeps paraphrases with a word or two changed as restatements while a sentence that adds a
    /// clause of new facts stays new.
    static let restatementContainment = 0.7
    /// A sentence whose every date lies this far before publication is background, not news.
    static let backgroundDays = 14.0
    /// Sentences shorter than this many content terms are judged by exact match only.
    static let minimumTerms = 3

    public init() {}

    struct Held {
        let id: Int64
        let terms: Set<String>
        let numbers: Set<String>
    }

    public func judge(_ analyzed: AnalyzedArticle, against held: [HeldSentence]) -> [Placement.PlacedSentence] {
        var memory = held.map { Held(id: $0.id, terms: Set($0.terms ?? Tokenizer.contentTerms($0.text)), numbers: Self.numbers($0.text)) }
        var out: [Placement.PlacedSentence] = []
        let published = analyzed.article.published?.value
        for sentence in analyzed.sentences {
            let terms = Set(sentence.terms)
            let numbers = Self.numbers(sentence.text)
            var novelty = Novelty.new
            var evidence: Int64?
            if let match = bestMatch(terms, in: memory) {
                let changedNumbers = !numbers.isEmpty && !numbers.isSubset(of: memory[match.index].numbers)
                if match.containment >= Self.restatementContainment && !changedNumbers {
                    novelty = .restated
                    evidence = memory[match.index].id > 0 ? memory[match.index].id : nil
                }
            }
            if novelty == .new, isBackground(sentence, published: published) { novelty = .background }
            let score = importance(sentence, numbers: numbers)
            out.append(.init(index: sentence.index, text: sentence.text, novelty: novelty, evidence: evidence, score: score,
                             terms: Array(terms).sorted()))
            // Later sentences of the same article are compared with earlier ones too (id 0: not stored yet).
            memory.append(Held(id: 0, terms: terms, numbers: numbers))
        }
        return out
    }

    func bestMatch(_ terms: Set<String>, in memory: [Held]) -> (index: Int, containment: Double)? {
        guard !terms.isEmpty else { return nil }
        var best: (Int, Double)?
        for (i, h) in memory.enumerated() where !h.terms.isEmpty {
            if terms.count < Self.minimumTerms && terms != h.terms { continue }
            let c = Double(terms.intersection(h.terms).count) / Double(terms.count)
            if c > (best?.1 ?? 0) { best = (i, c) }
        }
        return best
    }

    func isBackground(_ sentence: Sentence, published: Date?) -> Bool {
        guard let published else { return false }
        let dates = sentence.times.filter { $0.kind == .date }.compactMap { TimeValue.start(of: $0.value) }
        guard !dates.isEmpty else { return false }
        return dates.allSatisfy { published.timeIntervalSince($0) > Self.backgroundDays * 86_400 }
    }

    /// Lead sentences, numbers and named entities make a sentence more likely to carry the news.
    func importance(_ sentence: Sentence, numbers: Set<String>) -> Double {
        var score = 1.0 / (1.0 + 0.25 * Double(sentence.index))
        if !numbers.isEmpty { score += 0.1 }
        score += min(0.2, 0.05 * Double(sentence.entities.count))
        return min(1, score)
    }

    static func numbers(_ text: String) -> Set<String> {
        var out: Set<String> = []
        var current = ""
        for ch in text {
            if ch.isNumber || (ch == "." && !current.isEmpty) { current.append(ch) } else if !current.isEmpty {
                out.insert(current.trimmingCharacters(in: CharacterSet(charactersIn: ".")))
                current = ""
            }
        }
        if !current.isEmpty { out.insert(current.trimmingCharacters(in: CharacterSet(charactersIn: "."))) }
        return out
    }
}
