import Foundation

/// What one fetch cycle did.
public struct CycleReport: Sendable {
    public var polled = 0
    public var notModified = 0
    public var failed = 0
    public var deferred = 0
    /// Feed entries and page versions handed to the ingest pipeline.
    public var documents = 0
    public var stored = 0
    public var revised = 0
    public var duplicates = 0
    public var unchanged = 0
    public var fullTextFetched = 0
    /// Documents handed to the job queue for workers (PostgreSQL desks) rather than placed here.
    public var queued = 0
    public var seconds = 0.0
    /// One line per failing source: "URL: reason".
    public var failures: [String] = []

    public init() {}

    mutating func merge(_ other: CycleReport) {
        polled += other.polled
        notModified += other.notModified
        failed += other.failed
        deferred += other.deferred
        documents += other.documents
        stored += other.stored
        revised += other.revised
        duplicates += other.duplicates
        unchanged += other.unchanged
        fullTextFetched += other.fullTextFetched
        queued += other.queued
        failures += other.failures
    }

    public var summary: String {
        "polled \(polled) sources in \(String(format: "%.2f", seconds)) s: \(notModified) not modified, \(failed) failed, "
            + "\(deferred) deferred by robots.txt; \(documents) documents ingested (\(stored) new, \(revised) revisions, "
            + "\(duplicates) copies, \(unchanged) already held), \(fullTextFetched) full articles fetched"
            + (queued > 0 ? "; \(queued) queued for workers" : "")
    }
}
