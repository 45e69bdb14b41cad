import NIOPosix

/// Runs synchronous work (SQLite, the ingest stages) on NIO's thread pool, off the cooperative pool the
/// server's handlers run on.
enum Blocking {
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await NIOThreadPool.singleton.runIfActive(body)
    }
}
