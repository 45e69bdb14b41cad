import GRDB

extension SQLiteSchema {
    /// "web-v1": users (token hashes only), seen marks, the entity index, watches and the webhook outbox.
    static func registerWeb(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("web-v1") { db in
            try db.execute(sql: """
            CREATE TABLE web_users (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                role TEXT NOT NULL CHECK (role IN ('reader', 'editor', 'admin')),
                token_hash TEXT NOT NULL UNIQUE,
                created REAL NOT NULL
            );
            CREATE TABLE web_seen (
                user_id INTEGER NOT NULL REFERENCES web_users(id) ON DELETE CASCADE,
                story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
                last_sentence_id INTEGER NOT NULL,
                at REAL NOT NULL,
                PRIMARY KEY (user_id, story_id)
            ) WITHOUT ROWID;
            CREATE TABLE web_entity_index (
                article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
                version INTEGER NOT NULL
            );
            CREATE TABLE web_entities (
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                key TEXT NOT NULL,
                name TEXT NOT NULL,
                kind TEXT NOT NULL
            );
            CREATE INDEX web_entities_key ON web_entities(key);
            CREATE INDEX web_entities_article ON web_entities(article_id);
            CREATE TABLE web_watches (
                id INTEGER PRIMARY KEY,
                user_id INTEGER NOT NULL REFERENCES web_users(id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                query TEXT NOT NULL,
                entities TEXT NOT NULL DEFAULT '[]',
                sources TEXT NOT NULL DEFAULT '[]',
                webhook_url TEXT,
                secret TEXT,
                last_sentence_id INTEGER NOT NULL DEFAULT 0,
                created REAL NOT NULL
            );
            CREATE TABLE web_outbox (
                id INTEGER PRIMARY KEY,
                watch_id INTEGER NOT NULL REFERENCES web_watches(id) ON DELETE CASCADE,
                url TEXT NOT NULL,
                body TEXT NOT NULL,
                state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed')),
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt REAL NOT NULL,
                last_error TEXT,
                created REAL NOT NULL,
                delivered REAL
            );
            CREATE INDEX web_outbox_due ON web_outbox(state, next_attempt);
            """)
        }
    }
}
