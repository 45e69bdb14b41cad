import GRDB

extension SQLiteSchema {
    /// "web-v2-story-page-indexes": indexes that serve each paged story query without a sort or a scan of the
    /// whole story (checked with EXPLAIN QUERY PLAN in StoryPageQueryPlanTests).
    static func registerStoryPage(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("web-v2-story-page-indexes") { db in
            try db.execute(sql: """
            CREATE INDEX IF NOT EXISTS articles_story_time ON articles(story_id, COALESCE(published, ingested), id);
            CREATE INDEX IF NOT EXISTS sentences_story_new_id ON sentences(story_id, id) WHERE novelty = 'new';
            CREATE INDEX IF NOT EXISTS sentences_story_new_rank ON sentences(story_id, score DESC, seen_at, id) WHERE novelty = 'new';
            CREATE INDEX IF NOT EXISTS articles_story_revised ON articles(story_id, id) WHERE version > 1;
            """)
        }
    }

    /// "web-v3-stories-recent": the stories list (newest activity first) walks this index and stops after one
    /// page, instead of sorting every story with its source and update counts (a whole-desk scan: at 1M articles
    /// and 30k stories the list and `bench web`'s story sampling took minutes). PostgreSQL has had the same index
    /// (`stories_recent`) from its first migration.
    static func registerStoriesRecent(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("web-v3-stories-recent") { db in
            try db.execute(sql: "CREATE INDEX IF NOT EXISTS stories_recent ON stories(last_seen DESC, id DESC)")
        }
    }
}
