import Foundation
import GRDB

/// The SQLite schema, as ordered migrations. A migration is never edited once released; add a new one.
enum SQLiteSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-core") { db in
            try db.execute(sql: """
            CREATE TABLE stories (
                id INTEGER PRIMARY KEY,
                title TEXT NOT NULL,
                first_seen REAL NOT NULL,
                last_seen REAL NOT NULL,
                article_count INTEGER NOT NULL DEFAULT 0,
                terms TEXT NOT NULL DEFAULT '{}',
                norm REAL NOT NULL DEFAULT 0
            );
            CREATE TABLE articles (
                id INTEGER PRIMARY KEY,
                doc_id TEXT NOT NULL UNIQUE,
                source TEXT,
                url TEXT,
                title TEXT,
                published REAL,
                ingested REAL NOT NULL,
                content_hash TEXT NOT NULL,
                simhash INTEGER NOT NULL,
                story_id INTEGER REFERENCES stories(id),
                opened_story INTEGER NOT NULL DEFAULT 0,
                duplicate_of INTEGER REFERENCES articles(id),
                similarity REAL,
                version INTEGER NOT NULL DEFAULT 1,
                json TEXT NOT NULL
            );
            CREATE INDEX articles_hash ON articles(content_hash);
            CREATE INDEX articles_story ON articles(story_id);
            CREATE INDEX articles_duplicate ON articles(duplicate_of);
            CREATE TABLE simhash_bands (
                band INTEGER NOT NULL,
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                PRIMARY KEY (band, article_id)
            ) WITHOUT ROWID;
            CREATE TABLE story_terms (
                term TEXT NOT NULL,
                story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
                weight REAL NOT NULL,
                last_seen REAL NOT NULL,
                PRIMARY KEY (term, story_id)
            ) WITHOUT ROWID;
            CREATE INDEX story_terms_recent ON story_terms(term, last_seen);
            CREATE TABLE term_df (
                term TEXT PRIMARY KEY,
                df INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE counters (
                name TEXT PRIMARY KEY,
                value INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE sentences (
                id INTEGER PRIMARY KEY,
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                story_id INTEGER REFERENCES stories(id),
                idx INTEGER NOT NULL,
                text TEXT NOT NULL,
                terms TEXT NOT NULL DEFAULT '',
                novelty TEXT NOT NULL CHECK (novelty IN ('new', 'restated', 'background')),
                evidence_id INTEGER REFERENCES sentences(id),
                score REAL NOT NULL,
                seen_at REAL NOT NULL
            );
            CREATE INDEX sentences_story ON sentences(story_id, id);
            CREATE INDEX sentences_updates ON sentences(novelty, seen_at);
            CREATE INDEX sentences_evidence ON sentences(evidence_id);
            CREATE TABLE timeline (
                id INTEGER PRIMARY KEY,
                story_id INTEGER NOT NULL REFERENCES stories(id),
                date TEXT NOT NULL,
                sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE
            );
            CREATE INDEX timeline_story ON timeline(story_id, date);
            CREATE TABLE revisions (
                id INTEGER PRIMARY KEY,
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                version INTEGER NOT NULL,
                content_hash TEXT NOT NULL,
                json TEXT NOT NULL,
                added TEXT NOT NULL,
                removed TEXT NOT NULL,
                created REAL NOT NULL
            );
            CREATE VIRTUAL TABLE article_search USING fts5(title, body, tokenize = 'porter unicode61');
            """)
        }
        migrator.registerMigration("v2-story-threads") { db in
            // follows: the quiet story a new story continues; title_score: how central the title's headline was
            // to its story when it became the title (a more central headline replaces it); profile: the story's
            // term profile as a compact blob (ProfileCoding), replacing the JSON in `terms`, which is no longer read.
            try db.execute(sql: """
            ALTER TABLE stories ADD COLUMN follows INTEGER REFERENCES stories(id);
            ALTER TABLE stories ADD COLUMN title_score REAL NOT NULL DEFAULT 0;
            ALTER TABLE stories ADD COLUMN profile BLOB;
            CREATE INDEX stories_follows ON stories(follows);
            """)
            // Profiles of stories held before this migration move from JSON to the blob.
            for row in try Row.fetchAll(db, sql: "SELECT id, terms FROM stories") {
                let json: String = row["terms"]
                let profile = (try? JSONDecoder().decode([String: Double].self, from: Data(json.utf8))) ?? [:]
                try db.execute(sql: "UPDATE stories SET profile = ?, terms = '{}' WHERE id = ?",
                               arguments: [ProfileCoding.encode(profile), row["id"] as Int64])
            }
        }
        migrator.registerMigration("v3-revision-diffs") { db in
            // diff: the RevisionVerdict (sentence and word diff) as JSON; correction: the new version corrects the old.
            try db.execute(sql: """
            ALTER TABLE revisions ADD COLUMN diff TEXT;
            ALTER TABLE revisions ADD COLUMN correction INTEGER NOT NULL DEFAULT 0;
            """)
        }
        registerSources(&migrator)
        migrator.registerMigration("v4-story-terms-by-story") { db in
            // Placing an article refreshes the recency of every posting of its story; without this index that
            // was a scan of all stories' postings, so placement slowed as the desk grew.
            try db.execute(sql: "CREATE INDEX story_terms_story ON story_terms(story_id)")
        }
        migrator.registerMigration("v5-article-aliases") { db in
            // Another id under which a held article arrived as a new version (same source, near-same text):
            // the id resolves to the article, and arriving again under it is "unchanged", not new.
            try db.execute(sql: """
            CREATE TABLE article_aliases (
                doc_id TEXT PRIMARY KEY,
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
            ) WITHOUT ROWID;
            CREATE INDEX article_aliases_article ON article_aliases(article_id);
            """)
        }
        migrator.registerMigration("v-stress-revision-versions") { db in
            // Finds an earlier version of an article by its content hash: a re-read old version is not news.
            try db.execute(sql: "CREATE INDEX revisions_versions ON revisions(article_id, content_hash)")
        }
        registerWeb(&migrator)
        registerStoryPage(&migrator)
        registerAccounts(&migrator)
        registerStoriesRecent(&migrator)
        registerArticleLookups(&migrator)
        return migrator
    }
}
