import DeskPipeline

/// A story page and `GET /api/stories/{id}`: what is new since this reader last looked first, then the
/// dated timeline, the sources and their articles, revisions with sentence diffs, and entities.
public struct StoryView: Codable, Sendable {
    public var story: StoryRow
    /// Newest first, at most `StoryPageRequest.freshLimit`; `newSinceTotal` counts them all.
    public var newSinceLastLooked: [UpdateRow]
    public var newSinceTotal: Int
    /// When this reader last marked the story seen (nil: never, or no reader).
    public var lastLooked: String?
    /// The newest update on the page: what "mark as seen" records.
    public var seenUpTo: Int64
    public var updates: [UpdateRow]
    public var timeline: [TimelineRow]
    public var sources: [SourceGroup]
    public var revisions: [RevisionView]
    public var entities: [EntityRow]
    public var activity: [ActivityDay]
    /// The paged sections: which page of each this is, and links to the others.
    public var paging: Paging

    public struct Paging: Codable, Sendable {
        public var articles: SectionPage
        public var updates: SectionPage
        public var timeline: SectionPage
        public var revisions: SectionPage
    }

    public struct TimelineRow: Codable, Sendable {
        public var date: String
        public var text: String
        public var sources: [String]
    }

    public struct SourceGroup: Codable, Sendable {
        public var name: String
        public var articles: [ArticleRow]
    }

    public struct ActivityDay: Codable, Sendable {
        public var day: String
        public var articles: Int
        public var updates: Int
    }
}

/// An entity in a list.
public struct EntityRow: Codable, Sendable, Hashable {
    public var key: String
    /// The key as it goes in a path (percent-encoded).
    public var path: String
    public var name: String
    public var kind: String
    public var mentions: Int
    public var stories: Int
}
