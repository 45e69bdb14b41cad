import DeskModel
import Foundation
import GRDB

/// The story page's reads: every query is bounded by a page size and runs on an index of
/// `web-v2-story-page-indexes` (see `SQLiteStore.storyPageQueries` and its query-plan test); the sources of a
/// page of updates come in two batched queries, not one per update.
extension SQLiteStore: StoryPageStore {
    /// The SQL of each paged read, by name, so the query-plan test checks exactly what runs.
    public static let storyPageQueries: [String: String] = [
        "articles": """
            SELECT id, doc_id, title, source, url, published, ingested, duplicate_of, version FROM articles
            WHERE story_id = ? ORDER BY COALESCE(published, ingested), id LIMIT ? OFFSET ?
            """,
        "updates": """
            SELECT x.id, x.text, x.score, x.seen_at, x.article_id, a.source, a.url
            FROM sentences x JOIN articles a ON a.id = x.article_id
            WHERE x.story_id = ? AND x.novelty = 'new' ORDER BY x.score DESC, x.seen_at, x.id LIMIT ? OFFSET ?
            """,
        "fresh": """
            SELECT x.id, x.text, x.score, x.seen_at, x.article_id, a.source, a.url
            FROM sentences x JOIN articles a ON a.id = x.article_id
            WHERE x.story_id = ? AND x.novelty = 'new' AND x.id > ? ORDER BY x.id DESC LIMIT ?
            """,
        "freshCount": "SELECT COUNT(*) FROM sentences WHERE story_id = ? AND novelty = 'new' AND id > ?",
        "newest": "SELECT MAX(id) FROM sentences WHERE story_id = ? AND novelty = 'new'",
        "articleCount": "SELECT COUNT(*) FROM articles WHERE story_id = ?",
        "timelineDates": "SELECT DISTINCT date FROM timeline WHERE story_id = ? ORDER BY date LIMIT ? OFFSET ?",
        "timelineDateCount": "SELECT COUNT(DISTINCT date) FROM timeline WHERE story_id = ?",
        "timeline": """
            SELECT t.date, x.text, x.score, a.source FROM timeline t JOIN sentences x ON x.id = t.sentence_id
            JOIN articles a ON a.id = x.article_id WHERE t.story_id = ? AND t.date BETWEEN ? AND ?
            ORDER BY t.date, x.score DESC, x.id
            """,
        "revised": "SELECT id FROM articles WHERE story_id = ? AND version > 1 ORDER BY id LIMIT ? OFFSET ?",
        "revisedCount": "SELECT COUNT(*) FROM articles WHERE story_id = ? AND version > 1",
        "copies": "SELECT duplicate_of AS key, source, url FROM articles WHERE duplicate_of IN (SELECT value FROM json_each(?))",
        "restated": """
            SELECT x.evidence_id AS key, a.source, a.url FROM sentences x JOIN articles a ON a.id = x.article_id
            WHERE x.evidence_id IN (SELECT value FROM json_each(?))
            """,
        "entities": """
            SELECT e.key, MAX(e.name) AS name, MAX(e.kind) AS kind, COUNT(*) AS mentions, 1 AS stories
            FROM articles a JOIN web_entities e ON e.article_id = a.id WHERE a.story_id = ?
            GROUP BY e.key ORDER BY mentions DESC, e.key LIMIT ?
            """,
    ]

    static func q(_ name: String) -> String { storyPageQueries[name]! }

