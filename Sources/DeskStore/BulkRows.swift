import Foundation

/// A desk as the rows a normal ingest writes (stories with their profiles and postings, articles with their
/// fingerprints, sentences with their novelty and timeline dates), in memory, to be written again in bulk.
/// `updesk bench growth` reads one from a desk built by normal ingest of a real stream, perturbs it per
/// generation (new ids, salted terms, shifted dates) and writes it many times to grow a desk to a million
/// articles in minutes instead of hours. Keys are local to one set of rows (the ids of the desk read).
public struct BulkRows: Sendable {
    public struct Story: Sendable {
        public var key: Int64
        public var title: String
        public var firstSeen: Double
        public var lastSeen: Double
        public var articleCount: Int
        public var follows: Int64?
        public var titleScore: Double
        /// The profile (term → weight) and, per profile term, its posting's last_seen.
        public var profile: [String: Double]
        public var postingSeen: [String: Double]
    }

    public struct Sentence: Sendable {
        public var key: Int64
        public var index: Int
        public var text: String
        public var terms: [String]
        public var novelty: String
        public var evidence: Int64?
        public var score: Double
        public var seenAt: Double
        /// Timeline dates this sentence carries (rows of `timeline`).
        public var dates: [String]
    }

    public struct Article: Sendable {
        public var key: Int64
        public var docID: String
        public var source: String?
        public var url: String?
        public var title: String?
        public var published: Double?
        public var ingested: Double
        public var contentHash: String
        public var simhash: UInt64
        public var story: Int64?
        public var openedStory: Bool
        public var duplicateOf: Int64?
        public var similarity: Double?
        public var version: Int
        /// The stored article (JSON of `DeskModel.Article`) and the text indexed for search.
        public var json: String
        public var searchTitle: String
        public var searchBody: String
        /// Terms counted in the document frequencies when the article was new to the desk (none for a copy).
        public var dfTerms: [String]
        public var sentences: [Sentence]
        /// Rows of the web desk's entity index for this version (none for a copy).
        public var entities: [Entity] = []
    }

    /// One mention in the entity index (`web_entities`).
    public struct Entity: Sendable {
        public var key: String
        public var name: String
        public var kind: String
        public init(key: String, name: String, kind: String) {
            self.key = key
            self.name = name
            self.kind = kind
        }
    }

    public var stories: [Story]
    public var articles: [Article]

    public init(stories: [Story], articles: [Article]) {
        self.stories = stories
        self.articles = articles
    }
}
