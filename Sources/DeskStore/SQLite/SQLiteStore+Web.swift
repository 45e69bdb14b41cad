import DeskModel
import Foundation
import GRDB

/// Users, seen marks and the extra reads of the web desk.
extension SQLiteStore: WebStore {
    public func addUser(name: String, role: WebUser.Role, tokenHash: String, at: Date) throws -> WebUser {
        try writeDB { db in
            try db.execute(sql: "INSERT INTO web_users (name, role, token_hash, created) VALUES (?, ?, ?, ?)",
                           arguments: [name, role.rawValue, tokenHash, at.timeIntervalSince1970])
            return WebUser(id: db.lastInsertedRowID, name: name, role: role, created: at)
        }
    }

    public func user(tokenHash: String) throws -> WebUser? {
        try read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM web_users WHERE token_hash = ?"), arguments: [tokenHash]).map {
                WebUser(id: $0["id"], name: $0["name"], role: WebUser.Role(rawValue: $0["role"]) ?? .reader,
                        created: Date(timeIntervalSince1970: $0["created"]))
            }
        }
    }

    public func markSeen(user: Int64, story: Int64, sentenceID: Int64, at: Date) throws {
        try writeDB { db in
            try db.execute(sql: """
                INSERT INTO web_seen (user_id, story_id, last_sentence_id, at) VALUES (?, ?, ?, ?)
                ON CONFLICT (user_id, story_id) DO UPDATE SET last_sentence_id = MAX(last_sentence_id, excluded.last_sentence_id),
                at = excluded.at
                """, arguments: [user, story, sentenceID, at.timeIntervalSince1970])
        }
    }

    public func seenMark(user: Int64, story: Int64) throws -> SeenMark? {
        try read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM web_seen WHERE user_id = ? AND story_id = ?"), arguments: [user, story]).map {
                SeenMark(storyID: $0["story_id"], lastSentenceID: $0["last_sentence_id"], at: Date(timeIntervalSince1970: $0["at"]))
            }
        }
    }

    public func unseen(user: Int64, stories: [Int64]) throws -> [Int64: UnseenCount] {
        guard !stories.isEmpty else { return [:] }
        return try read { db in
            var out: [Int64: UnseenCount] = [:]
            for story in Set(stories) {
                // A range of the partial index sentences_story_new_id (story_id, id) per story.
                guard let row = try Row.fetchOne(db.cachedStatement(sql: Self.unseenQuery), arguments: [story, user, story]),
                      let n: Int = row["n"], n > 0, let newest: Int64 = row["newest"] else { continue }
                let text = try String.fetchOne(db.cachedStatement(sql: "SELECT text FROM sentences WHERE id = ?"), arguments: [newest])
                out[story] = UnseenCount(storyID: story, count: n, newest: text)
            }
            return out
        }
    }

    /// New facts of one story above the user's seen mark: their count and the newest id.
    public static let unseenQuery = """
        SELECT COUNT(*) AS n, MAX(x.id) AS newest FROM sentences x
        WHERE x.story_id = ? AND x.novelty = 'new'
          AND x.id > COALESCE((SELECT w.last_sentence_id FROM web_seen w WHERE w.user_id = ? AND w.story_id = ?), 0)
        """

    public func articleRecord(id: Int64) throws -> ArticleRecord? {
        try read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM articles WHERE id = ?"), arguments: [id]).map {
                ArticleRecord(summary: Self.articleSummary($0), storyID: $0["story_id"], similarity: $0["similarity"])
            }
        }
    }

    public func duplicates(of id: Int64) throws -> [ArticleSummary] {
        try read { db in
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT * FROM articles WHERE duplicate_of = ? OR id = (SELECT duplicate_of FROM articles WHERE id = ?) ORDER BY id
                """), arguments: [id, id]).map(Self.articleSummary)
        }
    }

    public func versions(articleID: Int64) throws -> [StoredVersion] {
        try read { db in
            try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM revisions WHERE article_id = ? ORDER BY version"), arguments: [articleID]).compactMap { row in
                guard let article = Self.decodeArticle(row["json"]) else { return nil }
                let diff: String? = row["diff"]
                let created = Date(timeIntervalSince1970: row["created"])
                let record = RevisionRecord(replacedVersion: row["version"], created: created, isCorrection: row["correction"],
                                            verdict: diff.flatMap { try? JSONDecoder().decode(RevisionVerdict.self, from: Data($0.utf8)) })
                return StoredVersion(version: row["version"], replaced: created, article: article, revision: record)
            }
        }
    }

    public func storyIDs(source: String) throws -> [Int64] {
        try read { db in
            try Int64.fetchAll(db.cachedStatement(sql: "SELECT DISTINCT story_id FROM articles WHERE source = ? AND story_id IS NOT NULL"), arguments: [source])
        }
    }

    public func activity(story: Int64) throws -> [DayActivity] {
        try read { db in
            var days: [String: DayActivity] = [:]
            for row in try Row.fetchAll(db.cachedStatement(sql: """
                SELECT date(COALESCE(published, ingested), 'unixepoch') AS day, COUNT(*) AS n FROM articles
                WHERE story_id = ? GROUP BY day
                """), arguments: [story]) {
                let day: String = row["day"]
                days[day] = DayActivity(day: day, articles: row["n"], updates: 0)
            }
            for row in try Row.fetchAll(db.cachedStatement(sql: """
                SELECT date(seen_at, 'unixepoch') AS day, COUNT(*) AS n FROM sentences
                WHERE story_id = ? AND novelty = 'new' GROUP BY day
                """), arguments: [story]) {
                let day: String = row["day"]
                days[day, default: DayActivity(day: day, articles: 0, updates: 0)].updates = row["n"]
            }
            return days.values.sorted { $0.day < $1.day }
        }
    }

    public func updates(afterSentence: Int64, limit: Int) throws -> [UpdateItem] {
        try read { db in
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT x.id, x.story_id, x.text, x.score, x.seen_at, x.article_id, a.source, a.url
                FROM sentences x JOIN articles a ON a.id = x.article_id
                WHERE x.novelty = 'new' AND x.story_id IS NOT NULL AND x.id > ? ORDER BY x.id LIMIT ?
                """), arguments: [afterSentence, limit]).map { row in
                let source: String? = row["source"], url: String? = row["url"]
                return UpdateItem(sentenceID: row["id"], storyID: row["story_id"], text: row["text"], score: row["score"],
                                  firstSeen: Date(timeIntervalSince1970: row["seen_at"]), articleID: row["article_id"],
                                  sources: source.map { [$0] } ?? [], urls: url.map { [$0] } ?? [])
            }
        }
    }

    public func newestSentenceID() throws -> Int64 {
        try read { db in try Int64.fetchOne(db.cachedStatement(sql: "SELECT MAX(id) FROM sentences WHERE novelty = 'new'")) ?? 0 }
    }
}
