import DeskModel
import Foundation
import GRDB

/// The entity index, watches and the webhook outbox of the web desk.
extension SQLiteStore {
    public func articlesToIndex(after: Int64, through: Int64, limit: Int) throws -> [(id: Int64, version: Int)] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT a.id, a.version FROM articles a LEFT JOIN web_entity_index i ON i.article_id = a.id
                WHERE a.id > ? AND a.id <= ? AND a.duplicate_of IS NULL AND (i.article_id IS NULL OR i.version <> a.version)
                ORDER BY a.id LIMIT ?
                """, arguments: [after, through, limit]).map { (id: $0["id"], version: $0["version"]) }
        }
    }

    public func lastArticleID() throws -> Int64 {
        try read { db in try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM articles") ?? 0 }
    }

    public func indexEntities(article: Int64, version: Int, _ mentions: [EntityMention]) throws {
        try writeDB { db in
            try SQLiteTransaction(db: db).indexEntities(article: article, version: version, mentions.filter { !$0.key.isEmpty })
        }
    }

    static let entitySQL = """
        SELECT e.key, (SELECT name FROM web_entities n WHERE n.key = e.key GROUP BY name ORDER BY COUNT(*) DESC, name LIMIT 1) AS name,
               (SELECT kind FROM web_entities k WHERE k.key = e.key GROUP BY kind ORDER BY COUNT(*) DESC, kind LIMIT 1) AS kind,
               COUNT(*) AS mentions, COUNT(DISTINCT a.story_id) AS stories
        FROM web_entities e JOIN articles a ON a.id = e.article_id
        """

    static func entity(_ row: Row) -> EntitySummary {
        EntitySummary(key: row["key"], name: row["name"], kind: row["kind"], mentions: row["mentions"], stories: row["stories"])
    }

    public func entities(story: Int64, limit: Int) throws -> [EntitySummary] {
        try read { db in
            try Row.fetchAll(db, sql: Self.entitySQL + """
                 WHERE e.key IN (SELECT e2.key FROM web_entities e2 JOIN articles a2 ON a2.id = e2.article_id WHERE a2.story_id = ?)
                GROUP BY e.key ORDER BY SUM(a.story_id = ?) DESC, mentions DESC, e.key LIMIT ?
                """, arguments: [story, story, limit]).map(Self.entity)
        }
    }

    public func entityKeys(article: Int64) throws -> Set<String> {
        try read { db in Set(try String.fetchAll(db, sql: "SELECT key FROM web_entities WHERE article_id = ?", arguments: [article])) }
    }

    public func topEntities(limit: Int) throws -> [EntitySummary] {
        try read { db in
            try Row.fetchAll(db, sql: Self.entitySQL + " GROUP BY e.key ORDER BY mentions DESC, e.key LIMIT ?",
                             arguments: [limit]).map(Self.entity)
        }
    }

    public func entity(key: String) throws -> EntitySummary? {
        try read { db in
            try Row.fetchOne(db, sql: Self.entitySQL + " WHERE e.key = ? GROUP BY e.key", arguments: [key]).map(Self.entity)
        }
    }

    public func stories(entity key: String, limit: Int) throws -> [StorySummary] {
        try read { db in
            try Row.fetchAll(db, sql: Self.summarySQL + """
                 WHERE s.id IN (SELECT a.story_id FROM web_entities e JOIN articles a ON a.id = e.article_id WHERE e.key = ?)
                ORDER BY s.last_seen DESC, s.id DESC LIMIT ?
                """, arguments: [key, limit]).map(Self.summary)
        }
    }

    // MARK: Watches

    static func watch(_ row: Row) -> Watch {
        func list(_ json: String) -> [String] { (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? [] }
        return Watch(id: row["id"], userID: row["user_id"], name: row["name"], query: row["query"], entities: list(row["entities"]),
                     sources: list(row["sources"]), webhookURL: row["webhook_url"], secret: row["secret"],
                     lastSentenceID: row["last_sentence_id"], created: Date(timeIntervalSince1970: row["created"]))
    }

    static func jsonList(_ list: [String]) -> String {
        String(decoding: (try? JSONEncoder().encode(list)) ?? Data("[]".utf8), as: UTF8.self)
    }

    public func addWatch(_ watch: Watch) throws -> Watch {
        try writeDB { db in
            try db.execute(sql: """
                INSERT INTO web_watches (user_id, name, query, entities, sources, webhook_url, secret, last_sentence_id, created)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [watch.userID, watch.name, watch.query, Self.jsonList(watch.entities), Self.jsonList(watch.sources),
                                 watch.webhookURL, watch.secret, watch.lastSentenceID, watch.created.timeIntervalSince1970])
            var added = watch
            added.id = db.lastInsertedRowID
            return added
        }
    }

    public func watches(user: Int64?) throws -> [Watch] {
        try read { db in
            if let user {
                return try Row.fetchAll(db, sql: "SELECT * FROM web_watches WHERE user_id = ? ORDER BY id", arguments: [user]).map(Self.watch)
            }
            return try Row.fetchAll(db, sql: "SELECT * FROM web_watches ORDER BY id").map(Self.watch)
        }
    }

    public func watch(id: Int64) throws -> Watch? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM web_watches WHERE id = ?", arguments: [id]).map(Self.watch) }
    }

    public func deleteWatch(id: Int64) throws {
        try writeDB { db in try db.execute(sql: "DELETE FROM web_watches WHERE id = ?", arguments: [id]) }
    }

    // MARK: Outbox

    public func enqueue(watch: Int64, lastSentenceID: Int64, url: String?, bodies: [String], at: Date) throws {
        try writeDB { db in
            let held = try Int64.fetchOne(db, sql: "SELECT last_sentence_id FROM web_watches WHERE id = ?", arguments: [watch]) ?? 0
            // Another matcher already moved the mark past these updates: queue nothing twice.
            guard lastSentenceID > held else { return }
            if let url {
                for body in bodies {
                    try db.execute(sql: "INSERT INTO web_outbox (watch_id, url, body, next_attempt, created) VALUES (?, ?, ?, ?, ?)",
                                   arguments: [watch, url, body, at.timeIntervalSince1970, at.timeIntervalSince1970])
                }
            }
            try db.execute(sql: "UPDATE web_watches SET last_sentence_id = ? WHERE id = ?", arguments: [lastSentenceID, watch])
        }
    }

    static func delivery(_ row: Row) -> WebhookDelivery {
        WebhookDelivery(id: row["id"], watchID: row["watch_id"], url: row["url"], body: row["body"],
                        state: WebhookDelivery.State(rawValue: row["state"]) ?? .pending, attempts: row["attempts"],
                        nextAttempt: Date(timeIntervalSince1970: row["next_attempt"]), lastError: row["last_error"],
                        created: Date(timeIntervalSince1970: row["created"]))
    }

    public func dueDeliveries(now: Date, limit: Int) throws -> [WebhookDelivery] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM web_outbox WHERE state = 'pending' AND next_attempt <= ? ORDER BY id LIMIT ?",
                             arguments: [now.timeIntervalSince1970, limit]).map(Self.delivery)
        }
    }

    public func deliveries(watch: Int64) throws -> [WebhookDelivery] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM web_outbox WHERE watch_id = ? ORDER BY id", arguments: [watch]).map(Self.delivery)
        }
    }

    public func markDelivered(id: Int64, attempts: Int, at: Date) throws {
        try writeDB { db in
            try db.execute(sql: "UPDATE web_outbox SET state = 'delivered', attempts = ?, delivered = ?, last_error = NULL WHERE id = ?",
                           arguments: [attempts, at.timeIntervalSince1970, id])
        }
    }

    public func markFailed(id: Int64, attempts: Int, error: String, nextAttempt: Date?) throws {
        try writeDB { db in
            try db.execute(sql: "UPDATE web_outbox SET state = ?, attempts = ?, last_error = ?, next_attempt = COALESCE(?, next_attempt) WHERE id = ?",
                           arguments: [nextAttempt == nil ? "failed" : "pending", attempts, error, nextAttempt?.timeIntervalSince1970, id])
        }
    }
}
