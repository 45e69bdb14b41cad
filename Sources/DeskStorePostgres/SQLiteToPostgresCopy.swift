import DeskStore
import Foundation
import GRDB
import PostgresNIO

/// `updesk copy`: moves a SQLite desk into an empty PostgreSQL desk in one transaction, ids kept, so
/// everything that refers to an id (story links, copies, evidence, timelines, revisions, sources) stays true.
public enum SQLiteToPostgresCopy {
    /// Tables in an order where every row's references are already copied (foreign keys are also
    /// deferred to the commit). `article_search` is read from the FTS5 table (rowid = article id).
    static let tables = ["stories", "articles", "article_aliases", "sentences", "timeline", "revisions", "simhash_bands", "story_terms",
                         "term_df", "counters", "sources", "source_entries",
                         "web_users", "web_seen", "web_entity_index", "web_entities", "web_watches", "web_outbox"]
    /// Tables whose `id` the server generates.
    static let identityTables = ["stories", "articles", "sentences", "timeline", "revisions", "sources", "web_users", "web_watches", "web_outbox"]
    /// Rows per INSERT: PostgreSQL takes at most 65,535 parameters per statement; 500 rows of the widest
    /// table (15 columns) stay far below and make round trips a small share of the copy.
    static let rowsPerInsert = 500

    public struct Report: Sendable {
        /// Table → rows copied.
        public var rows: [(table: String, count: Int)] = []
        public var summary: String { rows.map { "\($0.table) \($0.count)" }.joined(separator: ", ") }
    }

    public static func copy(sqlitePath: String, to store: PostgresStore) throws -> Report {
        guard FileManager.default.fileExists(atPath: sqlitePath) else { throw StoreError(.open, "no such SQLite desk: \(sqlitePath)") }
        _ = try SQLiteStore(path: sqlitePath) // brings the source schema up to date
        var config = Configuration()
        config.readonly = true
        let source: DatabaseQueue
        do { source = try DatabaseQueue(path: sqlitePath, configuration: config) } catch { throw StoreError(.open, "\(error)") }
        do {
            return try store.transaction(lockPlacement: true) { session in
                let held = try session.scalar("SELECT (SELECT COUNT(*) FROM articles) + (SELECT COUNT(*) FROM stories) + (SELECT COUNT(*) FROM sources)", as: Int.self) ?? 0
                guard held == 0 else {
                    throw StoreError(.query, "\(store.location.description) already holds a desk; copy only into an empty one")
                }
                try session.execute("SET CONSTRAINTS ALL DEFERRED")
                var report = Report()
                for table in tables {
                    report.rows.append((table, try copyTable(table, from: source, to: session)))
                }
                report.rows.append(("article_search", try copySearch(from: source, to: session)))
                // New rows continue after the copied ids.
                for table in identityTables {
                    try session.execute("""
                        SELECT setval(pg_get_serial_sequence(\(table), 'id'), COALESCE((SELECT MAX(id) FROM \(unescaped: table)), 0) + 1, false)
                        """)
                }
                return report
            }
        } catch {
            throw PostgresErrors.storeError(error)
        }
    }

    /// The PostgreSQL column types of `table` (generated columns left out: the server computes them).
    static func columnTypes(_ table: String, _ session: PostgresSession) throws -> [String: String] {
        var types: [String: String] = [:]
        for row in try session.query("""
            SELECT column_name, data_type FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = \(table) AND is_generated = 'NEVER'
            """) {
            let (name, type) = try row.decode((String, String).self)
            types[name] = type
        }
        return types
    }

    static func copyTable(_ table: String, from source: DatabaseQueue, to session: PostgresSession) throws -> Int {
        let targetTypes = try columnTypes(table, session)
        let rows: [Row] = try source.read { db in
            guard try db.tableExists(table) else { return [] }
            return try Row.fetchAll(db, sql: "SELECT * FROM \(table)")
        }
        guard let first = rows.first else { return 0 }
        let columns = Array(first.columnNames).filter { targetTypes[$0] != nil }
        try insert(table: table, columns: columns, types: columns.map { targetTypes[$0]! },
                   rows: rows.map { row in columns.map { row[$0] as DatabaseValue } }, into: session)
        return rows.count
    }

    static func copySearch(from source: DatabaseQueue, to session: PostgresSession) throws -> Int {
        let rows: [[DatabaseValue]] = try source.read { db in
            try Row.fetchAll(db, sql: "SELECT rowid, title, body FROM article_search ORDER BY rowid").map { [$0[0], $0[1], $0[2]] }
        }
        try insert(table: "article_search", columns: ["article_id", "title", "body"], types: ["bigint", "text", "text"], rows: rows, into: session)
        return rows.count
    }

    static func insert(table: String, columns: [String], types: [String], rows: [[DatabaseValue]], into session: PostgresSession) throws {
        for start in stride(from: 0, to: rows.count, by: rowsPerInsert) {
            let chunk = rows[start..<min(rows.count, start + rowsPerInsert)]
            var bindings = PostgresBindings(capacity: chunk.count * columns.count)
            var tuples: [String] = []
            var n = 0
            for row in chunk {
                var marks: [String] = []
                for (value, type) in zip(row, types) {
                    n += 1
                    marks.append("$\(n)::\(type)")
                    try bind(value, as: type, into: &bindings)
                }
                tuples.append("(" + marks.joined(separator: ", ") + ")")
            }
            let sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES \(tuples.joined(separator: ", "))"
            try session.execute(PostgresQuery(unsafeSQL: sql, binds: bindings))
        }
    }

    /// One SQLite value as the PostgreSQL column's type (SQLite keeps booleans as 0/1 and may keep a whole
    /// number in a REAL column as an integer).
    static func bind(_ value: DatabaseValue, as type: String, into bindings: inout PostgresBindings) throws {
        switch (value.storage, type) {
        case (.null, _): bindings.appendNull()
        case (.int64(let i), "boolean"): bindings.append(i != 0)
        case (.int64(let i), "double precision"): bindings.append(Double(i))
        case (.int64(let i), _): bindings.append(i)
        case (.double(let d), "bigint"): bindings.append(Int64(d))
        case (.double(let d), _): bindings.append(d)
        case (.string(let s), _): bindings.append(s)
        case (.blob(let data), _): try bindings.append(data)
        }
    }
}
