import Foundation

/// One source's copy of an article within a story.
public struct ArticleSummary: Codable, Sendable, Hashable {
    public var id: Int64
    public var docID: String
    public var title: String?
    public var source: String?
    public var url: String?
    public var published: Date?
    public var ingested: Date
    /// The article this one is a copy of, if it is one.
    public var duplicateOf: Int64?
    public var version: Int
    public init(id: Int64, docID: String, title: String?, source: String?, url: String?, published: Date?, ingested: Date,
                duplicateOf: Int64?, version: Int) {
        self.id = id
        self.docID = docID
        self.title = title
        self.source = source
        self.url = url
        self.published = published
        self.ingested = ingested
        self.duplicateOf = duplicateOf
        self.version = version
    }
}

/// A story in a list.
public struct StorySummary: Codable, Sendable, Hashable {
    public var id: Int64
    public var title: String
    public var articleCount: Int
    public var sourceCount: Int
    public var updateCount: Int
    public var firstSeen: Date
    public var lastSeen: Date
    /// The quiet story this one continues, if any.
    public var follows: Int64?
    public init(id: Int64, title: String, articleCount: Int, sourceCount: Int, updateCount: Int, firstSeen: Date, lastSeen: Date,
                follows: Int64? = nil) {
        self.follows = follows
        self.id = id
        self.title = title
        self.articleCount = articleCount
        self.sourceCount = sourceCount
        self.updateCount = updateCount
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
    }
}

/// A new fact: a sentence that told its story something new, with every source that said it.
public struct UpdateItem: Codable, Sendable, Hashable {
    public var sentenceID: Int64
    public var storyID: Int64
    public var text: String
    public var score: Double
    public var firstSeen: Date
    public var articleID: Int64
    public var sources: [String]
    public var urls: [String]
    public init(sentenceID: Int64, storyID: Int64, text: String, score: Double, firstSeen: Date, articleID: Int64,
                sources: [String], urls: [String]) {
        self.sentenceID = sentenceID
        self.storyID = storyID
        self.text = text
        self.score = score
        self.firstSeen = firstSeen
        self.articleID = articleID
        self.sources = sources
        self.urls = urls
    }
}

/// A story's new facts within a time window: the best few, and how many there are in all.
public struct StoryUpdates: Codable, Sendable, Hashable {
    public var story: StorySummary
    public var items: [UpdateItem]
    /// New facts in the window.
    public var total: Int
    /// Distinct sources whose articles brought those new facts.
    public var sources: Int
    public init(story: StorySummary, items: [UpdateItem], total: Int, sources: Int) {
        self.story = story
        self.items = items
        self.total = total
        self.sources = sources
    }
}

/// A dated event of a story's timeline.
public struct TimelineItem: Codable, Sendable, Hashable {
    public var date: String
    public var text: String
    public var sources: [String]
    public init(date: String, text: String, sources: [String]) {
        self.date = date
        self.text = text
        self.sources = sources
    }
}

/// Everything the desk holds about one story.
public struct StoryDetail: Codable, Sendable, Hashable {
    public var summary: StorySummary
    public var articles: [ArticleSummary]
    public var updates: [UpdateItem]
    public var timeline: [TimelineItem]
    public init(summary: StorySummary, articles: [ArticleSummary], updates: [UpdateItem], timeline: [TimelineItem]) {
        self.summary = summary
        self.articles = articles
        self.updates = updates
        self.timeline = timeline
    }
}

/// Which story each document went to, and whether it opened that story.
public struct Assignment: Codable, Sendable, Hashable {
    public var docID: String
    public var storyID: Int64
    public var opened: Bool
    public init(docID: String, storyID: Int64, opened: Bool) {
        self.docID = docID
        self.storyID = storyID
        self.opened = opened
    }
}

/// What applying one placement did.
public struct PlacementOutcome: Codable, Sendable, Hashable {
    public enum Action: String, Codable, Sendable { case stored, unchanged, duplicate, revised }
    public var action: Action
    public var articleID: Int64
    public var storyID: Int64?
    public var openedStory: Bool
    public var newSentences: Int
    public init(action: Action, articleID: Int64, storyID: Int64?, openedStory: Bool, newSentences: Int) {
        self.action = action
        self.articleID = articleID
        self.storyID = storyID
        self.openedStory = openedStory
        self.newSentences = newSentences
    }
}

/// A full-text search result.
public struct SearchHit: Codable, Sendable, Hashable {
    public var articleID: Int64
    public var title: String?
    public var snippet: String
    public var storyID: Int64?
    public init(articleID: Int64, title: String?, snippet: String, storyID: Int64?) {
        self.articleID = articleID
        self.title = title
        self.snippet = snippet
        self.storyID = storyID
    }
}
