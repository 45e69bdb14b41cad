import DeskStore
import Foundation
import PostgresNIO

/// Where a PostgreSQL desk lives, read from `postgres://user[:password]@host[:port]/database[?schema=NAME]`.
/// `schema` (default `public`) keeps several desks in one database apart, which the tests use for isolation.
/// TLS is not negotiated: the server is expected on a private network or loopback.
public struct PostgresLocation: Sendable, Hashable {
    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    public var schema: String
    /// Shown in pg_stat_activity; tests give each store its own so they can cut off only their connections.
    public var applicationName = "updesk"

    /// True for the strings `--db` hands to PostgreSQL rather than to SQLite.
    public static func isPostgres(_ string: String) -> Bool {
        string.hasPrefix("postgres://") || string.hasPrefix("postgresql://")
    }

    public init(host: String, port: Int = 5432, username: String, password: String? = nil, database: String, schema: String = "public") {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.schema = schema
    }

    public init(url string: String) throws {
        guard Self.isPostgres(string), let url = URLComponents(string: string), let host = url.host, !host.isEmpty else {
            throw StoreError(.open, "not a PostgreSQL URL (postgres://user@host:port/database): \(string)")
        }
        let database = String(url.path.drop { $0 == "/" })
        guard !database.isEmpty else { throw StoreError(.open, "the URL names no database: \(string)") }
        let schema = url.queryItems?.first { $0.name == "schema" }?.value ?? "public"
        guard Self.isIdentifier(schema) else {
            throw StoreError(.open, "schema must be letters, digits and underscores: \(schema)")
        }
        self.init(host: host, port: url.port ?? 5432, username: url.user ?? "postgres", password: url.password,
                  database: database, schema: schema)
    }

    /// The same server and database with another schema.
    public func with(schema: String) -> PostgresLocation {
        var copy = self
        copy.schema = schema
        return copy
    }

    /// The URL again, without the password (for messages).
    public var description: String {
        "postgres://\(username)@\(host):\(port)/\(database)" + (schema == "public" ? "" : "?schema=\(schema)")
    }

    var configuration: PostgresConnection.Configuration {
        var config = PostgresConnection.Configuration(host: host, port: port, username: username, password: password,
                                                      database: database, tls: .disable)
        config.options.connectTimeout = .seconds(PostgresTuning.connectTimeoutSeconds)
        config.options.additionalStartupParameters = [("application_name", applicationName)]
        return config
    }

    static func isIdentifier(_ s: String) -> Bool {
        !s.isEmpty && s.count <= 63 && s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") } && !s.first!.isNumber
    }
}
