import Foundation

/// An article with where it sits in the desk: its story and, for a copy, how close it is to its original.
public struct ArticleRecord: Codable, Sendable, Hashable {
    public var summary: ArticleSummary
    public var storyID: Int64?
    public var similarity: Double?
    public init(summary: ArticleSummary, storyID: Int64?, similarity: Double?) {
        self.summary = summary
        self.storyID = storyID
        self.similarity = similarity
    }
}

/// An earlier version of an article, kept when a revision replaced it.
public struct StoredVersion: Codable, Sendable, Hashable {
    public var version: Int
    /// When the next version replaced this one.
    public var replaced: Date
    public var article: Article
    public var revision: RevisionRecord
    public init(version: Int, replaced: Date, article: Article, revision: RevisionRecord) {
        self.version = version
        self.replaced = replaced
        self.article = article
        self.revision = revision
    }
}

/// A story's activity on one day (UTC): articles that arrived and new facts they brought.
public struct DayActivity: Codable, Sendable, Hashable {
    public var day: String
    public var articles: Int
    public var updates: Int
    public init(day: String, articles: Int, updates: Int) {
        self.day = day
        self.articles = articles
        self.updates = updates
    }
}

/// One entity as the desk knows it: its key, best name, kind, and how often it is mentioned.
public struct EntitySummary: Codable, Sendable, Hashable {
    public var key: String
    public var name: String
    public var kind: String
    public var mentions: Int
    public var stories: Int
    public init(key: String, name: String, kind: String, mentions: Int, stories: Int) {
        self.key = key
        self.name = name
        self.kind = kind
        self.mentions = mentions
        self.stories = stories
    }
}
