import Foundation
import Logging

/// Logging at the boundary: `UPDESK_LOG=debug|info|warning|error` (default warning) on standard error.
enum Log {
    static let bootstrap: Void = {
        let level = Logger.Level(rawValue: ProcessInfo.processInfo.environment["UPDESK_LOG"] ?? "warning") ?? .warning
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }()

    static func logger(_ label: String) -> Logger {
        _ = bootstrap
        return Logger(label: label)
    }
}
