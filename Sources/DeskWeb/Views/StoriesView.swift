/// The stories page and `GET /api/stories`.
public struct StoriesView: Codable, Sendable {
    public var user: String?
    public var filters: Filters
    public var stories: [StoryRow]
    /// Stories with something this reader has not seen.
    public var unseenStories: Int

    public struct Filters: Codable, Sendable {
        public var entity: String?
        public var source: String?
        public var since: String?
    }
}
