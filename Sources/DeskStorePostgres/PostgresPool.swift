import DeskStore
import Foundation
import Logging

/// A small pool of synchronous sessions. A caller borrows one for a whole transaction; a session whose
/// connection broke is dropped and a new one opened on the next borrow, so a restarted server or a
/// terminated backend costs one retry, not the process.
final class PostgresPool: @unchecked Sendable {
    let location: PostgresLocation
    let size: Int
    let logger: Logger
    private let condition = NSCondition()
    private var idle: [PostgresSession] = []
    private var open = 0

    init(location: PostgresLocation, size: Int, logger: Logger) {
        self.location = location
        self.size = max(1, size)
        self.logger = logger
    }

    func withSession<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        let session = try borrow()
        defer { giveBack(session) }
        return try body(session)
    }

    private func borrow() throws -> PostgresSession {
        condition.lock()
        while true {
            if let session = idle.popLast() {
                // The server may have ended an idle session (restart, pg_terminate_backend): drop it.
                if session.connection.isClosed {
                    open -= 1
                    continue
                }
                condition.unlock()
                return session
            }
            if open < size { break }
            condition.wait()
        }
        open += 1
        condition.unlock()
        do {
            return try PostgresSession(location: location, logger: logger)
        } catch {
            condition.lock()
            open -= 1
            condition.signal()
            condition.unlock()
            throw error
        }
    }

    private func giveBack(_ session: PostgresSession) {
        let broken = session.isBroken || session.connection.isClosed
        if broken { session.close() }
        condition.lock()
        if broken { open -= 1 } else { idle.append(session) }
        condition.signal()
        condition.unlock()
    }

    func shutdown() {
        condition.lock()
        let sessions = idle
        idle.removeAll()
        open -= sessions.count
        condition.unlock()
        for s in sessions { s.close() }
    }
}
