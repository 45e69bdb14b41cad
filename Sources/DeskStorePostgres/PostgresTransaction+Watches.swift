import DeskModel
import DeskStore
import Foundation
import PostgresNIO

/// The watches' outbox inside a placement transaction: a worker queues the webhook messages for what it placed
/// in the same transaction as the placement and the job's completion (nothing placed without its messages,
/// nothing queued for a placement that rolled back).
extension PostgresTransaction {
    /// Every watch, its row locked to the end of the transaction (in id order, so two lockers never deadlock):
    /// a web node matching the same watch at once waits, then finds the mark moved and queues nothing twice.
    public func lockWatches() throws -> [Watch] {
        try session.query("SELECT \(unescaped: PostgresStore.watchColumns) FROM web_watches ORDER BY id FOR UPDATE").map(PostgresStore.watch)
    }

    /// The new updates after a sentence id, this transaction's own included.
    public func updates(afterSentence: Int64, limit: Int) throws -> [UpdateItem] {
        try PostgresStore.updates(session, afterSentence: afterSentence, limit: limit)
    }

    /// The entity keys indexed for an article, this transaction's own placement included.
    public func entityKeys(article: Int64) throws -> Set<String> {
        Set(try session.query("SELECT key FROM web_entities WHERE article_id = \(article)").map { try $0.decode(String.self) })
    }

    /// Queues `bodies` for a watch locked by `lockWatches` and moves its mark to `lastSentenceID` (never back).
    public func queueOutbox(watch: Watch, lastSentenceID: Int64, bodies: [String], at: Date) throws {
        guard lastSentenceID > watch.lastSentenceID else { return }
        if let url = watch.webhookURL, !bodies.isEmpty {
            try session.execute("""
                INSERT INTO web_outbox (watch_id, url, body, next_attempt, created)
                SELECT \(watch.id), \(url), b, \(at.timeIntervalSince1970), \(at.timeIntervalSince1970)
                FROM unnest(\(bodies)::text[]) WITH ORDINALITY AS m(b, n) ORDER BY n
                """)
        }
        try session.execute("UPDATE web_watches SET last_sentence_id = \(lastSentenceID) WHERE id = \(watch.id)")
    }
}
