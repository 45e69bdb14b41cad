import DeskModel
import Foundation

/// Which slice of a story a page shows: each long section (articles, updates, timeline dates, revised
/// articles) is paged on its own, 1-based, so a story of thousands of articles costs what one page costs.
public struct StoryPageRequest: Sendable, Hashable {
    public var articlePage: Int
    public var updatePage: Int
    public var timelinePage: Int
    public var revisionPage: Int
    /// The reader's seen mark (a sentence id): updates with a larger id are "new since you last looked".
    public var seenAfter: Int64

    /// Page sizes. 50 rows keep a page near 30 KB of HTML for the bundled sample's largest story (450
    /// articles made a 185 KB page); revised articles are few per page because each carries its sentence diffs.
    public static let articlesPerPage = 50
    public static let updatesPerPage = 50
    public static let timelineDatesPerPage = 50
    public static let revisedArticlesPerPage = 5
    /// "New since you last looked" lists at most this many (newest first); the count is exact.
    public static let freshLimit = 50

    public init(articlePage: Int = 1, updatePage: Int = 1, timelinePage: Int = 1, revisionPage: Int = 1, seenAfter: Int64 = 0) {
        self.articlePage = max(1, articlePage)
        self.updatePage = max(1, updatePage)
        self.timelinePage = max(1, timelinePage)
        self.revisionPage = max(1, revisionPage)
        self.seenAfter = seenAfter
    }
}

/// One page of a story, with the totals a page needs for its "more" links.
public struct StoryPage: Sendable, Hashable {
    public var summary: StorySummary
    public var articles: [ArticleSummary]
    public var articleTotal: Int
    /// The story's updates, best first (this page of them); their total is `summary.updateCount`.
    public var updates: [UpdateItem]
    /// Updates newer than the reader's mark, newest first (at most `freshLimit`), and how many there are.
    public var fresh: [UpdateItem]
    public var freshTotal: Int
    /// The newest update id of the story: what "mark as seen" records.
    public var newestUpdateID: Int64
    /// One entry per date (this page of dates) and the number of dates in all.
    public var timeline: [TimelineItem]
    public var timelineDates: Int
    /// Articles of the story with more than one version (this page of them) and how many there are.
    public var revisedArticleIDs: [Int64]
    public var revisedTotal: Int

    public init(summary: StorySummary, articles: [ArticleSummary], articleTotal: Int, updates: [UpdateItem],
                fresh: [UpdateItem], freshTotal: Int, newestUpdateID: Int64, timeline: [TimelineItem], timelineDates: Int,
                revisedArticleIDs: [Int64], revisedTotal: Int) {
        self.summary = summary
        self.articles = articles
        self.articleTotal = articleTotal
        self.updates = updates
        self.fresh = fresh
        self.freshTotal = freshTotal
        self.newestUpdateID = newestUpdateID
        self.timeline = timeline
        self.timelineDates = timelineDates
        self.revisedArticleIDs = revisedArticleIDs
        self.revisedTotal = revisedTotal
    }
}
