import DeskModel
import DeskTracking
import Foundation

/// `updesk eval revisions`: generate versions of the clean bodies in a folder laid out like
/// `../shared/eval/extraction` (its `ground-truth.json`), run the classifier and diff on each, score them
/// against the truth the generator knows, and time the diff on a long article.
public struct RevisionEval: Sendable {
    /// The seed the command and the floors use, so the set is the same on every run.
    public static let defaultSeed: UInt64 = 5
    /// Versions generated per article by default.
    public static let defaultVersions = 10
    /// Sentences of the long article the diff is timed on.
    public static let longArticleSentences = 1000

    public var data: URL
    public var seed: UInt64
    public var versionsPerArticle: Int

    public init(data: URL, seed: UInt64 = defaultSeed, versionsPerArticle: Int = defaultVersions) {
        self.data = data
        self.seed = seed
        self.versionsPerArticle = versionsPerArticle
    }

    public struct Result: Sendable {
        public var score: RevisionScore
        public var cases: [RevisionGenerator.Case]
        public var verdicts: [RevisionVerdict]
        /// Fastest of several diffs of a `longArticleSentences`-sentence article with 50 edits, in milliseconds.
        public var longDiffMilliseconds: Double
        public var longDiffSentences: Int
    }

    public func run(timeLongDiff: Bool = true) throws -> Result {
        let bodies = try ExtractionEval(layout: .extraction, data: data).gold().sorted { $0.key < $1.key }
        let sentences = bodies.map { RevisionGenerator.sentences($0.value) }
        let generator = RevisionGenerator(seed: seed, pool: sentences.flatMap { $0 })
        let classifier = RevisionClassifier()
        var score = RevisionScore()
        var cases: [RevisionGenerator.Case] = []
        var verdicts: [RevisionVerdict] = []
        for (id, body) in bodies {
            for c in generator.cases(id: id, body: body, count: versionsPerArticle) {
                let verdict = classifier.classify(old: c.old, new: c.new)
                score.add(gold: c, verdict: verdict)
                cases.append(c)
                verdicts.append(verdict)
            }
        }
        var ms = 0.0, count = 0
        if timeLongDiff { (ms, count) = Self.timeLongDiff(sentences.flatMap { $0 }, seed: seed) }
        return Result(score: score, cases: cases, verdicts: verdicts, longDiffMilliseconds: ms, longDiffSentences: count)
    }

    /// Diffs one long article (the first `longArticleSentences` sentences of the set, 50 edits) a few times.
    static func timeLongDiff(_ all: [String], seed: UInt64) -> (Double, Int) {
        let base = Array(all.prefix(longArticleSentences))
        var builder = VersionBuilder(base: base, random: SeededRandom(seed: seed, name: "long"), pool: Array(all.suffix(200)))
        var made = builder.make(.identical)
        for k in 0..<50 { builder.textEdit(["add", "remove", "reword", "number", "move"][k % 5]) }
        made.new.sentences = builder.new.map(\.text)
        let diff = SentenceDiff()
        var best = Double.infinity
        for _ in 0..<5 {
            let start = DispatchTime.now().uptimeNanoseconds
            let d = diff.diff(old: made.old.sentences, new: made.new.sentences)
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
            precondition(d.hasChanges)
            best = min(best, elapsed)
        }
        return (best, base.count)
    }

    /// Predictions and truth per version, for reading the errors.
    public static func json(_ result: Result) throws -> Data {
        func opJSON(_ ops: [RevisionGenerator.Op]) -> [[String: Any]] {
            ops.map { op in
                var o: [String: Any] = ["op": op.op.rawValue]
                if let i = op.oldIndex { o["old"] = i }
                if let j = op.newIndex { o["new"] = j }
                return o
            }
        }
        let rows: [[String: Any]] = zip(result.cases, result.verdicts).map { c, v in
            var row: [String: Any] = [
                "id": c.id, "scenario": c.scenario.rawValue, "edits": c.edits,
                "gold": ["revision": c.isRevision, "correction": c.isCorrection, "ops": opJSON(c.ops)] as [String: Any],
                "predicted": ["revision": v.isRevision, "kind": v.kind.rawValue, "correction": v.isCorrection,
                              "ops": opJSON(RevisionScore.ops(v.diff))] as [String: Any],
            ]
            // The sentences an error is about, so errors can be read without regenerating the set.
            let gold = Set(c.ops), predicted = Set(RevisionScore.ops(v.diff))
            if gold != predicted {
                let wrong = gold.symmetricDifference(predicted)
                let olds = Set(wrong.compactMap(\.oldIndex)), news = Set(wrong.compactMap(\.newIndex))
                row["old"] = Dictionary(uniqueKeysWithValues: olds.map { ("\($0)", c.old.sentences[$0]) })
                row["new"] = Dictionary(uniqueKeysWithValues: news.map { ("\($0)", c.new.sentences[$0]) })
            }
            return row
        }
        return try JSONSerialization.data(withJSONObject: rows, options: [.sortedKeys, .prettyPrinted])
    }
}
