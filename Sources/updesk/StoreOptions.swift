import ArgumentParser
import DeskModel
import DeskExtract
import DeskStore
import DeskStorePostgres
import Foundation

/// `--db`, shared by every subcommand that reads or writes the desk.
struct StoreOptions: ParsableArguments {
    /// The embedded default: a SQLite file under the data directory.
    static let defaultPath = "data/desk.sqlite"

    @Option(name: .long, help: ArgumentHelp("The desk's database: a SQLite file path, or postgres://user@host:port/database.", valueName: "path|url"))
    var db: String = ProcessInfo.processInfo.environment["UPDESK_DB"] ?? StoreOptions.defaultPath

    /// `UPDESK_DB_MAX_BYTES`: a quota on the database file; a write past it fails as "disk full", atomically.
    /// Lets an operator cap the desk, and lets the tests meet a full disk without filling one.
    static var maxSizeBytes: Int? { ProcessInfo.processInfo.environment["UPDESK_DB_MAX_BYTES"].flatMap { Int($0) } }

    func open() throws -> any Store {
        try presenting {
            PostgresLocation.isPostgres(db) ? try PostgresStore(url: db) as any Store
                : try SQLiteStore(path: db, options: .init(maxSizeBytes: StoreOptions.maxSizeBytes))
        }
    }

    /// The PostgreSQL store `--db` names, or a clear error for a SQLite path (queues and workers need PostgreSQL).
    func openPostgres(migrate: Bool = true) throws -> PostgresStore {
        try presenting {
            guard PostgresLocation.isPostgres(db) else {
                throw StoreError(.open, "this needs a PostgreSQL desk (--db postgres://...), not \(db)")
            }
            return try PostgresStore(location: PostgresLocation(url: db), migrate: migrate)
        }
    }
}

/// Runs `body`; a `PresentableError` becomes a clear message on standard error and its exit code.
func presenting<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as any PresentableError {
        Diagnostics.report(error)
        throw ExitCode(error.exitCode)
    }
}

enum Terminal {
    /// True when standard error is a terminal: progress is shown only then, so piped output stays quiet.
    static var isInteractive: Bool { isatty(STDERR_FILENO) == 1 }

    static func progress(_ line: String) {
        guard isInteractive else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
    }

    static func endProgress() {
        guard isInteractive else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}

struct DateArgument: ExpressibleByArgument {
    let date: Date
    init?(argument: String) {
        guard let d = DateArgument.parse(argument) else { return nil }
        date = d
    }
    static func parse(_ s: String) -> Date? {
        let lower = s.lowercased()
        let now = Date()
        if lower == "today" { return Calendar.current.startOfDay(for: now) }
        if lower == "yesterday" { return Calendar.current.startOfDay(for: now.addingTimeInterval(-86_400)) }
        // "24h", "7d": that long ago.
        if let unit = lower.last, let n = Double(lower.dropLast()), unit == "h" || unit == "d" {
            return now.addingTimeInterval(-n * (unit == "h" ? 3600 : 86_400))
        }
        return DateParser.parse(s)
    }
    static var defaultValueDescription: String { "ISO 8601 date, today, yesterday, 24h, 7d" }
}
