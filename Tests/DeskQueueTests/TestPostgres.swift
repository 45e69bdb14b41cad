import DeskStore
import DeskStorePostgres
import Foundation
import Testing

/// The test PostgreSQL server (`UPDESK_TEST_POSTGRES_URL`, started by scripts/test.sh): unset skips these
/// tests with that reason; set but unreachable fails them.
enum TestPostgres {
    static let url = ProcessInfo.processInfo.environment["UPDESK_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static let skipReason: Comment = "UPDESK_TEST_POSTGRES_URL is unset (scripts/test.sh starts a server and sets it)"

    static func freshLocation() throws -> PostgresLocation {
        guard let url else { throw StoreError(.open, "UPDESK_TEST_POSTGRES_URL is unset") }
        let schema = "q_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
        var location = try PostgresLocation(url: url).with(schema: String(schema))
        location.applicationName = location.schema
        return location
    }

    static func freshStore() throws -> PostgresStore {
        try PostgresStore(location: freshLocation())
    }

    /// Ends every server session of this desk's connections (as an operator or a failover would).
    static func terminateSessions(of location: PostgresLocation) throws -> Int {
        let admin = try freshStore()
        return try admin.terminateSessions(applicationName: location.applicationName)
    }
}
