/// An article page and `GET /api/articles/{id}`: the clean text, metadata with where each field came from,
/// what was removed as boilerplate, its copies and its versions.
public struct ArticleView: Codable, Sendable {
    public var id: Int64
    public var docID: String
    public var storyID: Int64?
    public var title: String?
    public var source: String?
    public var url: String?
    public var byline: String?
    public var standfirst: String?
    public var language: String?
    public var tags: [String]
    public var version: Int
    public var metadata: [Field]
    public var paragraphs: [String]
    public var captions: [String]
    public var removed: [Removed]
    public var duplicates: [ArticleRow]
    public var revisions: [RevisionView]

    public struct Field: Codable, Sendable {
        public var name: String
        public var value: String
        public var from: String
    }

    public struct Removed: Codable, Sendable {
        public var reason: String
        public var text: String
    }
}

/// The search page and `GET /api/search`.
public struct SearchView: Codable, Sendable {
    public var query: String
    public var hits: [Hit]

    public struct Hit: Codable, Sendable {
        public var articleID: Int64
        public var storyID: Int64?
        public var title: String?
        public var snippet: String
    }
}

/// An entity page and `GET /api/entities/{key}`: the entity, its stories, and their dated events naming it.
public struct EntityView: Codable, Sendable {
    public var entity: EntityRow
    public var stories: [StoryRow]
    public var timeline: [StoryView.TimelineRow]
}

/// The entities page and `GET /api/entities`.
public struct EntitiesView: Codable, Sendable {
    public var entities: [EntityRow]
}
