import ArgumentParser
import DeskStore
import DeskStorePostgres
import Foundation

struct CopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy a SQLite desk into an empty PostgreSQL desk, ids and all, in one transaction.",
        discussion: "Example: updesk copy --from sqlite:data/desk.sqlite --to postgres://desk@db:5432/desk"
    )

    @Option(help: ArgumentHelp("The SQLite desk: sqlite:PATH (or a plain path).", valueName: "sqlite:path"))
    var from: String

    @Option(help: ArgumentHelp("The PostgreSQL desk (empty; its schema is created).", valueName: "postgres://..."))
    var to: String

    func run() throws {
        let path = from.hasPrefix("sqlite:") ? String(from.dropFirst("sqlite:".count)) : from
        let start = Date()
        let (report, counts, same) = try presenting {
            guard PostgresLocation.isPostgres(to) else { throw StoreError(.open, "--to must be a postgres:// URL, not \(to)") }
            let target = try PostgresStore(url: to)
            let report = try SQLiteToPostgresCopy.copy(sqlitePath: path, to: target)
            let counts = try target.counts()
            return (report, counts, try SQLiteStore(path: path).counts() == counts)
        }
        print("copied in \(String(format: "%.1f", Date().timeIntervalSince(start))) s: \(report.summary)")
        print("desk: \(counts.articles) articles, \(counts.duplicates) copies, \(counts.revisions) revisions, \(counts.stories) stories, "
              + "\(counts.sentences) sentences, \(counts.updates) updates" + (same ? " (same as the source)" : " (DIFFERS from the source)"))
        if !same { throw ExitCode(70) }
    }
}
