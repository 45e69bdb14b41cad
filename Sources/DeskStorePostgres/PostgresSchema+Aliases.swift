/// "pg-aliases-v1", as SQLite's article aliases and revision-version index: a revision that arrives under a
/// new id (a wire that re-files a story) keeps that id as an alias of the article, so arriving again under it
/// is "unchanged", not new; and an earlier version read again is found by its content hash.
extension PostgresSchema {
    static let aliasesMigration = (name: "pg-aliases-v1", sql: """
        CREATE TABLE article_aliases (
            doc_id TEXT PRIMARY KEY,
            article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE DEFERRABLE
        );
        CREATE INDEX article_aliases_article ON article_aliases(article_id);
        CREATE INDEX revisions_versions ON revisions(article_id, content_hash)
        """)
}
