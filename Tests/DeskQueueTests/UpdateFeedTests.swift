import DeskModel
import DeskQueue
import DeskStorePostgres
import Foundation
import Testing

@Suite("Live updates on PostgreSQL", .enabled(if: TestPostgres.url != nil, TestPostgres.skipReason))
struct UpdateFeedTests {
    actor Received {
        var notices: [UpdateNotice] = []
        func add(_ n: UpdateNotice) { notices.append(n) }
    }

    @Test("a worker's committed placement is announced to listeners")
    func workerNotifies() async throws {
        let store = try TestPostgres.freshStore()
        let received = Received()
        let listening = AsyncStream<Void>.makeStream()
        let listener = Task {
            try await UpdateFeed.listen(to: store.location, onListening: { listening.continuation.yield() }) { await received.add($0) }
        }
        for await _ in listening.stream { break }
        let docs = Array(SyntheticStream.documents(perTopic: 1).filter { !$0.id.hasPrefix("copy-") }.prefix(3))
        try Enqueuer(queue: JobQueue(store: store)).enqueue(docs)
        let report = try await offPool {
            try QueueWorker(store: store, options: .init(exitWhenIdle: true, pollSeconds: 0.05), clock: { SyntheticStream.now }).run()
        }
        #expect(report.ingest.stored == 3)
        let deadline = Date().addingTimeInterval(10)
        while await received.notices.count < 3 && Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        listener.cancel()
        let notices = await received.notices
        #expect(notices.count == 3)
        #expect(Set(notices.map(\.storyID)).count == 3)
        #expect(notices.allSatisfy { $0.newSentences > 0 })
    }
}
