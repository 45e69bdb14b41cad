import DeskLanguage
import DeskModel
import Foundation

/// The place stage: is the article a copy, a revision, or new; which story it belongs to; which of its
/// sentences are new to that story; which dated events it adds to the story's timeline.
///
/// Cost of placing one article when the desk holds N articles (S stories), every step bounded by a constant:
/// - copies: lookups by document id, content hash and 4 SimHash bands (at most 200 band rows): O(log N);
/// - document frequencies of the article's terms (k ≤ TermVector.maxTerms): O(k log V), V the vocabulary;
/// - candidate stories: the 32 heaviest terms × the 200 most recent postings of each (index story_terms_recent),
///   then an exact cosine with 12 profiles of ≤ 300 terms: O(32·200 + 12·300) reads, each O(log S);
/// - same-source versions: the source's 5 newest articles in the chosen story, their sentences hashed once and
///   cached (`HeldSentenceHashes`): O(log N);
/// - novelty: the story's memory of ≤ 1,500 recent sentences (read only since the last placement): O(1,500);
/// - storing: the article's rows, ≤ 300 postings of its story, its terms' frequencies: O(k log V + 300 log S).
/// So placement is O(log N) — flat but for B-tree depth — once a term's postings exceed 200 stories; below that,
/// candidate search grows with the postings read until it reaches that bound (`updesk bench growth`).
public struct Placer: Sendable {
    /// Cosine similarity between an article and a story profile above which the article joins the story.
    /// Chosen on the UCI headline stream only (`updesk eval stories --data ../shared/eval/stories`, pair-F1
    /// 0.740 at 0.06, 0.743 at 0.08, 0.751 at 0.10, 0.731 at 0.15) and then applied unchanged to the dated-article
    /// stream: a profile sums many articles, so one article's cosine with it is low even when it belongs.
    public static let joinThreshold = 0.10
    /// A story with no article for this long has gone quiet: an article joins it only when it is twice as
    /// similar as an active story needs (`quietStoryFactor`); otherwise it opens a new story that follows it.
    public static let quietDays = 4.0
    static let quietStoryFactor = 2.0
    /// Stories older than this are history: not candidates at all.
    static let horizonDays = 400.0
    /// Candidate stories scored per article.
    static let candidateLimit = 8
    /// Most recent articles of the same source in the chosen story checked as earlier versions (bounds the cost).
    static let sameSourceRecent = 5
    /// A same-source article keeping at least this share of a held article's sentences verbatim is its new version
    /// (an update adds, rewords or drops some sentences; a different article keeps almost none).
    static let sameSourceKeptShare = 0.6
    /// Sentences of a story compared for novelty: the most recent ones (bounded, so cost stays flat).
    static let heldSentenceLimit = 1500

    let judge = NoveltyJudge()
    let revisions = RevisionClassifier()
    let splitter = SentenceSplitter()
    /// Story memories between placements (one placer serves one store).
    public let memories: StoryMemoryCache
    /// Held articles' sentences (hashed) between placements, for the same-source version check.
    public let heldSentences: HeldSentenceHashes

    public init(memories: StoryMemoryCache = StoryMemoryCache(), heldSentences: HeldSentenceHashes = HeldSentenceHashes()) {
        self.memories = memories
        self.heldSentences = heldSentences
    }

    public func place(_ analyzed: AnalyzedArticle, memory: any TrackingMemory, now: Date) throws -> Placement {
        let article = analyzed.article
        // Fingerprints cover the body: a syndicated copy under another headline is still a copy. A body too short
        // to tell articles apart (a feed summary, "Read more") is fingerprinted with its headline.
        let bodyWords = Fingerprint.words(article.paragraphs.joined(separator: "\n"))
        let words = bodyWords.count >= Fingerprint.minimumWordsForSimHash ? bodyWords
            : Fingerprint.words(article.title ?? "") + bodyWords
        let hash = Fingerprint.contentHash(words)
        let simhash = Fingerprint.simhash(words)
        let when = article.published?.value ?? now

        let tf = TermVector.frequencies(analyzed)
        let df = try memory.documentFrequencies(Array(tf.keys))
        let vector = TermVector.build(tf, counts: df.counts, total: df.total)

        // 1. The same document again, or a new version of it.
        if let held = try memory.article(docID: article.id) {
            return try revise(held, analyzed, hash: hash, simhash: simhash, vector: vector, memory: memory)
        }

        // 2. A copy of something held under another id: exact, then near (SimHash bands).
        if let copy = try memory.articles(contentHash: hash).first {
            return Placement(disposition: .duplicate(of: copy.id, similarity: 1), storyID: copy.storyID, storySimilarity: 1,
                             contentHash: hash, simhash: simhash, terms: vector.weights, sentences: [], timeline: [])
        }
        if words.count >= Fingerprint.minimumWordsForSimHash {
            let candidates = try memory.articles(simhashBands: Fingerprint.bands(simhash))
                .map { ($0, Fingerprint.distance($0.simhash, simhash)) }
            let near = candidates.filter { $0.1 <= Fingerprint.nearDuplicateBits }.min { $0.1 < $1.1 }
            if let (copy, distance) = near {
                // The same source again with near-same text under another id: a new version (a story re-filed
                // under a new address), not another outlet's copy.
                if Self.sameSource(copy, article) {
                    return try revise(copy, analyzed, hash: hash, simhash: simhash, vector: vector, memory: memory)
                }
                return Placement(disposition: .duplicate(of: copy.id, similarity: 1 - Double(distance) / 64),
                                 storyID: copy.storyID, storySimilarity: 1, contentHash: hash, simhash: simhash,
                                 terms: vector.weights, sentences: [], timeline: [])
            }
        }

        // 3. Which story: the most similar one the story index finds; a quiet story needs more to reopen.
        let quietSince = when.addingTimeInterval(-Self.quietDays * 86_400)
        let matches = try memory.nearestStories(to: vector.weights, activeSince: when.addingTimeInterval(-Self.horizonDays * 86_400),
                                                limit: Self.candidateLimit)
        func effective(_ m: StoryMatch) -> Double { m.lastSeen < quietSince ? m.similarity / Self.quietStoryFactor : m.similarity }
        let best = matches.max { effective($0) < effective($1) || (effective($0) == effective($1) && $0.story > $1.story) }
        if let best, effective(best) >= Self.joinThreshold {
            // A larger edit re-filed by the same source under another id: a new version of its held article.
            if article.source?.isEmpty == false {
                let fresh = Set(analyzed.sentences.map { HeldSentenceHashes.hash($0.text) })
                for held in try memory.articles(story: best.story, source: article.source!, limit: Self.sameSourceRecent) {
                    guard held.docID != article.id,
                          let old = try heldSentences.hashes(of: held, load: { try memory.storedArticle(id: held.id).map { version($0).sentences } })
                    else { continue }
                    if HeldSentenceHashes.keptShare(of: old, in: fresh) >= Self.sameSourceKeptShare {
                        return try revise(held, analyzed, hash: hash, simhash: simhash, vector: vector, memory: memory)
                    }
                }
            }
            return try finish(analyzed, disposition: .new, storyID: best.story, similarity: best.similarity, hash: hash,
                              simhash: simhash, vector: vector, memory: memory)
        }
        // A new story; when a quiet story was close, the new one follows it (a new event about the same subject).
        let followed = matches.filter { $0.lastSeen < quietSince && $0.similarity >= Self.joinThreshold }.first?.story
        var placement = try finish(analyzed, disposition: .new, storyID: nil, similarity: 0, hash: hash, simhash: simhash,
                                   vector: vector, memory: memory)
        placement.follows = followed
        return placement
    }

