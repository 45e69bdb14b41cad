import DeskModel
import DeskStore
import Foundation
import PostgresNIO

/// The entity index, watches and the webhook outbox of the web desk, as `SQLiteStore+Watches`, made safe for
/// several web nodes on one database: a watch's mark moves under a row lock, and due deliveries are claimed.
extension PostgresStore {
    /// How long a claimed delivery stays away from other web nodes before it is due again: longer than one
    /// attempt can take (the deliverer's request timeout is 10 s by default), short enough that a node that
    /// died mid-send delays the message by two minutes at most.
    public static let deliveryLeaseSeconds = 120.0

    public func articlesToIndex(after: Int64, through: Int64, limit: Int) throws -> [(id: Int64, version: Int)] {
        try read { s in
            try s.query("""
                SELECT a.id, a.version FROM articles a LEFT JOIN web_entity_index i ON i.article_id = a.id
                WHERE a.id > \(after) AND a.id <= \(through) AND a.duplicate_of IS NULL
                  AND (i.article_id IS NULL OR i.version <> a.version)
                ORDER BY a.id LIMIT \(limit)
                """).map {
                let (id, version) = try $0.decode((Int64, Int).self)
                return (id: id, version: version)
            }
        }
    }

    public func lastArticleID() throws -> Int64 {
        try read { s in try s.query("SELECT COALESCE(MAX(id), 0) FROM articles").first?.decode(Int64.self) ?? 0 }
    }

    public func indexEntities(article: Int64, version: Int, _ mentions: [EntityMention]) throws {
        try writeWeb { s in
            // Two refreshes indexing the same article take turns (each statement then sees the other's rows),
            // so its mentions are never stored twice; FOR NO KEY UPDATE does not hold up placement's inserts.
            try s.execute("SELECT 1 FROM articles WHERE id = \(article) FOR NO KEY UPDATE")
            try Self.writeEntities(s, article: article, version: version, mentions.filter { !$0.key.isEmpty })
        }
    }

    /// Replaces an article's rows in the entity index with `mentions` at `version` (placement and the indexer).
    static func writeEntities(_ s: PostgresSession, article: Int64, version: Int, _ mentions: [EntityMention]) throws {
        try s.execute("DELETE FROM web_entities WHERE article_id = \(article)")
        if !mentions.isEmpty {
            try s.execute("""
                INSERT INTO web_entities (article_id, key, name, kind)
                SELECT \(article), k, n, t FROM unnest(\(mentions.map(\.key))::text[], \(mentions.map(\.text))::text[],
                                                      \(mentions.map(\.kind.rawValue))::text[]) AS m(k, n, t)
                """)
        }
        try s.execute("""
            INSERT INTO web_entity_index (article_id, version) VALUES (\(article), \(version))
            ON CONFLICT (article_id) DO UPDATE SET version = excluded.version
            """)
    }

    static let entitySQL = """
        SELECT e.key,
               (SELECT name FROM web_entities n WHERE n.key = e.key GROUP BY name ORDER BY COUNT(*) DESC, name COLLATE "C" LIMIT 1),
               (SELECT kind FROM web_entities k WHERE k.key = e.key GROUP BY kind ORDER BY COUNT(*) DESC, kind COLLATE "C" LIMIT 1),
               COUNT(*) AS mentions, COUNT(DISTINCT a.story_id)
        FROM web_entities e JOIN articles a ON a.id = e.article_id
        """

    static func entity(_ row: PostgresRow) throws -> EntitySummary {
        let (key, name, kind, mentions, stories) = try row.decode((String, String, String, Int, Int).self)
        return EntitySummary(key: key, name: name, kind: kind, mentions: mentions, stories: stories)
    }

    public func entities(story: Int64, limit: Int) throws -> [EntitySummary] {
        try read { s in
            try s.query("""
                \(unescaped: Self.entitySQL)
                WHERE e.key IN (SELECT e2.key FROM web_entities e2 JOIN articles a2 ON a2.id = e2.article_id WHERE a2.story_id = \(story))
                GROUP BY e.key ORDER BY SUM(CASE WHEN a.story_id = \(story) THEN 1 ELSE 0 END) DESC, mentions DESC, e.key COLLATE "C"
                LIMIT \(limit)
                """).map(Self.entity)
        }
    }

    public func entityKeys(article: Int64) throws -> Set<String> {
        try read { s in Set(try s.query("SELECT key FROM web_entities WHERE article_id = \(article)").map { try $0.decode(String.self) }) }
    }

    public func topEntities(limit: Int) throws -> [EntitySummary] {
        try read { s in
            try s.query("\(unescaped: Self.entitySQL) GROUP BY e.key ORDER BY mentions DESC, e.key COLLATE \"C\" LIMIT \(limit)").map(Self.entity)
        }
    }

    public func entity(key: String) throws -> EntitySummary? {
        try read { s in try s.query("\(unescaped: Self.entitySQL) WHERE e.key = \(key) GROUP BY e.key").first.map(Self.entity) }
    }

    public func stories(entity key: String, limit: Int) throws -> [StorySummary] {
        try read { s in
            try s.query("""
                \(unescaped: Self.summarySQL)
                WHERE s.id IN (SELECT a.story_id FROM web_entities e JOIN articles a ON a.id = e.article_id WHERE e.key = \(key))
                ORDER BY s.last_seen DESC, s.id DESC LIMIT \(limit)
                """).map(Self.summary)
        }
    }

    // MARK: Watches

    static let watchColumns = "id, user_id, name, query, entities, sources, webhook_url, secret, last_sentence_id, created"

