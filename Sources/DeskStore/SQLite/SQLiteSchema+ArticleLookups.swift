import GRDB

extension SQLiteSchema {
    /// "v6-article-lookups": indexes for what placement looks up by article — its SimHash bands (dropped when a
    /// revision replaces them; also what `ON DELETE CASCADE` from articles needs) and its sentences in order (read to
    /// diff a revision). Without them each lookup scanned the whole table: at 1M articles (4M band rows) placing one
    /// new article took about 0.2 s, and POSTs to a grown web desk timed out. PostgreSQL has had both
    /// (`simhash_bands_article`, `sentences_article`) from its first migration. On an existing large desk the
    /// migration builds them once (about a minute at 1M articles).
    static func registerArticleLookups(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v6-article-lookups") { db in
            try db.execute(sql: """
            CREATE INDEX IF NOT EXISTS simhash_bands_article ON simhash_bands(article_id);
            CREATE INDEX IF NOT EXISTS sentences_article ON sentences(article_id, idx);
            """)
        }
    }
}

extension SQLiteStore {
    /// Placement's per-article lookups by name (for query-plan tests).
    public static var placementLookups: [String: String] { SQLiteTransaction.placementLookups }
}
