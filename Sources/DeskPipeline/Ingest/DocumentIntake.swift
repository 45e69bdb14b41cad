import DeskExtract

/// Where documents go when the desk places them elsewhere: on a PostgreSQL desk, documents that arrive at a
/// web node or a fetcher become queue jobs that workers place (`updesk worker`), instead of being placed in
/// the process that received them. Nil intake: place in-process with an `Ingestor`, as on SQLite.
public protocol DocumentIntake: Sendable {
    /// Hands the documents over in order, durably; returns how many were taken.
    @discardableResult
    func enqueue(_ documents: [RawDocument]) throws -> Int
}
