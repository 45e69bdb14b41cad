import DeskQueue
import DeskStore
import DeskStorePostgres
import Foundation
import Testing

/// A dead worker's jobs are claimed again at once; a live worker's are left to it until its lease runs out.
@Suite("Worker presence", .enabled(if: TestPostgres.url != nil, TestPostgres.skipReason))
struct WorkerPresenceTests {
    @Test("jobs leased by a worker whose presence is gone are claimed at once, oldest first; a live worker's are not")
    func deadOwnersJobsAreClaimedAtOnce() async throws {
        let (leased, next, taken) = try await offPool { () -> ([Int64], [Int64], [Int64]) in
            let store = try TestPostgres.freshStore()
            let queue = JobQueue(store: store)
            try Enqueuer(queue: queue).enqueue(SyntheticStream.documents(perTopic: 2))
            let first = WorkerPresence(store: store), second = WorkerPresence(store: store)
            defer { second.close() }
            try first.ensure()
            try second.ensure()
            let leased = try queue.claim(limit: 3, leaseSeconds: 600, presence: first).map(\.id)
            // The owner is alive: its jobs stay its own for the whole lease.
            let next = try queue.claim(limit: 3, leaseSeconds: 600, presence: second).map(\.id)
            // The owner goes away (its presence given up; a SIGKILLed worker's is dropped when the server sees its
            // connection close, which WorkerCrashSafetyTests covers): its jobs are the oldest ready ones again at
            // once, long before the lease ends.
            first.close()
            let deadline = Date().addingTimeInterval(10)
            var taken: [Int64] = []
            while taken.isEmpty && Date() < deadline {
                taken = try queue.claim(limit: 3, leaseSeconds: 600, presence: second).map(\.id)
                if taken.isEmpty { usleep(50_000) }
            }
            return (leased, next, taken)
        }
        #expect(leased.count == 3 && leased == leased.sorted())
        #expect(Set(next).isDisjoint(with: leased) && next.count == 3)
        #expect(next.min().map { $0 > leased.max()! } == true)
        #expect(taken == leased)
    }
}
