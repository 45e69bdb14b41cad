import ArgumentParser
import DeskQueue
import DeskStorePostgres
import Foundation

/// `updesk ingest --queue-only`: reads inputs and enqueues them; rejected inputs are named as ingest does.
enum QueueIngest {
    static func enqueue(paths: [String], into store: PostgresStore) throws {
        let report = try presenting { try Enqueuer(queue: JobQueue(store: store)).enqueue(paths: paths) }
        for error in report.rejected { Diagnostics.report(error) }
        FileHandle.standardError.write(Data((report.summary + "\n").utf8))
        if report.enqueued == 0 && !report.rejected.isEmpty { throw ExitCode(65) }
    }
}
