import PostgresNIO

extension PostgresStore {
    /// Ends the server sessions of every client connected with this application name (other than this
    /// one): what an operator's pg_terminate_backend or a failover does. Returns how many were ended.
    @discardableResult
    public func terminateSessions(applicationName: String) throws -> Int {
        try read { s in
            try s.query("""
                SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                WHERE application_name = \(applicationName) AND pid <> pg_backend_pid()
                """).count
        }
    }
}
