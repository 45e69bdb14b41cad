import Foundation

/// What the desk already holds of one article, as placement needs it.
public struct HeldArticle: Codable, Sendable, Hashable {
    public var id: Int64
    public var docID: String
    public var source: String?
    public var url: String?
    public var title: String?
    public var contentHash: String
    public var simhash: UInt64
    public var storyID: Int64?
    public var published: Date?
    public init(id: Int64, docID: String, source: String?, url: String?, title: String?, contentHash: String,
                simhash: UInt64, storyID: Int64?, published: Date?) {
        self.id = id
        self.docID = docID
        self.source = source
        self.url = url
        self.title = title
        self.contentHash = contentHash
        self.simhash = simhash
        self.storyID = storyID
        self.published = published
    }
}

/// A story found near an article by the story index: its id and the cosine similarity of its term
/// profile with the article's term vector.
public struct StoryMatch: Codable, Sendable, Hashable {
    public var story: Int64
    public var similarity: Double
    /// When the story last had an article: placement holds a quiet story to a higher bar.
    public var lastSeen: Date
    public init(story: Int64, similarity: Double, lastSeen: Date = .distantPast) {
        self.story = story
        self.similarity = similarity
        self.lastSeen = lastSeen
    }
}

/// A sentence the story already holds, for novelty decisions.
public struct HeldSentence: Codable, Sendable, Hashable {
    public var id: Int64
    public var articleID: Int64
    public var text: String
    /// The sentence's content terms as stored with it, so they are not recomputed per comparison.
    public var terms: [String]?
    public init(id: Int64, articleID: Int64, text: String, terms: [String]? = nil) {
        self.id = id
        self.articleID = articleID
        self.text = text
        self.terms = terms
    }
}

/// Whether a sentence tells its story something new.
public enum Novelty: String, Codable, Sendable, CaseIterable {
    /// Not said before in this story.
    case new
    /// Says again what the story already holds (evidence: the earlier sentence).
    case restated
    /// Context about earlier events (dated well before publication).
    case background
}

/// What placement decided for one incoming article. Applied by the store in one transaction.
public struct Placement: Sendable, Hashable {
    public enum Disposition: Sendable, Hashable {
        /// Not held before: a new article.
        case new
        /// Exactly this document is held already (same id and content): nothing to store.
        case unchanged(articleID: Int64)
        /// The same or nearly the same text is held under another id or source: a copy.
        case duplicate(of: Int64, similarity: Double)
        /// A new version of an article held under the same id (or same URL).
        case revision(of: Int64)
    }

    public struct PlacedSentence: Sendable, Hashable {
        public var index: Int
        public var text: String
        public var novelty: Novelty
        public var evidence: Int64?
        /// Importance in [0, 1] used to rank updates.
        public var score: Double
        /// Content terms, stored with the sentence for later novelty checks.
        public var terms: [String]
    public init(index: Int, text: String, novelty: Novelty, evidence: Int64?, score: Double, terms: [String] = []) {
            self.index = index
            self.text = text
            self.novelty = novelty
            self.evidence = evidence
            self.score = score
            self.terms = terms
        }
    }

    public struct TimelineEntry: Sendable, Hashable {
        /// "YYYY-MM-DD" or "YYYY-MM" (TIMEX3 value of the event date).
        public var date: String
        public var sentenceIndex: Int
        public init(date: String, sentenceIndex: Int) {
            self.date = date
            self.sentenceIndex = sentenceIndex
        }
    }

    public var disposition: Disposition
    /// Existing story, or nil to open a new one.
    public var storyID: Int64?
    /// Similarity to the chosen story (0 when a story is opened).
    public var storySimilarity: Double
    public var contentHash: String
    public var simhash: UInt64
    /// Weighted terms this article adds to its story's profile.
    public var terms: [String: Double]
    public var sentences: [PlacedSentence]
    public var timeline: [TimelineEntry]
    /// For an article that opens a story: the quiet story it continues (a new event about the same subject).
    public var follows: Int64?
    /// For a revision: what changed (sentence and word diff) and whether it is a correction.
    public var revision: RevisionVerdict?

    public init(disposition: Disposition, storyID: Int64?, storySimilarity: Double, contentHash: String, simhash: UInt64,
                terms: [String: Double], sentences: [PlacedSentence], timeline: [TimelineEntry]) {
        self.disposition = disposition
        self.storyID = storyID
        self.storySimilarity = storySimilarity
        self.contentHash = contentHash
        self.simhash = simhash
        self.terms = terms
        self.sentences = sentences
        self.timeline = timeline
    }
}

/// What placement may ask of what the desk holds. Every lookup goes through an index, so the cost of
/// placing one article does not grow with the number of stories held.
public protocol TrackingMemory {
    func article(docID: String) throws -> HeldArticle?
    /// The stored text of a held article (its current version), to tell a real revision from a cosmetic change.
    func storedArticle(id: Int64) throws -> Article?
    func articles(contentHash: String) throws -> [HeldArticle]
    /// Articles sharing at least one SimHash band (LSH candidates for near-duplicates).
    func articles(simhashBands: [Int64]) throws -> [HeldArticle]
    /// Stories seen since `activeSince` whose profiles share terms with `vector` (a unit-length term vector),
    /// most similar first, with their exact cosine similarity. Candidates come from the story-term index for
    /// the vector's heaviest terms, reading a bounded number of the most recent postings per term, so the
    /// cost does not grow with the number of stories held.
    func nearestStories(to vector: [String: Double], activeSince: Date, limit: Int) throws -> [StoryMatch]
    /// The story's most recent `limit` sentences, newest first.
    func sentences(story: Int64, limit: Int) throws -> [HeldSentence]
    /// The story's sentences stored after the sentence `after` (by id), at most the newest `limit` of them,
    /// oldest first: what a cached story memory has not seen yet. Sentence ids of one story must grow in
    /// commit order (true when placements into one story are serialised, as both stores do).
    func sentences(story: Int64, after: Int64, limit: Int) throws -> [HeldSentence]
    /// The story's most recent articles from `source` (not copies), newest first.
    func articles(story: Int64, source: String, limit: Int) throws -> [HeldArticle]
    /// Number of articles each term occurs in, and the number of articles held.
    func documentFrequencies(_ terms: [String]) throws -> (counts: [String: Int], total: Int)
}

extension TrackingMemory {
    /// A store without this lookup finds earlier versions under the same id or SimHash only.
    public func articles(story: Int64, source: String, limit: Int) throws -> [HeldArticle] { [] }

    /// Correct for any store, through `sentences(story:limit:)`; stores override it with an indexed range query.
    public func sentences(story: Int64, after: Int64, limit: Int) throws -> [HeldSentence] {
        try sentences(story: story, limit: limit).filter { $0.id > after }.reversed()
    }
}
