import ArgumentParser
import DeskStore
import DeskStorePostgres
import Foundation

struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Create or bring up to date the desk's schema (SQLite file or PostgreSQL database).",
        discussion: "Safe to run from several machines at once (PostgreSQL: under an advisory lock) and to run again."
    )

    @OptionGroup var store: StoreOptions

    func run() throws {
        if PostgresLocation.isPostgres(store.db) {
            let desk = try store.openPostgres(migrate: false)
            let applied = try presenting { try desk.migrate() }
            print(applied.isEmpty ? "\(desk.location.description): schema up to date" : "\(desk.location.description): applied \(applied.joined(separator: ", "))")
        } else {
            _ = try store.open()
            print("\(store.db): schema up to date")
        }
    }
}
