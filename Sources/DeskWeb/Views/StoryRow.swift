import DeskModel
import DeskPipeline
import Foundation

/// A story in a list, with what this reader has not seen of it.
public struct StoryRow: Codable, Sendable, Hashable {
    public var id: Int64
    public var title: String
    public var articles: Int
    public var sources: Int
    public var updates: Int
    public var firstSeen: String
    public var lastSeen: String
    public var follows: Int64?
    /// New facts since this reader last looked (all of them when they never did).
    public var unseen: Int
    public var hasUnseen: Bool
    /// The newest of those, if any.
    public var newest: String?

    init(_ s: StorySummary, unseen: UnseenCount?) {
        id = s.id
        title = s.title
        articles = s.articleCount
        sources = s.sourceCount
        updates = s.updateCount
        firstSeen = ISO8601.string(s.firstSeen)
        lastSeen = ISO8601.string(s.lastSeen)
        follows = s.follows
        self.unseen = unseen?.count ?? 0
        hasUnseen = self.unseen > 0
        newest = unseen?.newest
    }
}

/// An article in a list.
public struct ArticleRow: Codable, Sendable, Hashable {
    public var id: Int64
    public var docID: String
    public var title: String?
    public var source: String?
    public var url: String?
    public var published: String?
    public var ingested: String
    public var duplicateOf: Int64?
    public var version: Int

    init(_ a: ArticleSummary) {
        id = a.id
        docID = a.docID
        title = a.title
        source = a.source
        url = a.url.flatMap(SafeURL.http)
        published = a.published.map(ISO8601.string)
        ingested = ISO8601.string(a.ingested)
        duplicateOf = a.duplicateOf
        version = a.version
    }
}

/// Links taken from scraped data are shown only when they are plain http(s) URLs: a `javascript:` or `data:`
/// link in a feed never reaches a page.
enum SafeURL {
    static func http(_ s: String) -> String? {
        let lower = s.trimmingCharacters(in: .whitespaces).lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") ? s.trimmingCharacters(in: .whitespaces) : nil
    }
}
