import DeskStore
import Foundation
import PostgresNIO

/// A job claimed by a worker: its document (as the payload the enqueuer wrote) and the lease that makes it
/// this worker's until `leaseSeconds` pass.
public struct ClaimedJob: Sendable, Hashable {
    public var id: Int64
    public var docID: String
    public var payload: String
    public var attempts: Int
    public var token: UUID
}

/// How many jobs are in each state.
public struct QueueCounts: Sendable, Hashable, Codable {
    public var queued: Int
    public var leased: Int
    public var done: Int
    public var failed: Int
    public init(queued: Int, leased: Int, done: Int, failed: Int) {
        self.queued = queued
        self.leased = leased
        self.done = done
        self.failed = failed
    }
}

/// Documents waiting to be placed, in PostgreSQL: any process enqueues, workers claim batches with
/// `FOR UPDATE SKIP LOCKED` (claimers never wait for each other) under a lease. A job is completed in the
/// same transaction that stores its placement (`PostgresTransaction.completeJob`), so a worker that dies
/// leaves either the job done with its article, or neither: after the lease the job is claimed again.
public final class JobQueue: Sendable {
    public let store: PostgresStore
    /// Jobs whose placement failed this many times (not counting lost connections) are set aside as failed,
    /// so one poisoned document cannot stall a worker forever; 3 rides out a transient fault twice.
    public static let maxAttempts = 3

    public init(store: PostgresStore) {
        self.store = store
    }

    /// Enqueues documents (id, payload) in one transaction; returns how many were added.
    @discardableResult
    public func enqueue(_ items: [(docID: String, payload: String)]) throws -> Int {
        guard !items.isEmpty else { return 0 }
        do {
            return try store.transaction(lockPlacement: false) { session in
                try session.execute("""
                    INSERT INTO jobs (doc_id, payload) SELECT * FROM unnest(\(items.map(\.docID))::text[], \(items.map(\.payload))::text[])
                    """)
                try session.execute("SELECT pg_notify(\(channel), 'jobs')")
                return items.count
            }
        } catch {
            throw PostgresErrors.storeError(error)
        }
    }

    /// The notification channel on which enqueuers wake idle workers.
    var channel: String { "updesk_jobs_\(store.location.schema)" }

    /// Claims up to `limit` ready jobs (never leased, or whose lease ran out, or whose owner's presence is gone),
    /// oldest first, for `leaseSeconds`. With a `presence`, the lease names its owner (see `WorkerPresence`).
    public func claim(limit: Int, leaseSeconds: Double, presence: WorkerPresence? = nil) throws -> [ClaimedJob] {
        let token = UUID()
        let namespace = WorkerPresence.namespace(schema: store.location.schema)
        let live = WorkerPresence.liveOwnersSQL(namespace: namespace)
        let owner = presence.map { Int64($0.owner) }
        do {
            return try store.transaction(lockPlacement: false) { session in
                try session.query("""
                    WITH live AS MATERIALIZED (\(unescaped: live))
                    UPDATE jobs SET lease_token = \(token), lease_until = now() + make_interval(secs => \(leaseSeconds)),
                        lease_owner = \(owner), attempts = attempts + 1
                    WHERE id IN (SELECT id FROM jobs WHERE state = 'queued'
                                   AND (lease_until IS NULL OR lease_until < now()
                                        OR (lease_owner IS NOT NULL AND lease_owner NOT IN (SELECT objid FROM live)))
                                 ORDER BY id LIMIT \(limit) FOR UPDATE SKIP LOCKED)
                    RETURNING id, doc_id, payload, attempts
                    """).map { row in
                    let (id, doc, payload, attempts) = try row.decode((Int64, String, String, Int).self)
                    return ClaimedJob(id: id, docID: doc, payload: payload, attempts: attempts, token: token)
                }.sorted { $0.id < $1.id }
            }
        } catch {
            throw PostgresErrors.storeError(error)
        }
    }

    /// Gives a job back after a failure: ready again at once, or set aside as failed after `maxAttempts`.
    public func release(_ job: ClaimedJob, error: String) throws {
        try store.transaction(lockPlacement: false) { session in
            try session.execute("""
                UPDATE jobs SET state = CASE WHEN attempts >= \(Self.maxAttempts) THEN 'failed' ELSE 'queued' END,
                    lease_token = NULL, lease_until = NULL, error = \(error)
                WHERE id = \(job.id) AND lease_token = \(job.token)
                """)
        }
    }

    public func counts() throws -> QueueCounts {
        try store.read { s in
            let row = try s.query("""
                SELECT COUNT(*) FILTER (WHERE state = 'queued' AND (lease_until IS NULL OR lease_until < now())),
                       COUNT(*) FILTER (WHERE state = 'queued' AND lease_until >= now()),
                       COUNT(*) FILTER (WHERE state = 'done'), COUNT(*) FILTER (WHERE state = 'failed')
                FROM jobs
                """)[0]
            let (queued, leased, done, failed) = try row.decode((Int, Int, Int, Int).self)
            return QueueCounts(queued: queued, leased: leased, done: done, failed: failed)
        }
    }
}

extension PostgresTransaction {
    /// Locks the job and tells whether it is still this claim's (its lease not taken over by another worker
    /// after running out). Call first in the placement transaction: a job that is no longer ours is not placed.
    public func holds(_ job: ClaimedJob) throws -> Bool {
        try !session.query("""
            SELECT 1 FROM jobs WHERE id = \(job.id) AND lease_token = \(job.token) AND state = 'queued' FOR UPDATE
            """).isEmpty
    }

    /// Marks the job done, with what placement did; commits with the placement.
    public func completeJob(_ job: ClaimedJob, outcome: String) throws {
        try session.execute("""
            UPDATE jobs SET state = 'done', finished = now(), outcome = \(outcome), lease_token = NULL, lease_until = NULL
            WHERE id = \(job.id) AND lease_token = \(job.token)
            """)
    }

    /// Tells listeners (web nodes) that a story has new updates; delivered only if the transaction commits.
    public func notifyUpdate(_ notice: UpdateNotice, schema: String) throws {
        try session.execute("SELECT pg_notify(\(UpdateNotice.channel(schema: schema)), \(notice.payload))")
    }
}
