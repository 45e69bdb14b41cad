import NIOPosix

/// Runs synchronous work (SQLite, the ingest stages) on the web desk's own threads, off the cooperative pool
/// the server's handlers run on, and apart from NIO's shared pool, which other parts of the process (the
/// HTTP client among them) need free: an ingest of a large batch holding those threads stalled them.
enum Blocking {
    /// Threads for blocking work: enough that a long ingest leaves room for page reads alongside.
    static let threads = 4
    static let pool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: threads)
        pool.start()
        return pool
    }()

    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await pool.runIfActive(body)
    }
}
