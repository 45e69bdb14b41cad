import DeskModel
import DeskStore
import Foundation

/// Making password accounts (the admin's API and `updesk user add`): a web user with a random, never shown
/// API token, plus a login whose password is stored only as a PBKDF2 string.
public enum AccountAdmin {
    /// Names are 1 to 64 characters of letters, digits, ".", "-" and "_": they appear in pages and logs.
    public static let nameLimit = 64

    public static func problem(name: String) -> String? {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: ".-_"))
        if name.isEmpty || name.count > nameLimit { return "the name must have 1 to \(nameLimit) characters" }
        if name.unicodeScalars.contains(where: { !allowed.contains($0) }) { return "the name may hold only letters, digits, \".\", \"-\" and \"_\"" }
        return nil
    }

    /// Creates the account; throws a presentable error for a bad name or password or a taken name.
    public static func create(store: any AccountBackend, name: String, role: WebUser.Role, password: String,
                              rounds: Int = PasswordHasher.defaultRounds, at: Date = Date()) throws -> WebUser {
        if let p = problem(name: name) { throw WebError(.badRequest, p) }
        if let p = PasswordHasher.problem(with: password) { throw WebError(.badRequest, p) }
        if try store.account(name: name) != nil { throw WebError(.conflict, "an account named \(name) exists") }
        let hash = try PasswordHasher(rounds: rounds).hash(password)
        let user = try store.addUser(name: name, role: role, tokenHash: Tokens.hash(Tokens.make()), at: at)
        try store.addAccount(userID: user.id, name: name, passwordHash: hash, at: at)
        return user
    }
}

/// A store that keeps both web users and their password logins.
public typealias AccountBackend = WebStore & AccountStore
