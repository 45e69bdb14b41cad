import DeskExtract
import DeskModel
import DeskPipeline
import DeskStore
import DeskStorePostgres
import DeskTracking
import Foundation
import Logging

/// `updesk worker`: claims batches of jobs, extracts and analyses them on all cores (no lock held), then
/// places each in its own transaction that also completes the job, queues the watches' webhook messages in the
/// outbox (`WatchOutbox`) and announces new updates. Several
/// workers on several machines share one queue; placement is serialised by the store's desk lock.
public final class QueueWorker: @unchecked Sendable {
    public struct Options: Sendable {
        /// Jobs claimed at once, analysed together on all cores before they are placed: enough to keep the cores busy.
        public var batchSize = 32
        /// A lease outlives the slowest batch seen (32 documents in a few seconds on a loaded 2-core machine)
        /// many times over, and is short enough that a dead worker's jobs wait at most a minute.
        public var leaseSeconds = 60.0
        /// Stop when no job is ready or leased (batch runs and tests); otherwise wait for more.
        public var exitWhenIdle = false
        /// How long an idle worker sleeps before looking again.
        public var pollSeconds = 0.5
        public init(batchSize: Int = 32, leaseSeconds: Double = 60, exitWhenIdle: Bool = false, pollSeconds: Double = 0.5) {
            self.batchSize = batchSize
            self.leaseSeconds = leaseSeconds
            self.exitWhenIdle = exitWhenIdle
            self.pollSeconds = pollSeconds
        }
    }

    public struct Report: Sendable {
        public var ingest = IngestReport()
        public var jobs = 0
        /// Jobs whose lease another worker had taken over by the time this one came to place them: not placed.
        public var lost = 0
        /// Jobs given back after a failure.
        public var released = 0
        public var summary: String { "worker: \(jobs) jobs, \(lost) lost leases, \(released) released; " + ingest.summary }
    }

    let store: PostgresStore
    let queue: JobQueue
    let ingestor: Ingestor
    let placer = Placer()
    let options: Options
    let logger: Logger
    let clock: @Sendable () -> Date
    private let stopLock = NSLock()
    private var stopRequested = false

    public init(store: PostgresStore, options: Options = Options(), logger: Logger = Logger(label: "updesk.worker"),
                clock: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        queue = JobQueue(store: store)
        ingestor = Ingestor(store: store, logger: logger, clock: clock)
        self.options = options
        self.logger = logger
        self.clock = clock
    }

    /// Asks a running worker to stop after its current batch.
    public func stop() {
        stopLock.lock()
        stopRequested = true
        stopLock.unlock()
    }

    var shouldStop: Bool {
        stopLock.lock()
        defer { stopLock.unlock() }
        return stopRequested
    }

    public func run(progress: ((Report) -> Void)? = nil) throws -> Report {
        var report = Report()
        // Held while this worker runs, so that when it dies its jobs are claimed again at once, in queue order.
        let presence = WorkerPresence(store: store, logger: logger)
        defer { presence.close() }
        while !shouldStop {
            try presence.ensure()
            let jobs = try queue.claim(limit: options.batchSize, leaseSeconds: options.leaseSeconds, presence: presence)
            if jobs.isEmpty {
                if options.exitWhenIdle {
                    let counts = try queue.counts()
                    if counts.queued == 0 && counts.leased == 0 { break }
                }
                usleep(useconds_t(options.pollSeconds * 1_000_000))
                continue
            }
            try process(jobs, into: &report)
            progress?(report)
        }
        return report
    }

    func process(_ jobs: [ClaimedJob], into report: inout Report) throws {
        var documents: [(ClaimedJob, RawDocument)] = []
        for job in jobs {
            if let doc = QueuedDocument.decode(job.payload) {
                documents.append((job, doc))
            } else {
                try queue.release(job, error: "payload is not a queued document")
                report.released += 1
            }
        }
        let analyzed = ingestor.prepare(documents.map(\.1))
        for ((job, _), item) in zip(documents, analyzed) {
            report.jobs += 1
            do {
                if let outcome = try place(item, for: job) {
                    report.ingest.record(outcome)
                } else {
                    report.lost += 1
                }
            } catch let error as StoreError where error.kind == .query {
                // A statement this document makes fail: give it back (failed after JobQueue.maxAttempts).
                logger.error("placement failed", metadata: ["doc": "\(job.docID)", "error": "\(error.message)"])
                try queue.release(job, error: error.message)
                report.released += 1
            }
        }
    }

    /// Places one document and completes its job in one transaction; nil when the job is no longer ours.
    func place(_ analyzed: AnalyzedArticle, for job: ClaimedJob) throws -> PlacementOutcome? {
        let schema = store.location.schema
        return try store.placementTransaction { tx -> PlacementOutcome? in
            guard try tx.holds(job) else { return nil }
            let now = clock()
            let placement = try placer.place(analyzed, memory: tx, now: now)
            let outcome = try tx.apply(placement, to: analyzed, ingestedAt: now)
            placer.stored(outcome, placement: placement, analyzed: analyzed)
            try tx.completeJob(job, outcome: outcome.action.rawValue)
            if outcome.newSentences > 0 { try WatchOutbox.queue(in: tx, now: now) }
            if outcome.newSentences > 0, let story = outcome.storyID {
                try tx.notifyUpdate(UpdateNotice(storyID: story, articleID: outcome.articleID, newSentences: outcome.newSentences),
                                    schema: schema)
            }
            return outcome
        }
    }
}