    public func storyPage(id: Int64, _ request: StoryPageRequest) throws -> StoryPage? {
        try read { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: Self.summarySQL + " WHERE s.id = ?"), arguments: [id]) else { return nil }
            typealias R = StoryPageRequest
            let articles = try Row.fetchAll(db.cachedStatement(sql: Self.q("articles")),
                                            arguments: [id, R.articlesPerPage, (request.articlePage - 1) * R.articlesPerPage])
                .map(Self.articleSummary)
            let updates = try Self.updateItems(db, story: id, rows: Row.fetchAll(
                db, sql: Self.q("updates"), arguments: [id, R.updatesPerPage, (request.updatePage - 1) * R.updatesPerPage]))
            let fresh = try Self.updateItems(db, story: id, rows: Row.fetchAll(
                db, sql: Self.q("fresh"), arguments: [id, request.seenAfter, R.freshLimit]))
            let dates = try String.fetchAll(db.cachedStatement(sql: Self.q("timelineDates")),
                                            arguments: [id, R.timelineDatesPerPage, (request.timelinePage - 1) * R.timelineDatesPerPage])
            var timeline: [TimelineItem] = []
            if let first = dates.first, let last = dates.last {
                for row in try Row.fetchAll(db.cachedStatement(sql: Self.q("timeline")), arguments: [id, first, last]) {
                    let date: String = row["date"]
                    let source: String? = row["source"]
                    // One entry per date: the best-scored sentence states it; the other sources are credited.
                    if let prev = timeline.last, prev.date == date {
                        if let source, !prev.sources.contains(source) { timeline[timeline.count - 1].sources.append(source) }
                        continue
                    }
                    timeline.append(TimelineItem(date: date, text: row["text"], sources: source.map { [$0] } ?? []))
                }
            }
            return StoryPage(
                summary: Self.summary(row), articles: articles,
                articleTotal: try Int.fetchOne(db.cachedStatement(sql: Self.q("articleCount")), arguments: [id]) ?? 0,
                updates: updates, fresh: fresh,
                freshTotal: try Int.fetchOne(db.cachedStatement(sql: Self.q("freshCount")), arguments: [id, request.seenAfter]) ?? 0,
                newestUpdateID: try Int64.fetchOne(db.cachedStatement(sql: Self.q("newest")), arguments: [id]) ?? 0,
                timeline: timeline,
                timelineDates: try Int.fetchOne(db.cachedStatement(sql: Self.q("timelineDateCount")), arguments: [id]) ?? 0,
                revisedArticleIDs: try Int64.fetchAll(db.cachedStatement(sql: Self.q("revised")), arguments: [
                    id, R.revisedArticlesPerPage, (request.revisionPage - 1) * R.revisedArticlesPerPage]),
                revisedTotal: try Int.fetchOne(db.cachedStatement(sql: Self.q("revisedCount")), arguments: [id]) ?? 0)
        }
    }

    public func newestUpdateID(story: Int64) throws -> Int64? {
        try read { db in
            guard try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM stories WHERE id = ?"), arguments: [story]) != nil else { return nil }
            return try Int64.fetchOne(db.cachedStatement(sql: Self.q("newest")), arguments: [story]) ?? 0
        }
    }

    public func storyEntities(story: Int64, limit: Int) throws -> [EntitySummary] {
        try read { db in try Row.fetchAll(db.cachedStatement(sql: Self.q("entities")), arguments: [story, limit]).map(Self.entity) }
    }

    /// Update items for rows of (id, text, score, seen_at, article_id, source, url), each credited with every
    /// source that ran it (the article's, its copies', and those whose sentences restated it): two queries in all.
    static func updateItems(_ db: Database, story: Int64, rows: [Row]) throws -> [UpdateItem] {
        guard !rows.isEmpty else { return [] }
        let articleIDs = Array(Set(rows.map { $0["article_id"] as Int64 }))
        let sentenceIDs = rows.map { $0["id"] as Int64 }
        func json(_ ids: [Int64]) -> String { "[" + ids.map(String.init).joined(separator: ",") + "]" }
        var copies: [Int64: [(String?, String?)]] = [:]
        for r in try Row.fetchAll(db.cachedStatement(sql: q("copies")), arguments: [json(articleIDs)]) {
            copies[r["key"], default: []].append((r["source"], r["url"]))
        }
        var restated: [Int64: [(String?, String?)]] = [:]
        for r in try Row.fetchAll(db.cachedStatement(sql: q("restated")), arguments: [json(sentenceIDs)]) {
            restated[r["key"], default: []].append((r["source"], r["url"]))
        }
        return rows.map { row in
            let sid: Int64 = row["id"]
            let aid: Int64 = row["article_id"]
            var sources: [String] = []
            var urls: [String] = []
            for (s, u) in [(row["source"] as String?, row["url"] as String?)] + (copies[aid] ?? []) + (restated[sid] ?? []) {
                if let s, !sources.contains(s) { sources.append(s) }
                if let u, !urls.contains(u) { urls.append(u) }
            }
            return UpdateItem(sentenceID: sid, storyID: story, text: row["text"], score: row["score"],
                              firstSeen: Date(timeIntervalSince1970: row["seen_at"]), articleID: aid, sources: sources, urls: urls)
        }
    }
}

extension SQLiteStore {
    /// SQLite's plan for `sql` (EXPLAIN QUERY PLAN, each `?` bound to NULL): one line per step, e.g.
    /// "SEARCH a USING INDEX articles_story_time (story_id=?)". For tests that pin which index a query uses.
    public func queryPlan(_ sql: String) throws -> [String] {
        try read { db in
            let holes = sql.filter { $0 == "?" }.count
            return try Row.fetchAll(db.cachedStatement(sql: "EXPLAIN QUERY PLAN " + sql),
                                    arguments: StatementArguments(Array(repeating: DatabaseValue.null, count: holes)))
                .map { $0["detail"] as String }
        }
    }
}
