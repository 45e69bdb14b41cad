import Foundation

/// One item of a feed, whatever its format, with links already resolved against the feed's base.
public struct FeedEntry: Sendable, Hashable {
    /// The entry's own identifier: RSS `guid`, Atom `id`, JSON Feed `id`, RSS 1.0 `rdf:about`.
    public var guid: String?
    public var link: String?
    /// Plain text: HTML in titles is reduced to its text.
    public var title: String?
    /// A summary or description (HTML as given).
    public var summary: String?
    /// The full content (HTML as given): `content:encoded`, Atom `content`, JSON Feed `content_html`.
    public var content: String?
    public var published: Date?
    public var updated: Date?
    public var author: String?

    public init(guid: String? = nil, link: String? = nil, title: String? = nil, summary: String? = nil, content: String? = nil,
                published: Date? = nil, updated: Date? = nil, author: String? = nil) {
        self.guid = guid
        self.link = link
        self.title = title
        self.summary = summary
        self.content = content
        self.published = published
        self.updated = updated
        self.author = author
    }

    /// Who the entry is without its title (titles change after publication): the GUID, else the
    /// canonical link with tracking parameters stripped. Nil when the entry has neither.
    public var identity: String? {
        if let guid = guid?.trimmingCharacters(in: .whitespacesAndNewlines), !guid.isEmpty { return "guid:" + guid }
        if let link, let canonical = URLCanonicalizer.canonical(link) { return "url:" + canonical }
        return nil
    }
}

/// A parsed feed.
public struct Feed: Sendable, Hashable {
    public enum Format: String, Sendable {
        case rss090 = "RSS 0.9x", rss1 = "RSS 1.0", rss2 = "RSS 2.0", atom = "Atom 1.0", jsonFeed = "JSON Feed"
    }
    public var format: Format
    public var title: String?
    public var siteURL: String?
    public var entries: [FeedEntry]
    /// Entries dropped because an earlier entry had the same identity (feeds do repeat GUIDs).
    public var duplicateEntries = 0

    public init(format: Format, title: String? = nil, siteURL: String? = nil, entries: [FeedEntry] = []) {
        self.format = format
        self.title = title
        self.siteURL = siteURL
        self.entries = entries
    }

    /// Keeps the first entry of each identity.
    mutating func dropDuplicateIdentities() {
        var seen = Set<String>()
        let before = entries.count
        entries = entries.filter { entry in
            guard let id = entry.identity else { return true }
            return seen.insert(id).inserted
        }
        duplicateEntries += before - entries.count
    }
}
