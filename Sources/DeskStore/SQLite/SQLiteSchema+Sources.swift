import GRDB

extension SQLiteSchema {
    /// "sources-v1": subscribed sources with their fetch state, and the entries taken from each.
    static func registerSources(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("sources-v1") { db in
            try db.execute(sql: """
            CREATE TABLE sources (
                id INTEGER PRIMARY KEY,
                url TEXT NOT NULL UNIQUE,
                kind TEXT NOT NULL DEFAULT 'unknown',
                title TEXT,
                site_url TEXT,
                tags TEXT NOT NULL DEFAULT '[]',
                interval REAL NOT NULL,
                full_text INTEGER NOT NULL DEFAULT 0,
                paused INTEGER NOT NULL DEFAULT 0,
                added REAL NOT NULL,
                etag TEXT,
                last_modified TEXT,
                last_fetched REAL,
                next_fetch REAL,
                last_status INTEGER,
                failures INTEGER NOT NULL DEFAULT 0,
                last_error TEXT,
                content_hash TEXT
            );
            CREATE TABLE source_entries (
                source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
                entry_key TEXT NOT NULL,
                hash TEXT NOT NULL,
                seen REAL NOT NULL,
                PRIMARY KEY (source_id, entry_key)
            ) WITHOUT ROWID;
            """)
        }
    }
}
