import DeskStore
import Foundation
import Logging

/// A worker's "I am alive" in PostgreSQL: a session-level advisory lock held on a connection of its own for as
/// long as the worker runs. Its leases carry the same owner number, so a claim can tell a dead worker's jobs
/// (the lock is gone the moment its process dies and the server sees the connection close) from a live one's
/// and take them at once, oldest first, instead of waiting for the lease to run out. A restarted worker thus
/// goes on in the order the queue had, and a crash changes nothing about what is placed or in which order.
/// The lease stays as the fallback for a worker that hangs without dying.
public final class WorkerPresence: @unchecked Sendable {
    /// The two-key advisory lock space of this desk's workers: (namespace, owner).
    let namespace: Int32
    public let owner: Int32
    private let location: PostgresLocation
    private let logger: Logger
    private let lock = NSLock()
    private var session: PostgresSession?

    public init(store: PostgresStore, logger: Logger = Logger(label: "updesk.worker")) {
        namespace = Self.namespace(schema: store.location.schema)
        owner = Int32.random(in: 1...Int32.max)
        location = store.location
        self.logger = logger
    }

    static func namespace(schema: String) -> Int32 {
        Int32(truncatingIfNeeded: PostgresLocks.key("worker-presence", schema) & 0x7fff_ffff)
    }

    /// Holds the lock, opening a new connection when the last one broke (a server restart, a killed backend).
    public func ensure() throws {
        lock.lock()
        defer { lock.unlock() }
        if let s = session, !s.isBroken, !s.connection.isClosed { return }
        session?.close()
        session = nil
        let s = try PostgresSession(location: location, logger: logger)
        do {
            try s.execute("SELECT pg_advisory_lock(\(namespace), \(owner))")
        } catch {
            s.close()
            throw PostgresErrors.storeError(error)
        }
        session = s
    }

    /// Gives the presence up: unlocked first, so that by the time `close` returns every claim sees this worker
    /// gone (a closed connection alone is noticed by the server a moment later: a claim in that moment took the
    /// next ready jobs instead of this worker's, seen in CI). A broken connection is just closed; the server
    /// drops its lock when it notices, as for a worker that died.
    public func close() {
        lock.lock()
        defer { lock.unlock() }
        if let s = session, !s.isBroken, !s.connection.isClosed {
            try? s.execute("SELECT pg_advisory_unlock(\(namespace), \(owner))")
        }
        session?.close()
        session = nil
    }

    /// SQL for the owners alive now in this desk (their presence lock is held), as a subquery of bigints.
    static func liveOwnersSQL(namespace: Int32) -> String {
        """
        SELECT l.objid::bigint FROM pg_locks l
        WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2 AND l.classid = \(namespace)::bigint::oid
          AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
        """
    }
}
