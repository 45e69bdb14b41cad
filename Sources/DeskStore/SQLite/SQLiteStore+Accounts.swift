import DeskModel
import Foundation
import GRDB

/// Accounts, sessions and login failures in SQLite (migration "web-accounts-v1").
extension SQLiteStore: AccountStore {
    static func webUser(_ row: Row) -> WebUser {
        WebUser(id: row["user_id"], name: row["user_name"], role: WebUser.Role(rawValue: row["role"]) ?? .reader,
                created: Date(timeIntervalSince1970: row["user_created"]))
    }

    public func addAccount(userID: Int64, name: String, passwordHash: String, at: Date) throws {
        try writeDB { db in
            try db.execute(sql: "INSERT INTO web_accounts (user_id, name, password_hash, created) VALUES (?, ?, ?, ?)",
                           arguments: [userID, name, passwordHash, at.timeIntervalSince1970])
        }
    }

    public func account(name: String) throws -> StoredAccount? {
        try read { db in
            try Row.fetchOne(db, sql: """
                SELECT c.name, c.password_hash, u.id AS user_id, u.name AS user_name, u.role, u.created AS user_created
                FROM web_accounts c JOIN web_users u ON u.id = c.user_id WHERE c.name = ?
                """, arguments: [name]).map { StoredAccount(user: Self.webUser($0), name: $0["name"], passwordHash: $0["password_hash"]) }
        }
    }

    public func setPassword(name: String, passwordHash: String) throws {
        try writeDB { db in
            try db.execute(sql: "UPDATE web_accounts SET password_hash = ? WHERE name = ?", arguments: [passwordHash, name])
        }
    }

    public func addSession(idHash: String, userID: Int64, csrfToken: String, created: Date, expires: Date) throws {
        try writeDB { db in
            try db.execute(sql: "INSERT INTO web_sessions (id_hash, user_id, csrf_token, created, expires) VALUES (?, ?, ?, ?, ?)",
                           arguments: [idHash, userID, csrfToken, created.timeIntervalSince1970, expires.timeIntervalSince1970])
        }
    }

    public func session(idHash: String, now: Date) throws -> StoredSession? {
        try read { db in
            try Row.fetchOne(db, sql: """
                SELECT s.csrf_token, s.expires, u.id AS user_id, u.name AS user_name, u.role, u.created AS user_created
                FROM web_sessions s JOIN web_users u ON u.id = s.user_id WHERE s.id_hash = ? AND s.expires > ?
                """, arguments: [idHash, now.timeIntervalSince1970]).map {
                StoredSession(user: Self.webUser($0), csrfToken: $0["csrf_token"], expires: Date(timeIntervalSince1970: $0["expires"]))
            }
        }
    }

    public func deleteSession(idHash: String) throws {
        try writeDB { db in try db.execute(sql: "DELETE FROM web_sessions WHERE id_hash = ?", arguments: [idHash]) }
    }

    @discardableResult public func deleteExpiredSessions(now: Date) throws -> Int {
        try writeDB { db in
            try db.execute(sql: "DELETE FROM web_sessions WHERE expires <= ?", arguments: [now.timeIntervalSince1970])
            return db.changesCount
        }
    }

    public func recordLoginFailure(keys: [String], at: Date) throws {
        try writeDB { db in
            for key in keys {
                try db.execute(sql: "INSERT INTO web_login_failures (key, at) VALUES (?, ?)", arguments: [key, at.timeIntervalSince1970])
            }
        }
    }

    public func loginFailures(key: String, since: Date) throws -> [Date] {
        try read { db in
            try Double.fetchAll(db, sql: "SELECT at FROM web_login_failures WHERE key = ? AND at >= ? ORDER BY at",
                                arguments: [key, since.timeIntervalSince1970]).map { Date(timeIntervalSince1970: $0) }
        }
    }

    public func clearLoginFailures(keys: [String], before: Date) throws {
        try writeDB { db in
            for key in keys { try db.execute(sql: "DELETE FROM web_login_failures WHERE key = ?", arguments: [key]) }
            try db.execute(sql: "DELETE FROM web_login_failures WHERE at < ?", arguments: [before.timeIntervalSince1970])
        }
    }
}
