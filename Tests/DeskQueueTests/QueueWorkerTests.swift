import DeskExtract
import DeskModel
import DeskPipeline
import DeskQueue
import DeskStore
import DeskStorePostgres
import Foundation
import Testing

@Suite("Job queue and workers on PostgreSQL", .enabled(if: TestPostgres.url != nil, TestPostgres.skipReason))
struct QueueWorkerTests {
    static let stream = SyntheticStream.documents(perTopic: 6)

    /// The stream placed by one worker, for comparison.
    static func singleWorkerRun() async throws -> (PostgresStore, QueueWorker.Report) {
        try await offPool {
            let store = try TestPostgres.freshStore()
            try Enqueuer(queue: JobQueue(store: store)).enqueue(stream)
            let report = try QueueWorker(store: store, options: .init(batchSize: 8, exitWhenIdle: true, pollSeconds: 0.05),
                                         clock: { SyntheticStream.now }).run()
            return (store, report)
        }
    }

    @Test("one worker places the queue as ingest places it into SQLite")
    func oneWorkerMatchesSQLite() async throws {
        let (store, report) = try await Self.singleWorkerRun()
        #expect(report.jobs == Self.stream.count)
        #expect(try JobQueue(store: store).counts() == QueueCounts(queued: 0, leased: 0, done: Self.stream.count, failed: 0))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("updesk-queue-\(UUID().uuidString).sqlite").path
        let sqlite = try await offPool {
            let sqlite = try SQLiteStore(path: path)
            let ingestor = Ingestor(store: sqlite, clock: { SyntheticStream.now })
            for doc in Self.stream { _ = try ingestor.ingest(doc) }
            return sqlite
        }
        #expect(try store.counts() == sqlite.counts())
        #expect(try Partition.of(store) == Partition.of(sqlite))
        #expect(try store.counts().stories >= SyntheticStream.topics.count)
        #expect(try store.counts().stories <= 2 * SyntheticStream.topics.count)
        #expect(try store.integrityCheck())
    }

