import DeskExtract
import DeskModel
import DeskStorePostgres
import Foundation

/// `updesk ingest --queue-only`: reads inputs as ingest does and only enqueues them for workers.
public struct Enqueuer {
    /// Jobs per enqueue transaction: one round trip carries this many documents.
    static let batchSize = 500

    public struct Report: Sendable {
        public var enqueued = 0
        public var rejected: [InputError] = []
        public var summary: String { "enqueued \(enqueued) documents; \(rejected.count) inputs rejected" }
    }

    let queue: JobQueue

    public init(queue: JobQueue) {
        self.queue = queue
    }

    public func enqueue(paths: [String]) throws -> Report {
        var report = Report()
        var batch: [(docID: String, payload: String)] = []
        var failure: (any Error)?
        InputReader().read(paths: paths) { item in
            guard failure == nil else { return }
            switch item {
            case .rejected(let error): report.rejected.append(error)
            case .document(let doc):
                batch.append((doc.id, QueuedDocument.encode(doc)))
                if batch.count >= Self.batchSize {
                    do { report.enqueued += try queue.enqueue(batch) } catch { failure = error }
                    batch.removeAll()
                }
            }
        }
        if let failure { throw failure }
        report.enqueued += try queue.enqueue(batch)
        return report
    }

    /// Enqueues documents already in memory (tests, the fetcher).
    @discardableResult
    public func enqueue(_ documents: [RawDocument]) throws -> Int {
        var total = 0
        for start in stride(from: 0, to: documents.count, by: Self.batchSize) {
            total += try queue.enqueue(documents[start..<min(documents.count, start + Self.batchSize)].map { ($0.id, QueuedDocument.encode($0)) })
        }
        return total
    }
}
