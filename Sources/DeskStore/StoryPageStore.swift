import DeskModel
import Foundation

/// Paged reads of one story for the web desk: each query bounded by a page and served by an index, so the
/// story page costs the same for a story of 10 articles or 10,000. Its own protocol (not `Store` or
/// `WebStore`) so a backend adds it separately; any `Store & WebStore` gets a slow default built on
/// `story(id:)`, which SQLite overrides.
public protocol StoryPageStore: Sendable {
    func storyPage(id: Int64, _ request: StoryPageRequest) throws -> StoryPage?
    /// The newest update (sentence id) of a story; 0 when it has none; nil when there is no such story.
    func newestUpdateID(story: Int64) throws -> Int64?
    /// The story's entities counted within the story (mentions in its articles), most mentioned first.
    func storyEntities(story: Int64, limit: Int) throws -> [EntitySummary]
}

extension StoryPageStore where Self: Store & WebStore {
    public func storyPage(id: Int64, _ request: StoryPageRequest) throws -> StoryPage? {
        guard let detail = try story(id: id) else { return nil }
        func slice<T>(_ all: [T], _ page: Int, _ size: Int) -> [T] {
            Array(all.dropFirst((page - 1) * size).prefix(size))
        }
        let fresh = detail.updates.filter { $0.sentenceID > request.seenAfter }.sorted { $0.sentenceID > $1.sentenceID }
        let revised = detail.articles.filter { $0.version > 1 }.map(\.id)
        return StoryPage(summary: detail.summary,
                         articles: slice(detail.articles, request.articlePage, StoryPageRequest.articlesPerPage),
                         articleTotal: detail.articles.count,
                         updates: slice(detail.updates, request.updatePage, StoryPageRequest.updatesPerPage),
                         fresh: Array(fresh.prefix(StoryPageRequest.freshLimit)), freshTotal: fresh.count,
                         newestUpdateID: detail.updates.map(\.sentenceID).max() ?? 0,
                         timeline: slice(detail.timeline, request.timelinePage, StoryPageRequest.timelineDatesPerPage),
                         timelineDates: detail.timeline.count,
                         revisedArticleIDs: slice(revised, request.revisionPage, StoryPageRequest.revisedArticlesPerPage),
                         revisedTotal: revised.count)
    }

    public func newestUpdateID(story id: Int64) throws -> Int64? {
        guard let detail = try story(id: id) else { return nil }
        return detail.updates.map(\.sentenceID).max() ?? 0
    }

    public func storyEntities(story: Int64, limit: Int) throws -> [EntitySummary] {
        try entities(story: story, limit: limit)
    }
}
