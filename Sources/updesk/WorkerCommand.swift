import ArgumentParser
import DeskQueue
import DeskStorePostgres
import Foundation

struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Place queued documents (PostgreSQL desks): claim, extract, analyse, place, commit; run as many as you like.",
        discussion: "Jobs come from `updesk ingest --queue-only`. A worker that dies leaves its jobs to be claimed again after the lease."
    )

    @OptionGroup var store: StoreOptions

    @Flag(help: "Exit once no job is ready or leased (batch runs).")
    var exitWhenIdle = false

    @Option(help: "Jobs claimed at once.")
    var batch = QueueWorker.Options().batchSize

    @Option(help: "Seconds a claimed job stays this worker's.")
    var lease = QueueWorker.Options().leaseSeconds

    func run() throws {
        let desk = try store.openPostgres()
        let worker = QueueWorker(store: desk, options: .init(batchSize: batch, leaseSeconds: lease, exitWhenIdle: exitWhenIdle),
                                 logger: Log.logger("updesk.worker"))
        let start = Date()
        let report = try presenting {
            try worker.run { Terminal.progress("working… \($0.jobs) jobs, \($0.ingest.storiesOpened) stories") }
        }
        Terminal.endProgress()
        FileHandle.standardError.write(Data((report.summary + String(format: " in %.1f s\n", Date().timeIntervalSince(start))).utf8))
    }
}
