import DeskModel
import Foundation

/// Password accounts, browser sessions and failed login attempts, apart from `Store` and `WebStore` so a
/// backend adds it on its own (SQLite: migration "web-accounts-v1"). Accounts hang off `web_users` rows, so
/// roles, seen marks and watches work the same for token and password users.
public protocol AccountStore: Sendable {
    /// Adds a login to an existing user; throws `StoreError` when the name is taken.
    func addAccount(userID: Int64, name: String, passwordHash: String, at: Date) throws
    func account(name: String) throws -> StoredAccount?
    func setPassword(name: String, passwordHash: String) throws

    func addSession(idHash: String, userID: Int64, csrfToken: String, created: Date, expires: Date) throws
    /// The session if it exists and has not expired at `now`.
    func session(idHash: String, now: Date) throws -> StoredSession?
    func deleteSession(idHash: String) throws
    /// Drops sessions that expired before `now`; returns how many.
    @discardableResult func deleteExpiredSessions(now: Date) throws -> Int

    /// Records a failed login under each key (e.g. "account:NAME", "address:IP").
    func recordLoginFailure(keys: [String], at: Date) throws
    /// The failures of `key` at or after `since`, oldest first.
    func loginFailures(key: String, since: Date) throws -> [Date]
    /// Forgets the failures of these keys (after a successful login) and all older than `before`.
    func clearLoginFailures(keys: [String], before: Date) throws
}
