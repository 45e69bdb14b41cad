import ArgumentParser
import DeskModel
import DeskStore
import DeskWeb
import Foundation

/// `updesk user add NAME --role editor`: a password account for the web desk (password read from standard input).
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage the web desk's password accounts.",
        subcommands: [UserAddCommand.self]
    )
}

struct UserAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a password account; the password is the first line of standard input (never an argument, so it stays out of shell history and ps).",
        discussion: "Example: printf '%s\\n' \"$PASSWORD\" | updesk user add ed --role editor"
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: "The login name (letters, digits, . - _).") var name: String
    @Option(help: "reader, editor or admin.") var role: String = "reader"

    func run() throws {
        guard let role = WebUser.Role(rawValue: role) else {
            throw ValidationError("--role must be reader, editor or admin")
        }
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw ValidationError("give the password on standard input (one line)")
        }
        let desk = try presenting { try SQLiteStore(path: store.db) }
        let user = try presenting { try AccountAdmin.create(store: desk, name: name, role: role, password: line) }
        print("account \(user.name) (\(user.role.rawValue)) added, user id \(user.id)")
    }
}
