import DeskModel
import DeskPipeline
import Foundation
import Hummingbird

/// Feeds out, each as Atom and as JSON Feed: a story's updates, the desk's "what is new", a watch's matches.
extension WebDesk {
    /// Entries in a story's or a watch's feed: the newest.
    static let feedEntries = 50

    func installFeeds() {
        let store = self.store
        for format in ["atom", "json"] {
            route(.get, "/feeds/stories/{id}/\(format)", api: true) { request, context in
                let id = try Self.id(context)
                // The newest updates, as "new since" a reader who has seen nothing (bounded, indexed).
                guard let detail = try await Blocking.run({ try store.storyPage(id: id, .init()) }) else { throw WebError.notFound("story \(id)") }
                let base = Self.base(request)
                let items = detail.fresh.prefix(Self.feedEntries)
                let feed = FeedContent(id: "\(base)/stories/\(id)", title: "Updates: \(detail.summary.title)",
                                       selfURL: "\(base)/feeds/stories/\(id)/\(format)", pageURL: "\(base)/stories/\(id)",
                                       updated: ISO8601.string(detail.summary.lastSeen),
                                       entries: items.map { Self.entry($0, base: base, title: detail.summary.title) })
                return try Self.feedResponse(feed, format: format)
            }
            route(.get, "/feeds/new/\(format)", api: true) { request, _ in
                let hours = try Self.hours(request)
                let digest = try await Blocking.run { try Self.digest(store: store, hours: hours) }
                let base = Self.base(request)
                let entries = digest.stories.flatMap { s in s.updates.map { Self.entry($0, base: base, title: s.title) } }
                let updated = digest.stories.map(\.lastSeen).max().map(ISO8601.string) ?? ISO8601.string(Date(timeIntervalSince1970: 0))
                let feed = FeedContent(id: "\(base)/feeds/new", title: "UpdateDesk: what is new", selfURL: "\(base)/feeds/new/\(format)",
                                       pageURL: "\(base)/", updated: updated, entries: entries)
                return try Self.feedResponse(feed, format: format)
            }
            route(.get, "/feeds/watches/{id}/\(format)", api: true) { request, context in
                let id = try Self.id(context)
                let (watch, hits) = try await Blocking.run { () -> (Watch?, [UpdateItem]) in
                    guard let w = try store.watch(id: id) else { return (nil, []) }
                    // The watch's feed: its matches among the desk's latest updates.
                    let newest = try store.newestSentenceID()
                    let recent = try store.updates(afterSentence: max(0, newest - Int64(WatchMatch.batch)), limit: WatchMatch.batch)
                    let hits = try WatchMatch.matching(w, recent) { try store.entityKeys(article: $0) }
                    return (w, Array(hits.reversed().prefix(Self.feedEntries)))
                }
                guard let watch else { throw WebError.notFound("watch \(id)") }
                let base = Self.base(request)
                let feed = FeedContent(id: "\(base)/feeds/watches/\(id)", title: "Watch: \(watch.name)",
                                       selfURL: "\(base)/feeds/watches/\(id)/\(format)", pageURL: "\(base)/",
                                       updated: hits.first.map { ISO8601.string($0.firstSeen) } ?? ISO8601.string(watch.created),
                                       entries: hits.map { Self.entry($0, base: base, title: watch.name) })
                return try Self.feedResponse(feed, format: format)
            }
        }
    }

    static func entry(_ u: UpdateItem, base: String, title: String) -> FeedContent.Entry {
        FeedContent.Entry(id: "\(base)/updates/\(u.sentenceID)", title: title, text: u.text,
                          link: u.urls.first.flatMap(SafeURL.http) ?? "\(base)/stories/\(u.storyID)",
                          updated: ISO8601.string(u.firstSeen), sources: u.sources)
    }

    static func feedResponse(_ feed: FeedContent, format: String) throws -> Response {
        format == "atom"
            ? Responses.text(feed.atom(), contentType: "application/atom+xml; charset=utf-8")
            : Responses.text(try feed.jsonFeed(), contentType: "application/feed+json; charset=utf-8")
    }

    /// This server as the client reached it (feeds carry absolute links).
    static func base(_ request: Request) -> String {
        let host = request.head.authority ?? "127.0.0.1"
        let safe = host.allSatisfy { $0.isLetter || $0.isNumber || ".:-[]".contains($0) } ? host : "127.0.0.1"
        return "http://\(safe)"
    }
}