    @Test("several workers in parallel end with the same stories as one worker, nothing placed twice")
    func parallelWorkers() async throws {
        let (reference, _) = try await Self.singleWorkerRun()
        let location = try TestPostgres.freshLocation()
        let setup = try PostgresStore(location: location)
        try Enqueuer(queue: JobQueue(store: setup)).enqueue(Self.stream)
        let workers = 3
        let reports = ReportBox()
        let group = DispatchGroup()
        let started = Date()
        for _ in 0..<workers {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                do {
                    let store = try PostgresStore(location: location, poolSize: 2)
                    let worker = QueueWorker(store: store, options: .init(batchSize: 4, exitWhenIdle: true, pollSeconds: 0.05),
                                             clock: { SyntheticStream.now })
                    reports.add(.success(try worker.run()))
                } catch {
                    reports.add(.failure(error))
                }
            }
        }
        await withCheckedContinuation { continuation in group.notify(queue: .global()) { continuation.resume() } }
        let seconds = Date().timeIntervalSince(started)
        let results = try reports.all.map { try $0.get() }
        print("parallel workers: \(workers) workers placed \(Self.stream.count) documents in \(String(format: "%.2f", seconds)) s; jobs per worker \(results.map(\.jobs))")
        #expect(results.map(\.jobs).reduce(0, +) == Self.stream.count)
        #expect(results.allSatisfy { $0.jobs > 0 })
        #expect(try JobQueue(store: setup).counts() == QueueCounts(queued: 0, leased: 0, done: Self.stream.count, failed: 0))
        // Articles, copies and stories must match; which sentences count as new may differ with the order of placement.
        let (parallel, single) = (try setup.counts(), try reference.counts())
        print("parallel workers: counts \(parallel); one worker: \(single)")
        let same = parallel.articles == single.articles && parallel.duplicates == single.duplicates
            && parallel.revisions == single.revisions && parallel.stories == single.stories
        #expect(same)
        #expect(try Partition.of(setup) == Partition.of(reference))
        // Each breaking story arrived twice at once (original and copy, claimed by different workers): one story.
        let copies = Self.stream.filter { $0.id.hasPrefix("copy-") }
        #expect(try setup.counts().duplicates == copies.count)
        let stories = try Partition.of(setup)
        for copy in copies {
            let original = "doc-" + copy.id.dropFirst("copy-".count)
            #expect(stories.contains { $0.contains(copy.id) && $0.contains(original) })
        }
        #expect(try setup.integrityCheck())
    }

    @Test("a job whose lease ran out is claimed again, and the first claim can no longer place it")
    func expiredLeaseIsReclaimed() async throws {
        let store = try TestPostgres.freshStore()
        let queue = JobQueue(store: store)
        try Enqueuer(queue: queue).enqueue(Array(Self.stream.prefix(10)))
        // A worker claims four jobs and dies without finishing them.
        let dead = try queue.claim(limit: 4, leaseSeconds: 0.3)
        #expect(dead.count == 4)
        #expect(try queue.counts().leased == 4)
        let report = try await offPool {
            try QueueWorker(store: store, options: .init(batchSize: 8, exitWhenIdle: true, pollSeconds: 0.05),
                            clock: { SyntheticStream.now }).run()
        }
        #expect(report.jobs == 10)
        #expect(try queue.counts() == QueueCounts(queued: 0, leased: 0, done: 10, failed: 0))
        #expect(try store.counts().articles + store.counts().duplicates == 10)
        // The dead worker's claim is stale: it may not complete the job, so nothing is placed twice.
        let stale = try store.placementTransaction { tx in try tx.holds(dead[0]) }
        #expect(!stale)
    }

    @Test("the worker rides out its database connections being killed mid-batch")
    func connectionKilledMidBatch() async throws {
        let (reference, _) = try await Self.singleWorkerRun()
        let location = try TestPostgres.freshLocation()
        let store = try PostgresStore(location: location, poolSize: 2)
        let queue = JobQueue(store: store)
        try Enqueuer(queue: queue).enqueue(Self.stream)
        let reports = ReportBox()
        let done = DispatchGroup()
        done.enter()
        Thread.detachNewThread {
            do {
                // A short lease: a claim whose commit was cut off is claimed again within seconds.
                let worker = QueueWorker(store: store, options: .init(batchSize: 4, leaseSeconds: 5, exitWhenIdle: true, pollSeconds: 0.05),
                                         clock: { SyntheticStream.now })
                reports.add(.success(try worker.run()))
            } catch {
                reports.add(.failure(error))
            }
            done.leave()
        }
        // Cut the worker off twice while it works through the queue. The observer runs on a thread of its own,
        // like the worker: on the cooperative pool it could be starved by other tests until the queue was done.
        var observer = location
        observer.applicationName = "observer_" + location.schema
        let admin = try PostgresStore(location: observer, poolSize: 1)
        let total = Self.stream.count
        let killBox = KillBox()
        done.enter()
        Thread.detachNewThread {
            let deadline = Date().addingTimeInterval(120)
            // A kill counts only when it ended a session (between reconnects the worker may hold none for a moment).
            while killBox.kills < 2 && Date() < deadline {
                let finished = (try? JobQueue(store: admin).counts().done) ?? 0
                if finished >= total { break }
                // Kill as soon as the worker is mid-queue (some jobs done, not all), then again once it has reconnected.
                if finished >= 1, let ended = try? admin.terminateSessions(applicationName: location.applicationName), ended > 0 {
                    killBox.record(ended)
                    Thread.sleep(forTimeInterval: 0.2)
                }
                Thread.sleep(forTimeInterval: 0.02)
            }
            done.leave()
        }
        await withCheckedContinuation { continuation in done.notify(queue: .global()) { continuation.resume() } }
        let report = try #require(reports.all.first).get()
        let (kills, terminated) = (killBox.kills, killBox.terminated)
        print("connection killed mid-batch: \(kills) kills, \(terminated) sessions ended; worker placed \(report.jobs) jobs")
        #expect(kills >= 1 && terminated >= kills)
        #expect(try queue.counts() == QueueCounts(queued: 0, leased: 0, done: Self.stream.count, failed: 0))
        #expect(try store.counts() == reference.counts())
        #expect(try Partition.of(store) == Partition.of(reference))
    }
}

/// Kills counted on the observer's thread.
final class KillBox: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    private var ended = 0
    func record(_ sessions: Int) {
        lock.lock()
        count += 1
        ended += sessions
        lock.unlock()
    }
    var kills: Int { lock.lock(); defer { lock.unlock() }; return count }
    var terminated: Int { lock.lock(); defer { lock.unlock() }; return ended }
}

/// Results handed back from worker threads.
final class ReportBox: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<QueueWorker.Report, any Error>] = []
    func add(_ result: Result<QueueWorker.Report, any Error>) {
        lock.lock()
        results.append(result)
        lock.unlock()
    }
    var all: [Result<QueueWorker.Report, any Error>] {
        lock.lock()
        defer { lock.unlock() }
        return results
    }
}
