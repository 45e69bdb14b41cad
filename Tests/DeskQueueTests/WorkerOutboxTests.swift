import DeskModel
import DeskPipeline
import DeskQueue
import DeskStore
import DeskStorePostgres
import Foundation
import Testing

/// Workers queue the watches' webhook messages in their placement transactions: with no web node running, every
/// new fact a watch matches is in the outbox once, and the marks have moved with the placements.
@Suite("Worker outbox on PostgreSQL", .enabled(if: TestPostgres.url != nil, TestPostgres.skipReason))
struct WorkerOutboxTests {
    @Test("a worker queues each watch's matches with the placement; a web node's pass afterwards finds nothing to queue")
    func workerQueuesMatches() async throws {
        let store = try TestPostgres.freshStore()
        let user = try store.addUser(name: "desk", role: .editor, tokenHash: "h-outbox", at: SyntheticStream.start)
        let every = try store.addWatch(Watch(id: 0, userID: user.id, name: "everything", query: "", entities: [], sources: [],
                                             webhookURL: "http://127.0.0.1:9/hook", secret: "s", lastSentenceID: 0, created: SyntheticStream.start))
        let none = try store.addWatch(Watch(id: 0, userID: user.id, name: "nothing", query: "zzqxv", entities: [], sources: [],
                                            webhookURL: "http://127.0.0.1:9/hook", secret: "s", lastSentenceID: 0, created: SyntheticStream.start))
        let stream = SyntheticStream.documents(perTopic: 4)
        try Enqueuer(queue: JobQueue(store: store)).enqueue(stream)
        let report = try await offPool {
            try QueueWorker(store: store, options: .init(batchSize: 8, exitWhenIdle: true, pollSeconds: 0.05),
                            clock: { SyntheticStream.now }).run()
        }
        #expect(report.jobs == stream.count)

        let facts = try store.updates(afterSentence: 0, limit: 100_000)
        #expect(!facts.isEmpty)
        let newest = try store.newestSentenceID()
        let messages = try store.deliveries(watch: every.id).map {
            try JSONDecoder().decode(WebhookMessage.self, from: Data($0.body.utf8))
        }
        let sent = messages.flatMap(\.updates).map(\.sentenceID)
        #expect(sent == facts.map(\.sentenceID), "every new fact queued once, in order")
        #expect(messages.allSatisfy { $0.watch.id == every.id && $0.updates.count <= WatchMatch.updatesPerMessage })
        #expect(try store.watch(id: every.id)?.lastSentenceID == newest)
        #expect(try store.deliveries(watch: none.id).isEmpty)
        #expect(try store.watch(id: none.id)?.lastSentenceID == newest, "a watch that matched nothing has moved past it too")
        // What a web node's watch runner would read next: nothing after either mark.
        #expect(try store.updates(afterSentence: newest, limit: 10).isEmpty)
    }
}
