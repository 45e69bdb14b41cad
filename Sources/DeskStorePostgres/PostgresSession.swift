import DeskStore
import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO

/// One PostgreSQL connection used synchronously.
///
/// The `Store` protocols are synchronous (placement reads and writes inside one closure), so each call
/// here waits for postgres-nio's `EventLoopFuture`. Waiting needs only the NIO event loop thread to make
/// progress, never the Swift concurrency pool, so it cannot starve the cooperative threads the way a
/// semaphore around an `async` call can on a 2-core machine. The one rule, checked by NIO itself, is
/// never to call this from an event-loop thread.
final class PostgresSession: @unchecked Sendable {
    let connection: PostgresConnection
    let logger: Logger
    /// True once a statement failed because the connection is gone: the pool drops such a session.
    private(set) var isBroken = false

    private static let ids = IDCounter()

    init(location: PostgresLocation, logger: Logger) throws {
        self.logger = logger
        let id = Self.ids.next()
        do {
            connection = try PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.next(),
                                                        configuration: location.configuration, id: id, logger: logger).wait()
        } catch {
            throw StoreError(.open, "cannot connect to \(location.description): \(PostgresErrors.describe(error))")
        }
        do {
            try execute("SET statement_timeout = '\(unescaped: PostgresTuning.statementTimeout)'")
            try execute("SET idle_in_transaction_session_timeout = '\(unescaped: PostgresTuning.idleInTransactionTimeout)'")
            try execute("SET client_min_messages = warning")
            try execute("SET search_path TO \(unescaped: location.schema)")
        } catch {
            close()
            throw StoreError(.open, "cannot prepare a session on \(location.description): \(PostgresErrors.describe(error))")
        }
    }

    /// Runs `query` and returns its rows.
    @discardableResult
    func query(_ query: PostgresQuery) throws -> [PostgresRow] {
        guard !connection.isClosed else {
            isBroken = true
            throw ConnectionLost()
        }
        do {
            return try Self.wait(for: connection.query(query, logger: logger), on: connection.eventLoop).rows
        } catch {
            if PostgresErrors.isConnectionLoss(error) || connection.isClosed { isBroken = true }
            throw error
        }
    }

    /// Waits for `future`, at most `PostgresTuning.clientWaitSeconds`: a query sent on a connection the server
    /// has just ended can be left without an answer, and a worker must not hang on it forever.
    static func wait<T: Sendable>(for future: EventLoopFuture<T>, on loop: any EventLoop) throws -> T {
        let promise = loop.makePromise(of: T.self)
        let timeout = loop.scheduleTask(in: .seconds(PostgresTuning.clientWaitSeconds)) {
            promise.fail(ConnectionLost())
        }
        future.whenComplete { result in
            timeout.cancel()
            promise.completeWith(result)
        }
        return try promise.futureResult.wait()
    }

    func execute(_ sql: PostgresQuery) throws {
        try query(sql)
    }

    /// The first column of the first row, or nil when there is no row.
    func scalar<T: PostgresDecodable>(_ sql: PostgresQuery, as type: T.Type = T.self) throws -> T? {
        guard let row = try query(sql).first else { return nil }
        return try row.decode(T.self)
    }

    /// The server process serving this connection (for tests that cut it off).
    func backendPID() throws -> Int32 {
        try scalar("SELECT pg_backend_pid()", as: Int32.self) ?? 0
    }

    func close() {
        isBroken = true
        _ = try? Self.wait(for: connection.close(), on: connection.eventLoop)
    }
}

/// Connection ids for postgres-nio's log metadata.
final class IDCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}

/// The connection was found closed, or gave no answer within `PostgresTuning.clientWaitSeconds`.
struct ConnectionLost: Error, CustomStringConvertible {
    var description: String { "the connection to PostgreSQL is closed or does not answer" }
}
