import DeskStore
import DeskStorePostgres
import Foundation
import Testing

/// The PostgreSQL server the tests use: `UPDESK_TEST_POSTGRES_URL` (scripts/test.sh starts one with
/// scripts/pg-test-server.sh). Unset: PostgreSQL tests are skipped with that reason. Set but unreachable:
/// they fail, since a CI that meant to test PostgreSQL must not pass without it.
enum TestPostgres {
    static let url = ProcessInfo.processInfo.environment["UPDESK_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static let skipReason: Comment = "UPDESK_TEST_POSTGRES_URL is unset (scripts/test.sh starts a server and sets it)"

    /// A fresh, empty desk in a schema of its own on the test server.
    static func freshStore(poolSize: Int = 4) throws -> PostgresStore {
        guard let url else { throw StoreError(.open, "UPDESK_TEST_POSTGRES_URL is unset") }
        var location = try PostgresLocation(url: url).with(schema: freshSchema())
        location.applicationName = location.schema
        return try PostgresStore(location: location, poolSize: poolSize)
    }

    static func freshSchema() -> String {
        "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
    }
}

/// The backends every contract test runs on: SQLite always, PostgreSQL when the test server is configured.
enum Backend: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite, postgres
    var description: String { rawValue }

    static var available: [Backend] { TestPostgres.url == nil ? [.sqlite] : [.sqlite, .postgres] }

    func freshStore() throws -> any Store {
        switch self {
        case .sqlite: try SQLiteStore(path: SQLiteStoreTests.freshPath())
        case .postgres: try TestPostgres.freshStore()
        }
    }
}
