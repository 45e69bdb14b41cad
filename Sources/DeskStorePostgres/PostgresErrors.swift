import DeskStore
import PostgresNIO

/// Reads postgres-nio's errors: which are worth retrying, and what to tell a person.
enum PostgresErrors {
    /// SQLSTATEs after which the whole transaction may simply be run again.
    /// 40001 serialization_failure, 40P01 deadlock_detected.
    static let retryableStates: Set<String> = ["40001", "40P01"]
    /// SQLSTATEs that mean the server ended this session (57P01 admin_shutdown, e.g. pg_terminate_backend;
    /// 57P02 crash_shutdown; 57P03 cannot_connect_now; 08xxx connection exceptions are matched by prefix).
    static let sessionEndedStates: Set<String> = ["57P01", "57P02", "57P03"]

    static func sqlState(_ error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.sqlState]
    }

    /// The connection is gone: a new session may succeed where this one failed.
    static func isConnectionLoss(_ error: any Error) -> Bool {
        if error is ConnectionLost { return true }
        if let state = sqlState(error) { return sessionEndedStates.contains(state) || state.hasPrefix("08") }
        guard let psql = error as? PSQLError else { return error is ChannelError }
        switch psql.code {
        case .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .connectionError: return true
        default: return false
        }
    }

    /// Running the transaction again may succeed.
    static func isRetryable(_ error: any Error) -> Bool {
        if let state = sqlState(error), retryableStates.contains(state) { return true }
        return isConnectionLoss(error)
    }

    static func describe(_ error: any Error) -> String {
        guard let psql = error as? PSQLError else { return String(describing: error) }
        if let info = psql.serverInfo {
            let message = info[.message] ?? "server error"
            return [info[.sqlState].map { "[\($0)]" }, message, info[.detail]].compactMap { $0 }.joined(separator: " ")
        }
        if let underlying = psql.underlying { return "\(psql.code): \(underlying)" }
        return "\(psql.code)"
    }

    /// A `StoreError` a person can act on.
    static func storeError(_ error: any Error) -> any Error {
        if error is StoreError { return error }
        let detail = describe(error)
        switch sqlState(error) ?? "" {
        case "53100": return StoreError(.diskFull, detail)
        case "25006", "42501": return StoreError(.readOnly, detail)
        case let s where s.hasPrefix("XX"): return StoreError(.corrupt, detail)
        default:
            return isConnectionLoss(error) ? StoreError(.open, "lost the connection to PostgreSQL: \(detail)") : StoreError(.query, detail)
        }
    }
}
