import DeskStorePostgres
import Foundation
import Testing

/// A fresh desk (its own schema) on the test PostgreSQL server (`UPDESK_TEST_POSTGRES_URL`, started by
/// scripts/test.sh): unset skips these tests with that reason; set but unreachable fails them.
enum TestDesk {
    static let url = ProcessInfo.processInfo.environment["UPDESK_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static let skipReason: Comment = "UPDESK_TEST_POSTGRES_URL is unset (scripts/test.sh starts a server and sets it)"

    /// A `--db` URL naming a new schema; `updesk` migrates it on first use.
    static func freshURL(_ prefix: String) throws -> String {
        guard let url else { throw CocoaError(.fileNoSuchFile) }
        let schema = prefix + "_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        return url + (url.contains("?") ? "&" : "?") + "schema=" + schema
    }
}
