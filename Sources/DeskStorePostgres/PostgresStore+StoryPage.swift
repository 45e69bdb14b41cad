import DeskStore

/// The web desk's story page on PostgreSQL: the default built on `story(id:)` (correct, not paged in SQL).
/// The SQLite store pages each section in SQL; doing the same here is left for when PostgreSQL desks serve
/// stories of thousands of articles.
extension PostgresStore: StoryPageStore {}