    static func watch(_ row: PostgresRow) throws -> Watch {
        let (id, user, name, query, entities, sources, url, secret, last, created) =
            try row.decode((Int64, Int64, String, String, String, String, String?, String?, Int64, Double).self)
        func list(_ json: String) -> [String] { (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? [] }
        return Watch(id: id, userID: user, name: name, query: query, entities: list(entities), sources: list(sources),
                     webhookURL: url, secret: secret, lastSentenceID: last, created: created.asDate)
    }

    public func addWatch(_ watch: Watch) throws -> Watch {
        try writeWeb { s in
            var added = watch
            added.id = try s.scalar("""
                INSERT INTO web_watches (user_id, name, query, entities, sources, webhook_url, secret, last_sentence_id, created)
                VALUES (\(watch.userID), \(watch.name), \(watch.query), \(Self.encodeTags(watch.entities)), \(Self.encodeTags(watch.sources)),
                        \(watch.webhookURL), \(watch.secret), \(watch.lastSentenceID), \(watch.created.timeIntervalSince1970))
                RETURNING id
                """, as: Int64.self) ?? 0
            return added
        }
    }

    public func watches(user: Int64?) throws -> [Watch] {
        try read { s in
            if let user {
                return try s.query("SELECT \(unescaped: Self.watchColumns) FROM web_watches WHERE user_id = \(user) ORDER BY id").map(Self.watch)
            }
            return try s.query("SELECT \(unescaped: Self.watchColumns) FROM web_watches ORDER BY id").map(Self.watch)
        }
    }

    public func watch(id: Int64) throws -> Watch? {
        try read { s in try s.query("SELECT \(unescaped: Self.watchColumns) FROM web_watches WHERE id = \(id)").first.map(Self.watch) }
    }

    public func deleteWatch(id: Int64) throws {
        try writeWeb { s in try s.execute("DELETE FROM web_watches WHERE id = \(id)") }
    }

    // MARK: Outbox

    /// The watch row is locked first, so two web nodes matching the same watch at once take turns: the second
    /// finds the mark already moved and queues nothing (nothing queued twice). A mark over sentence ids loses
    /// nothing either: sentences are only inserted under the desk's placement lock, held to the commit, so
    /// they commit in id order and no update can appear below a mark once the mark has passed it.
    public func enqueue(watch: Int64, lastSentenceID: Int64, url: String?, bodies: [String], at: Date) throws {
        try writeWeb { s in
            guard let held = try s.scalar("SELECT last_sentence_id FROM web_watches WHERE id = \(watch) FOR UPDATE", as: Int64.self),
                  lastSentenceID > held else { return }
            if let url, !bodies.isEmpty {
                try s.execute("""
                    INSERT INTO web_outbox (watch_id, url, body, next_attempt, created)
                    SELECT \(watch), \(url), b, \(at.timeIntervalSince1970), \(at.timeIntervalSince1970)
                    FROM unnest(\(bodies)::text[]) WITH ORDINALITY AS m(b, n) ORDER BY n
                    """)
            }
            try s.execute("UPDATE web_watches SET last_sentence_id = \(lastSentenceID) WHERE id = \(watch)")
        }
    }

    static let deliveryColumns = "id, watch_id, url, body, state, attempts, next_attempt, last_error, created"

    static func delivery(_ row: PostgresRow) throws -> WebhookDelivery {
        let (id, watch, url, body, state, attempts, next, error, created) =
            try row.decode((Int64, Int64, String, String, String, Int, Double, String?, Double).self)
        return WebhookDelivery(id: id, watchID: watch, url: url, body: body, state: WebhookDelivery.State(rawValue: state) ?? .pending,
                               attempts: attempts, nextAttempt: next.asDate, lastError: error, created: created.asDate)
    }

    /// Claims the due deliveries: each is put `deliveryLeaseSeconds` ahead (rows another node is claiming are
    /// skipped), so two web nodes never send the same message at once; `markDelivered` or `markFailed` settles it.
    public func dueDeliveries(now: Date, limit: Int) throws -> [WebhookDelivery] {
        let t = now.timeIntervalSince1970
        return try writeWeb { s in
            try s.query("""
                UPDATE web_outbox SET next_attempt = \(t + Self.deliveryLeaseSeconds) WHERE id IN (
                    SELECT id FROM web_outbox WHERE state = 'pending' AND next_attempt <= \(t) ORDER BY id LIMIT \(limit)
                    FOR UPDATE SKIP LOCKED)
                RETURNING \(unescaped: Self.deliveryColumns)
                """).map(Self.delivery).sorted { $0.id < $1.id }
        }
    }

    public func deliveries(watch: Int64) throws -> [WebhookDelivery] {
        try read { s in
            try s.query("SELECT \(unescaped: Self.deliveryColumns) FROM web_outbox WHERE watch_id = \(watch) ORDER BY id").map(Self.delivery)
        }
    }

    public func markDelivered(id: Int64, attempts: Int, at: Date) throws {
        try writeWeb { s in
            try s.execute("""
                UPDATE web_outbox SET state = 'delivered', attempts = \(attempts), delivered = \(at.timeIntervalSince1970), last_error = NULL
                WHERE id = \(id)
                """)
        }
    }

    public func markFailed(id: Int64, attempts: Int, error: String, nextAttempt: Date?) throws {
        try writeWeb { s in
            try s.execute("""
                UPDATE web_outbox SET state = \(nextAttempt == nil ? "failed" : "pending"), attempts = \(attempts), last_error = \(error),
                    next_attempt = COALESCE(\(nextAttempt?.timeIntervalSince1970), next_attempt) WHERE id = \(id)
                """)
        }
    }
}
