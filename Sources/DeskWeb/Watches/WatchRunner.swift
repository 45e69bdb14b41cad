import DeskModel
import DeskPipeline
import DeskStore
import Foundation
import Logging

/// Matches watches against the desk's new updates and queues what matched in the outbox; sends what is due. On
/// PostgreSQL the workers already queue what they place in their placement transaction (`WatchOutbox`); a pass
/// here then finds every mark moved past it and queues nothing twice (the mark only moves forward, under the
/// watch's row lock), and catches up on what was placed outside a worker.
final class WatchRunner: Sendable {
    let store: any WebBackend
    let deliverer: WebhookDeliverer
    let gate = Gate()

    init(store: any WebBackend, policy: WebhookDeliverer.Policy, logger: Logger) {
        self.store = store
        deliverer = WebhookDeliverer(store: store, policy: policy, logger: logger)
    }

    /// One pass over every watch. Synchronous (store calls).
    func match(now: Date) throws {
        for watch in try store.watches(user: nil) {
            let batch = try store.updates(afterSentence: watch.lastSentenceID, limit: WatchMatch.batch)
            guard let last = batch.last?.sentenceID else { continue }
            let hits = try WatchMatch.matching(watch, batch) { try store.entityKeys(article: $0) }
            let bodies = try WatchMatch.messages(for: watch, hits, sent: now)
            try store.enqueue(watch: watch.id, lastSentenceID: last, url: watch.webhookURL, bodies: bodies, at: now)
        }
    }

    func deliverDue(now: Date) async {
        guard await gate.enter() else { return }
        await deliverer.deliverDue(now: now)
        await gate.leave()
    }
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
