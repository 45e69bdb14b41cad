import DeskModel
import Foundation

/// The desk's system of record. Every backend (SQLite now, PostgreSQL later) passes the same contract tests
/// (`Tests/DeskStoreTests/StoreContract.swift`), so callers never know which one they talk to.
public protocol Store: Sendable {
    /// Runs `body` in one write transaction: placement reads what is held and its result is applied
    /// atomically, so a crash leaves either all of an article or none of it.
    func write<T>(_ body: (any StoreTransaction) throws -> T) throws -> T

    func counts() throws -> StoreCounts
    /// The latest publication date of any stored article.
    func latestPublished() throws -> Date?
    func stories(limit: Int, offset: Int) throws -> [StorySummary]
    func story(id: Int64) throws -> StoryDetail?
    /// New facts first seen at or after `since` (all when nil), grouped by story, best first.
    func updates(since: Date?, perStory: Int) throws -> [StoryUpdates]
    func timeline(story: Int64) throws -> [TimelineItem]
    func assignments() throws -> [Assignment]
    func articles() throws -> [Article]
    func article(id: Int64) throws -> Article?
    func search(_ query: String, limit: Int) throws -> [SearchHit]
    /// Runs the backend's own consistency check; true when the database is sound.
    func integrityCheck() throws -> Bool
}

/// Inside a write transaction: what placement may read, and applying its decision.
public protocol StoreTransaction: TrackingMemory {
    func apply(_ placement: Placement, to analyzed: AnalyzedArticle, ingestedAt: Date) throws -> PlacementOutcome
}

public struct StoreCounts: Codable, Sendable, Hashable {
    public var articles: Int
    public var duplicates: Int
    public var revisions: Int
    public var stories: Int
    public var sentences: Int
    public var updates: Int
    public init(articles: Int, duplicates: Int, revisions: Int, stories: Int, sentences: Int, updates: Int) {
        self.articles = articles
        self.duplicates = duplicates
        self.revisions = revisions
        self.stories = stories
        self.sentences = sentences
        self.updates = updates
    }
}

/// Why the store failed, presented as a person needs it.
public struct StoreError: PresentableError {
    public enum Kind: Sendable { case open, readOnly, diskFull, corrupt, query }
    public var kind: Kind
    public var detail: String
    public init(_ kind: Kind, _ detail: String) {
        self.kind = kind
        self.detail = detail
    }
    public var message: String {
        switch kind {
        case .open: "cannot open the database: \(detail)"
        case .readOnly: "the database is read-only: \(detail)"
        case .diskFull: "the disk is full; nothing of this document was written: \(detail)"
        case .corrupt: "the database is damaged: \(detail)"
        case .query: "database error: \(detail)"
        }
    }
    public var exitCode: Int32 { kind == .query ? 70 : 74 }
    public var httpStatus: Int { kind == .readOnly || kind == .diskFull ? 507 : 500 }
}
