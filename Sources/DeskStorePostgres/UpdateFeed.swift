import Foundation
import Logging
import PostgresNIO

/// Live "new updates" for web nodes: LISTEN on the desk's channel, one `UpdateNotice` per placement that
/// committed new sentences (workers NOTIFY inside the placement transaction, so a notice never announces
/// something rolled back). Notices are a hint, not a log: a node that was disconnected catches up by
/// reading `Store.updates(since:)`, which is also the fallback when LISTEN is not possible (polling).
public enum UpdateFeed {
    /// Calls `onListening` once the LISTEN is in place, then `onNotice` for every notice until the task is
    /// cancelled or the connection drops (then it throws; the caller reconnects or falls back to polling).
    public static func listen(to location: PostgresLocation, logger: Logger = Logger(label: "updesk.feed"),
                              onListening: @Sendable () async -> Void = {},
                              onNotice: @Sendable (UpdateNotice) async -> Void) async throws {
        let connection = try await PostgresConnection.connect(configuration: location.configuration, id: 0, logger: logger)
        do {
            try await connection.listen(on: UpdateNotice.channel(schema: location.schema)) { notifications in
                await onListening()
                for try await notification in notifications {
                    if let notice = UpdateNotice(payload: notification.payload) { await onNotice(notice) }
                }
            }
        } catch {
            try? await connection.close()
            throw error
        }
        try? await connection.close()
    }
}
