import DeskLanguage
import Foundation

extension UpdateRanker {
    /// The least weight a fact's importance gives: a fact deep in its article still wins when it is clearly
    /// more central to the story than the lead.
    static let minimumPrior = 0.25

    /// A stored new fact as the digest holds it: its text, how many sources ran it, and the importance the
    /// novelty judge gave it (`Placement.PlacedSentence.score`: the lead first; 1 by default, counting them all alike).
    public struct HeldFact: Sendable, Hashable {
        public var text: String
        public var sources: Int
        public var importance: Double
        public init(text: String, sources: Int, importance: Double = 1) {
            self.text = text
            self.sources = sources
            self.importance = importance
        }
    }

    /// Ranks a story's stored new facts the way the daily update does (salience against the centroid of all
    /// of them, agreement across sources, the lead before the background, no two saying the same thing) and
    /// returns the indices of at most `limit`, best first.
    public func pick(_ facts: [HeldFact], limit: Int) -> [Int] {
        var memory = StoryMemory()
        var candidates: [UpdateCandidate] = []
        var documents: [Set<Int32>] = []
        for (i, f) in facts.enumerated() {
            let terms = memory.intern(Tokenizer.contentTerms(f.text))
            documents.append(Set(terms))
            // The digest lists whole facts, headlines included: the paragraph's length rules do not apply.
            let words = min(max(f.text.split(separator: " ").count, Self.minimumWords), Self.maximumWords)
            candidates.append(UpdateCandidate(text: f.text, terms: terms, article: i, position: 0, support: max(1, f.sources),
                                              datedToday: false, changedNumber: false, words: words,
                                              prior: max(Self.minimumPrior, f.importance)))
        }
        let centroid = Self.centroid(today: documents, memory: memory)
        return Array(pick(candidates, centroid: centroid).prefix(limit))
    }
}
