import DeskModel
import Foundation

/// A story's "what is new" as articles arrive: every article is judged against the story's memory (which it
/// then joins), its new facts become candidates for the current period's update, and closing the period
/// ranks them into the update to show. State grows by one memory entry per new sentence; nothing is re-read.
public struct UpdateTracker: Sendable {
    public private(set) var memory = StoryMemory()
    public var ranker: UpdateRanker
    let judge = NoveltyJudge()
    var articles = 0
    var periodTerms: [Set<Int32>] = []
    var candidates: [(candidate: UpdateCandidate, slot: Int)] = []

    public init(ranker: UpdateRanker = UpdateRanker()) { self.ranker = ranker }

    /// Judges one article (in arrival order) and keeps its new facts as candidates; returns the verdicts.
    @discardableResult
    public mutating func add(_ analyzed: AnalyzedArticle) -> [NoveltyJudge.Verdict] {
        let published = analyzed.article.published?.value
        let key = articles
        articles += 1
        let verdicts = judge.judge(analyzed, memory: &memory, article: key, seen: published ?? .distantPast)
        let days = published.map { Self.days(around: $0) } ?? []
        var terms = Set<Int32>()
        for (sentence, v) in zip(analyzed.sentences, verdicts) {
            terms.formUnion(v.terms)
            guard v.novelty == .new, let slot = v.slot else { continue }
            let dated = sentence.times.contains { t in t.kind == .date && days.contains { t.value.hasPrefix($0) } }
            let words = sentence.text.split(separator: " ").count
            candidates.append((UpdateCandidate(text: sentence.text, terms: v.terms, article: key, position: sentence.index,
                                               support: 1, datedToday: dated, changedNumber: v.changedNumber, words: words),
                               slot))
        }
        periodTerms.append(terms)
        return verdicts
    }

    /// The update of the period that ends now (best first), and a fresh period.
    public mutating func closePeriod() -> [UpdateCandidate] {
        var pool = candidates.map { c in
            var x = c.candidate
            x.support = memory.entries[c.slot].support
            return x
        }
        pool = pool.filter { !$0.terms.isEmpty }
        let centroid = UpdateRanker.centroid(today: periodTerms, memory: memory)
        let picked = ranker.pick(pool, centroid: centroid).map { pool[$0] }
        candidates.removeAll(keepingCapacity: true)
        periodTerms.removeAll(keepingCapacity: true)
        return picked
    }

    /// The publication day and the day before, as TIMEX3 day values: an event dated either is today's news.
    static func days(around date: Date) -> [String] {
        [date, date.addingTimeInterval(-86_400)].map { d in
            let c = TimeValue.utc.dateComponents([.year, .month, .day], from: d)
            return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
        }
    }
}
