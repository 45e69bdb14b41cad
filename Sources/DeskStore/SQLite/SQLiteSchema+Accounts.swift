import GRDB

extension SQLiteSchema {
    /// "web-accounts-v1": password accounts (KDF strings only), sessions (cookie hashes only, with their CSRF
    /// token) and failed login attempts for the rate limit.
    static func registerAccounts(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("web-accounts-v1") { db in
            try db.execute(sql: """
            CREATE TABLE web_accounts (
                user_id INTEGER PRIMARY KEY REFERENCES web_users(id) ON DELETE CASCADE,
                name TEXT NOT NULL UNIQUE,
                password_hash TEXT NOT NULL,
                created REAL NOT NULL
            );
            CREATE TABLE web_sessions (
                id_hash TEXT PRIMARY KEY,
                user_id INTEGER NOT NULL REFERENCES web_users(id) ON DELETE CASCADE,
                csrf_token TEXT NOT NULL,
                created REAL NOT NULL,
                expires REAL NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX web_sessions_expires ON web_sessions(expires);
            CREATE TABLE web_login_failures (
                id INTEGER PRIMARY KEY,
                key TEXT NOT NULL,
                at REAL NOT NULL
            );
            CREATE INDEX web_login_failures_key ON web_login_failures(key, at);
            CREATE INDEX web_login_failures_at ON web_login_failures(at);
            """)
        }
    }
}
