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
}
