import DeskStorePostgres
import Foundation
import Logging

/// A web node on a PostgreSQL desk hears each committed placement (LISTEN/NOTIFY) and refreshes at once
/// (entity index, watches, webhooks), so "new since you last looked" and webhooks follow the workers live.
/// The node's timed refresh stays as the fallback (polling) while the listener is down.
enum LiveUpdates {
    /// Seconds before listening again after the connection dropped: short, since polling covers the gap.
    static let reconnectSeconds = 2.0

    static func follow(_ location: PostgresLocation, refresh: @escaping @Sendable () async -> Void) async {
        let logger = Log.logger("updesk.feed")
        while !Task.isCancelled {
            do {
                try await UpdateFeed.listen(to: location, logger: logger) { _ in await refresh() }
            } catch {
                if Task.isCancelled { return }
                logger.notice("update notices lost; polling until they are back", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: .seconds(reconnectSeconds))
        }
    }
}