    /// Tells the placer what the store made of a placement (inside the same transaction), so what it keeps between
    /// placements knows the new article: its sentences, as `version` would read them back from the store.
    public func stored(_ outcome: PlacementOutcome, placement: Placement, analyzed: AnalyzedArticle) {
        // Only the same-source check reads these, so an article without a source is not kept. Its sentences must
        // be its paragraphs' (a headline-only item's come from its title): the first is found in its paragraph.
        guard outcome.action == .stored, analyzed.article.source?.isEmpty == false,
              let first = analyzed.sentences.first, analyzed.article.paragraphs.indices.contains(first.paragraph),
              analyzed.article.paragraphs[first.paragraph].contains(first.text) else { return }
        heldSentences.remember(article: outcome.articleID, contentHash: placement.contentHash,
                               sentences: analyzed.sentences.map(\.text))
    }

    /// `analyzed` as a version of `held`: unchanged when the text is the same or the change is cosmetic (a
    /// timestamp, a counter, a dateline), else a revision with its sentence and word diff.
    func revise(_ held: HeldArticle, _ analyzed: AnalyzedArticle, hash: String, simhash: UInt64, vector: TermVector,
                memory: any TrackingMemory) throws -> Placement {
        let article = analyzed.article
        let unchanged = Placement(disposition: .unchanged(articleID: held.id), storyID: held.storyID, storySimilarity: 1,
                                  contentHash: hash, simhash: simhash, terms: [:], sentences: [], timeline: [])
        if held.contentHash == hash && (held.title ?? "") == (article.title ?? "") { return unchanged }
        var verdict: RevisionVerdict?
        if let old = try memory.storedArticle(id: held.id) {
            let v = revisions.classify(old: version(old), new: .init(title: article.title, sentences: analyzed.sentences.map(\.text)))
            if !v.isRevision { return unchanged }
            verdict = v
        }
        var placement = try finish(analyzed, disposition: .revision(of: held.id), storyID: held.storyID, similarity: 1,
                                   hash: hash, simhash: simhash, vector: vector, memory: memory)
        placement.revision = verdict
        return placement
    }

    /// Both name the same, non-empty source.
    static func sameSource(_ held: HeldArticle, _ article: Article) -> Bool {
        guard let a = held.source?.trimmingCharacters(in: .whitespaces).lowercased(), !a.isEmpty,
              let b = article.source?.trimmingCharacters(in: .whitespaces).lowercased() else { return false }
        return a == b
    }

    /// A held article's sentences, split as the analyze stage splits them.
    func version(_ article: Article) -> RevisionClassifier.Version {
        .init(title: article.title, sentences: article.paragraphs.flatMap { splitter.split($0) })
    }

    func finish(_ analyzed: AnalyzedArticle, disposition: Placement.Disposition, storyID: Int64?, similarity: Double,
                hash: String, simhash: UInt64, vector: TermVector, memory: any TrackingMemory) throws -> Placement {
        let story = try storyID.map { try memories.memory(story: $0, limit: Self.heldSentenceLimit, store: memory) } ?? StoryMemory()
        let sentences = judge.judge(analyzed, story: story)
        return Placement(disposition: disposition, storyID: storyID, storySimilarity: similarity, contentHash: hash,
                         simhash: simhash, terms: vector.weights, sentences: sentences,
                         timeline: TimelineBuilder.entries(analyzed, placed: sentences))
    }
}
