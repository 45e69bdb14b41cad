import DeskModel
import DeskStore
import Foundation
import PostgresNIO

/// Users, seen marks and the extra reads of the web desk, as `SQLiteStore+Web` (same statements and meaning).
extension PostgresStore: WebStore {
    /// A short write outside placement: it does not take the placement lock, so a reader marking a story seen
    /// never waits for a worker.
    func writeWeb<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        do { return try transaction(lockPlacement: false, body) } catch { throw PostgresErrors.storeError(error) }
    }

    public func addUser(name: String, role: WebUser.Role, tokenHash: String, at: Date) throws -> WebUser {
        try writeWeb { s in
            let id = try s.scalar("""
                INSERT INTO web_users (name, role, token_hash, created) VALUES (\(name), \(role.rawValue), \(tokenHash), \(at.timeIntervalSince1970))
                RETURNING id
                """, as: Int64.self) ?? 0
            return WebUser(id: id, name: name, role: role, created: at)
        }
    }

    public func user(tokenHash: String) throws -> WebUser? {
        try read { s in
            try s.query("SELECT id, name, role, created FROM web_users WHERE token_hash = \(tokenHash)").first.map {
                let (id, name, role, created) = try $0.decode((Int64, String, String, Double).self)
                return WebUser(id: id, name: name, role: WebUser.Role(rawValue: role) ?? .reader, created: created.asDate)
            }
        }
    }

    public func markSeen(user: Int64, story: Int64, sentenceID: Int64, at: Date) throws {
        try writeWeb { s in
            try s.execute("""
                INSERT INTO web_seen (user_id, story_id, last_sentence_id, at) VALUES (\(user), \(story), \(sentenceID), \(at.timeIntervalSince1970))
                ON CONFLICT (user_id, story_id) DO UPDATE SET
                    last_sentence_id = GREATEST(web_seen.last_sentence_id, excluded.last_sentence_id), at = excluded.at
                """)
        }
    }

    public func seenMark(user: Int64, story: Int64) throws -> SeenMark? {
        try read { s in
            try s.query("SELECT story_id, last_sentence_id, at FROM web_seen WHERE user_id = \(user) AND story_id = \(story)").first.map {
                let (story, last, at) = try $0.decode((Int64, Int64, Double).self)
                return SeenMark(storyID: story, lastSentenceID: last, at: at.asDate)
            }
        }
    }

    public func unseen(user: Int64, stories: [Int64]) throws -> [Int64: UnseenCount] {
        guard !stories.isEmpty else { return [:] }
        let ids = Array(Set(stories))
        return try read { s in
            var out: [Int64: UnseenCount] = [:]
            for row in try s.query("""
                SELECT q.id, c.n, (SELECT text FROM sentences WHERE id = c.newest)
                FROM unnest(\(ids)::bigint[]) AS q(id)
                LEFT JOIN web_seen w ON w.story_id = q.id AND w.user_id = \(user)
                CROSS JOIN LATERAL (
                    SELECT COUNT(*) AS n, MAX(x.id) AS newest FROM sentences x
                    WHERE x.story_id = q.id AND x.novelty = 'new' AND x.id > COALESCE(w.last_sentence_id, 0)) c
                WHERE c.n > 0
                """) {
                let (story, n, newest) = try row.decode((Int64, Int, String?).self)
                out[story] = UnseenCount(storyID: story, count: n, newest: newest)
            }
            return out
        }
    }

    static let articleColumns = "id, doc_id, title, source, url, published, ingested, duplicate_of, version"

    public func articleRecord(id: Int64) throws -> ArticleRecord? {
        try read { s in
            try s.query("""
                SELECT id, doc_id, title, source, url, published, ingested, duplicate_of, version, story_id, similarity
                FROM articles WHERE id = \(id)
                """).first.map { row in
                let (id, doc, title, source, url, published, ingested, duplicateOf, version, story, similarity) =
                    try row.decode((Int64, String, String?, String?, String?, Double?, Double, Int64?, Int, Int64?, Double?).self)
                let summary = ArticleSummary(id: id, docID: doc, title: title, source: source, url: url, published: published?.asDate,
                                             ingested: ingested.asDate, duplicateOf: duplicateOf, version: version)
                return ArticleRecord(summary: summary, storyID: story, similarity: similarity)
            }
        }
    }

    public func duplicates(of id: Int64) throws -> [ArticleSummary] {
        try read { s in
            try s.query("""
                SELECT \(unescaped: Self.articleColumns) FROM articles
                WHERE duplicate_of = \(id) OR id = (SELECT duplicate_of FROM articles WHERE id = \(id)) ORDER BY id
                """).map(Self.articleSummary)
        }
    }

    public func versions(articleID: Int64) throws -> [StoredVersion] {
        try read { s in
            try s.query("SELECT version, json, diff, created, correction FROM revisions WHERE article_id = \(articleID) ORDER BY version")
                .compactMap { row in
                    let (version, json, diff, created, correction) = try row.decode((Int, String, String?, Double, Bool).self)
                    guard let article = Self.decodeArticle(json) else { return nil }
                    let record = RevisionRecord(replacedVersion: version, created: created.asDate, isCorrection: correction,
                                                verdict: diff.flatMap { try? JSONDecoder().decode(RevisionVerdict.self, from: Data($0.utf8)) })
                    return StoredVersion(version: version, replaced: created.asDate, article: article, revision: record)
                }
        }
    }

    public func storyIDs(source: String) throws -> [Int64] {
        try read { s in
            try s.query("SELECT DISTINCT story_id FROM articles WHERE source = \(source) AND story_id IS NOT NULL").map { try $0.decode(Int64.self) }
        }
    }

    /// A UTC day ("2026-11-25") of a seconds-since-1970 column, as SQLite's `date(x, 'unixepoch')`.
    static func utcDay(_ column: String) -> String { "to_char(to_timestamp(\(column)) AT TIME ZONE 'UTC', 'YYYY-MM-DD')" }

    public func activity(story: Int64) throws -> [DayActivity] {
        try read { s in
            var days: [String: DayActivity] = [:]
            for row in try s.query("""
                SELECT \(unescaped: Self.utcDay("COALESCE(published, ingested)")) AS day, COUNT(*) FROM articles
                WHERE story_id = \(story) GROUP BY day
                """) {
                let (day, n) = try row.decode((String, Int).self)
                days[day] = DayActivity(day: day, articles: n, updates: 0)
            }
            for row in try s.query("""
                SELECT \(unescaped: Self.utcDay("seen_at")) AS day, COUNT(*) FROM sentences
                WHERE story_id = \(story) AND novelty = 'new' GROUP BY day
                """) {
                let (day, n) = try row.decode((String, Int).self)
                days[day, default: DayActivity(day: day, articles: 0, updates: 0)].updates = n
            }
            return days.values.sorted { $0.day < $1.day }
        }
    }

    public func updates(afterSentence: Int64, limit: Int) throws -> [UpdateItem] {
        try read { s in try Self.updates(s, afterSentence: afterSentence, limit: limit) }
    }

    /// The new updates after a sentence id, oldest first (on any session: a read, or a placement transaction).
    static func updates(_ s: PostgresSession, afterSentence: Int64, limit: Int) throws -> [UpdateItem] {
            try s.query("""
                SELECT x.id, x.story_id, x.text, x.score, x.seen_at, x.article_id, a.source, a.url
                FROM sentences x JOIN articles a ON a.id = x.article_id
                WHERE x.novelty = 'new' AND x.story_id IS NOT NULL AND x.id > \(afterSentence) ORDER BY x.id LIMIT \(limit)
                """).map { row in
                let (id, story, text, score, seen, article, source, url) =
                    try row.decode((Int64, Int64, String, Double, Double, Int64, String?, String?).self)
                return UpdateItem(sentenceID: id, storyID: story, text: text, score: score, firstSeen: seen.asDate, articleID: article,
                                  sources: source.map { [$0] } ?? [], urls: url.map { [$0] } ?? [])
            }
    }

    public func newestSentenceID() throws -> Int64 {
        try read { s in try s.scalar("SELECT MAX(id) FROM sentences WHERE novelty = 'new'", as: Int64?.self) ?? nil } ?? 0
    }
}
