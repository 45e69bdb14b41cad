import DeskExtract
import DeskPipeline
import DeskStorePostgres

/// Documents arriving at a web node or a fetcher on a PostgreSQL desk become queue jobs (one transaction per
/// batch), placed by `updesk worker`: placement happens only in workers, under their lock and leases.
public struct QueueIntake: DocumentIntake {
    let queue: JobQueue

    public init(queue: JobQueue) {
        self.queue = queue
    }

    @discardableResult
    public func enqueue(_ documents: [RawDocument]) throws -> Int {
        try Enqueuer(queue: queue).enqueue(documents)
    }
}
