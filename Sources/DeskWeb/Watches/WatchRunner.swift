import DeskModel
import DeskPipeline
import DeskStore
import Foundation
import Logging

/// Matches watches against the desk's new updates and queues what matched in the outbox; sends what is due.
final class WatchRunner: Sendable {
    let store: any WebBackend
    let deliverer: WebhookDeliverer
    let gate = Gate()
    /// New updates read per watch per pass: a pass that falls behind catches up over the next ones.
    static let matchBatch = 500
    /// Updates in one webhook message at most (the rest go in the next).
    static let updatesPerMessage = 50

    init(store: any WebBackend, policy: WebhookDeliverer.Policy, logger: Logger) {
        self.store = store
        deliverer = WebhookDeliverer(store: store, policy: policy, logger: logger)
    }

    /// The updates of `batch` that `watch` matches.
    static func matching(_ watch: Watch, _ batch: [UpdateItem], entityKeys: (Int64) throws -> Set<String>) throws -> [UpdateItem] {
        let query = (try? WatchQuery.parse(watch.query)) ?? .all
        let sources = Set(watch.sources.map { $0.lowercased() })
        let entities = Set(watch.entities.map { $0.lowercased() })
        return try batch.filter { u in
            guard query.matches(u.text) else { return false }
            if !sources.isEmpty, !u.sources.contains(where: { sources.contains($0.lowercased()) }) { return false }
            if !entities.isEmpty, try entityKeys(u.articleID).isDisjoint(with: entities) { return false }
            return true
        }
    }

    /// One pass over every watch. Synchronous (store calls).
    func match(now: Date) throws {
        for watch in try store.watches(user: nil) {
            let batch = try store.updates(afterSentence: watch.lastSentenceID, limit: Self.matchBatch)
            guard let last = batch.last?.sentenceID else { continue }
            let hits = try Self.matching(watch, batch) { try store.entityKeys(article: $0) }
            var bodies: [String] = []
            if watch.webhookURL != nil {
                for start in stride(from: 0, to: hits.count, by: Self.updatesPerMessage) {
                    let chunk = hits[start..<min(hits.count, start + Self.updatesPerMessage)]
                    let message = WebhookMessage(watch: .init(id: watch.id, name: watch.name), sent: ISO8601.string(now),
                                                 updates: chunk.map(UpdateRow.init))
                    bodies.append(String(decoding: try Responses.encoder.encode(message), as: UTF8.self))
                }
            }
            try store.enqueue(watch: watch.id, lastSentenceID: last, url: watch.webhookURL, bodies: bodies, at: now)
        }
    }

    func deliverDue(now: Date) async {
        guard await gate.enter() else { return }
        await deliverer.deliverDue(now: now)
        await gate.leave()
    }
}

/// What a webhook POSTs: the watch and the updates it matched.
public struct WebhookMessage: Codable, Sendable {
    public struct WatchRef: Codable, Sendable {
        public var id: Int64
        public var name: String
    }
    public var watch: WatchRef
    public var sent: String
    public var updates: [UpdateRow]
}

/// Lets one delivery pass run at a time, so no pending message is sent by two passes at once.
actor Gate {
    var busy = false
    func enter() -> Bool {
        if busy { return false }
        busy = true
        return true
    }
    func leave() { busy = false }
}
