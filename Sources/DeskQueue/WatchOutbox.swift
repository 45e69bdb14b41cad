import DeskModel
import DeskPipeline
import DeskStorePostgres
import Foundation

/// What a worker queues for the watches in its placement transaction: every watch's new matches since its mark
/// (the placement's own sentences, and any placed outside a worker that a web node has not matched yet), as the
/// web desk's watch runner would queue them, with the marks moved in the same transaction.
enum WatchOutbox {
    static func queue(in tx: PostgresTransaction, now: Date) throws {
        let watches = try tx.lockWatches()
        guard let lowest = watches.map(\.lastSentenceID).min() else { return }
        let batch = try tx.updates(afterSentence: lowest, limit: WatchMatch.batch)
        guard !batch.isEmpty else { return }
        var keys: [Int64: Set<String>] = [:]
        func entityKeys(_ article: Int64) throws -> Set<String> {
            if let held = keys[article] { return held }
            let found = try tx.entityKeys(article: article)
            keys[article] = found
            return found
        }
        for watch in watches {
            let unseen = batch.filter { $0.sentenceID > watch.lastSentenceID }
            guard let last = unseen.last?.sentenceID else { continue }
            let hits = try WatchMatch.matching(watch, unseen, entityKeys: entityKeys)
            try tx.queueOutbox(watch: watch, lastSentenceID: last, bodies: try WatchMatch.messages(for: watch, hits, sent: now), at: now)
        }
    }
}
