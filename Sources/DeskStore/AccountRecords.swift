import DeskModel
import Foundation

/// A password account: a web user (role, seen marks, watches) that can also log in by name and password.
/// `passwordHash` is a self-describing KDF string (`pbkdf2-sha256$rounds$salt$hash`); never the password.
public struct StoredAccount: Sendable, Hashable {
    public var user: WebUser
    public var name: String
    public var passwordHash: String
    public init(user: WebUser, name: String, passwordHash: String) {
        self.user = user
        self.name = name
        self.passwordHash = passwordHash
    }
}

/// A browser session: stored under the SHA-256 of its cookie value, with its CSRF token (synchroniser token).
public struct StoredSession: Sendable, Hashable {
    public var user: WebUser
    public var csrfToken: String
    public var expires: Date
    public init(user: WebUser, csrfToken: String, expires: Date) {
        self.user = user
        self.csrfToken = csrfToken
        self.expires = expires
    }
}
