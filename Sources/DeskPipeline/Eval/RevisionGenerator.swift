import DeskLanguage
import DeskModel
import DeskTracking
import Foundation

/// Makes realistic new versions of real articles, each with the truth about it: whether it is a revision,
/// whether it is a correction, and the true sentence diff. There is no public set of real article revisions
/// to test on, so this stands in: edits of the kinds newsrooms make (sentences added, removed, reworded with
/// word swaps and clause edits, moved; numbers updated; corrections with a note and a "CORRECTED-" marker)
/// and, as negatives, the changes pages go through without their article changing (time stamps, counters,
/// a dateline's date, quotes and white space) and identical text. Seeded: the same seed gives the same set.
public struct RevisionGenerator: Sendable {
    /// What one generated version is, by construction.
    public enum Scenario: String, Codable, Sendable, CaseIterable {
        case identical, cosmetic, revision, correction
    }

    /// A true diff operation: `oldIndex`/`newIndex` are positions in the versions' sentence lists.
    public struct Op: Codable, Sendable, Hashable {
        public var op: RevisionDiff.Op
        public var oldIndex: Int?
        public var newIndex: Int?
        public init(op: RevisionDiff.Op, oldIndex: Int?, newIndex: Int?) {
            self.op = op
            self.oldIndex = oldIndex
            self.newIndex = newIndex
        }
    }

    public struct Case: Sendable {
        public var id: String
        public var scenario: Scenario
        /// The edits made, in order ("reword", "number", "timestamp", ...).
        public var edits: [String]
        public var old: RevisionClassifier.Version
        public var new: RevisionClassifier.Version
        public var isRevision: Bool { scenario == .revision || scenario == .correction }
        public var isCorrection: Bool { scenario == .correction }
        /// The true diff, unchanged sentences and page furniture left out.
        public var ops: [Op]
    }

    /// Shares of the scenarios, as weights: most versions a desk sees again are unchanged or cosmetic
    /// (feeds re-serve pages with fresh time stamps); revisions are fewer, corrections rarer.
    static let weights: [(Scenario, Int)] = [(.identical, 15), (.cosmetic, 30), (.revision, 40), (.correction, 15)]
    /// Articles shorter than this many sentences give too little room for the edits.
    static let minimumSentences = 4

    public var seed: UInt64
    /// Sentences that may be added to a version (from other articles).
    public var pool: [String]

    public init(seed: UInt64, pool: [String]) {
        self.seed = seed
        self.pool = pool
    }

    /// The sentences of a clean article body: paragraphs on line breaks, then sentences.
    public static func sentences(_ body: String) -> [String] {
        let splitter = SentenceSplitter()
        return body.split(whereSeparator: \.isNewline).flatMap { splitter.split(String($0)) }
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    /// `count` versions of one article (none when it is too short).
    public func cases(id: String, body: String, count: Int) -> [Case] {
        let base = Self.sentences(body)
        guard base.count >= Self.minimumSentences else { return [] }
        var r = SeededRandom(seed: seed, name: id)
        return (0..<count).map { n in
            let scenario = Self.pick(&r)
            var builder = VersionBuilder(base: base, random: r, pool: pool)
            let made = builder.make(scenario)
            r = builder.random
            return Case(id: "\(id)#\(n)", scenario: scenario, edits: made.edits, old: made.old, new: made.new, ops: made.ops)
        }
    }

    static func pick(_ r: inout SeededRandom) -> Scenario {
        var x = Int.random(in: 0..<weights.map(\.1).reduce(0, +), using: &r)
        for (s, w) in weights {
            if x < w { return s }
            x -= w
        }
        return .revision
    }
}
