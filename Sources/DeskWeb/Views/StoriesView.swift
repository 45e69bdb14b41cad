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
        /// A source tag (subscriptions' tags, e.g. OPML categories): stories with an article from a source so tagged.
        public var tag: String?
        public var until: String?
    }

    /// The tags the subscribed sources carry, for the filter's choices.
    public var tags: [String]
}
