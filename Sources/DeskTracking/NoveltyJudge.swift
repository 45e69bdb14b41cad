import DeskLanguage
import DeskModel
import Foundation

/// Decides, sentence by sentence, whether an article tells its story something new, restates what the
/// story already holds (from any source, in other words), or is background. The story's sentences live in
/// a `StoryMemory` that grows as articles arrive, so an article is compared through the memory's index,
/// never by re-reading the story.
public struct NoveltyJudge: Sendable {
    /// Share of a sentence's content terms found in one earlier sentence above which it restates it.
    /// 0.7 keeps paraphrases with a word or two changed as restatements while a sentence that adds a
    /// clause of new facts stays new.
    public static let restatementContainment = 0.7
    /// A sentence whose every date lies this far before publication is background, not news.
    static let backgroundDays = 14.0
    /// Sentences shorter than this many content terms are judged by exact match only.
    static let minimumTerms = 3

    /// One sentence's verdict with the memory slot it restates, if any.
    public struct Verdict: Sendable, Hashable {
        public var novelty: Novelty
        /// The memory slot of the earlier sentence it restates (or the nearest one it updates).
        public var match: Int?
        public var containment: Double
        /// It repeats an earlier sentence but states a different number: a changed fact.
        public var changedNumber: Bool
        public var terms: [Int32]
        public var numbers: Set<String>
        /// The memory slot this sentence was added as (nil when it restates and only raised support).
        public var slot: Int?
    }

    public init() {}

    // The rules both judging paths apply, each in one place.

    /// How closely a sentence of `termCount` content terms must match an earlier one to restate it: short
    /// sentences only by exact match (a two-word line shares "most" of its terms with too much), others by
    /// `restatementContainment`.
    static func bar(termCount: Int) -> (minimumContainment: Double, exact: Bool) {
        termCount < minimumTerms ? (1.0, true) : (restatementContainment, false)
    }

    /// Whether a sentence that matches an earlier one restates it: only if it states no number the earlier one
    /// did not ("11 dead" after "9 dead" is a changed fact, new).
    static func restates(numbers: Set<String>, matched: Set<String>) -> Bool {
        numbers.isEmpty || numbers.isSubset(of: matched)
    }

    /// The verdict on a sentence that restates nothing: background if every date it gives is old, else new.
    func unmatched(_ sentence: Sentence, published: Date?) -> Novelty {
        isBackground(sentence, published: published) ? .background : .new
    }

    /// The store's path: the story's held sentences in, placed sentences out.
    public func judge(_ analyzed: AnalyzedArticle, against held: [HeldSentence]) -> [Placement.PlacedSentence] {
        var memory = StoryMemory()
        for h in held { memory.add(held: h) }
        return judge(analyzed, story: memory)
    }

    /// Judges against a story memory whose entries carry stored sentence ids, read-only: the article's own
    /// earlier sentences are held in a small memory of their own. (Extending a copy of the story memory, as this
    /// once did, copied all of it, the story's whole vocabulary and index, for every article placed.)
    ///
    /// The rules (`bar`, `restates`, `unmatched`) are those `judge(_:memory:article:seen:withinArticle: true)`
    /// applies on a copy of `story`, and so are the verdicts except on a tie: the best match is the one with the
    /// highest containment over the story's sentences and the article's earlier ones together, and on a tie it is
    /// the story's (the evidence a reader can follow), where the copy took whichever it met first.
    public func judge(_ analyzed: AnalyzedArticle, story: StoryMemory) -> [Placement.PlacedSentence] {
        let published = analyzed.article.published?.value
        let seen = published ?? .distantPast
        var own = StoryMemory()
        var out: [Placement.PlacedSentence] = []
        out.reserveCapacity(analyzed.sentences.count)
        for sentence in analyzed.sentences {
            let terms = own.intern(sentence.terms)
            let known = story.known(sentence.terms)
            let numbers = NumberFacts.numbers(sentence.text)
            let bar = Self.bar(termCount: terms.count)
            let inStory = story.bestMatch(known, of: terms.count, minimumContainment: bar.minimumContainment, exact: bar.exact)
            let inArticle = own.bestMatch(terms, minimumContainment: bar.minimumContainment, exact: bar.exact)
            let novelty: Novelty
            var evidence: Int64?
            let matchedNumbers: Set<String>?
            if let m = inStory, m.containment >= (inArticle?.containment ?? 0) {
                matchedNumbers = story.entries[m.slot].numbers
                evidence = story.entries[m.slot].id > 0 ? story.entries[m.slot].id : nil
            } else {
                matchedNumbers = inArticle.map { own.entries[$0.slot].numbers }
            }
            if let matchedNumbers, Self.restates(numbers: numbers, matched: matchedNumbers) {
                novelty = .restated
            } else {
                evidence = nil
                novelty = unmatched(sentence, published: published)
                own.add(id: 0, terms: terms, numbers: numbers, article: -2, seen: seen)
            }
            out.append(.init(index: sentence.index, text: sentence.text, novelty: novelty, evidence: evidence,
                             score: importance(sentence, numbers: numbers), terms: Array(Set(sentence.terms)).sorted()))
        }
        return out
    }

    /// Judges every sentence of one article against `memory` and adds the article to it: restated sentences
    /// raise the support of what they restate; new and background sentences become entries (id 0).
    /// `withinArticle` also compares a sentence with the earlier sentences of its own article.
    public func judge(_ analyzed: AnalyzedArticle, memory: inout StoryMemory, article: Int, seen: Date,
                      withinArticle: Bool = false) -> [Verdict] {
        let published = analyzed.article.published?.value
        var out: [Verdict] = []
        out.reserveCapacity(analyzed.sentences.count)
        var articleTerms = Set<Int32>()
        var supported = Set<Int>()
        for sentence in analyzed.sentences {
            let terms = memory.intern(sentence.terms)
            articleTerms.formUnion(terms)
            let numbers = NumberFacts.numbers(sentence.text)
            var verdict = Verdict(novelty: .new, match: nil, containment: 0, changedNumber: false, terms: terms, numbers: numbers,
                                  slot: nil)
            let bar = Self.bar(termCount: terms.count)
            if let m = memory.bestMatch(terms, minimumContainment: bar.minimumContainment,
                                        skipArticle: withinArticle ? nil : article, exact: bar.exact) {
                verdict.match = m.slot
                verdict.containment = m.containment
                verdict.changedNumber = !Self.restates(numbers: numbers, matched: memory.entries[m.slot].numbers)
                if !verdict.changedNumber { verdict.novelty = .restated }
            }
            if verdict.novelty == .new { verdict.novelty = unmatched(sentence, published: published) }
            if verdict.novelty == .restated, let slot = verdict.match {
                if supported.insert(slot).inserted { memory.support(slot) }
            } else {
                verdict.slot = memory.add(id: 0, terms: terms, numbers: numbers, article: article, seen: seen)
            }
            out.append(verdict)
        }
        memory.countArticle(terms: articleTerms)
        return out
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
}
