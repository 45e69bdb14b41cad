import ArgumentParser
import DeskPipeline
import Foundation
import Logging
import DeskExtract
import DeskModel
import DeskStore

/// One ingest run as the CLI shows it: progress on a terminal, each rejected input named, a summary line.
enum IngestRun {
    static func perform(paths: [String], into desk: any Store, label: String,
                        acknowledge: ((RawDocument, PlacementOutcome) -> Void)? = nil) throws -> IngestReport {
        let ingestor = Ingestor(store: desk, logger: Log.logger(label))
        let report = try presenting {
            try ingestor.ingest(paths: paths, progress: { Terminal.progress("ingesting… \($0.seen) documents, \($0.storiesOpened) stories") },
                                acknowledge: acknowledge)
        }
        Terminal.endProgress()
        for error in report.rejected { Diagnostics.report(error) }
        for warning in report.warnings { Diagnostics.warn(warning) }
        FileHandle.standardError.write(Data((report.summary + "\n").utf8))
        return report
    }
}

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Ingest documents into the desk: extract, analyse, place into stories, store.",
        discussion: """
        Inputs: HTML pages, plain-text scrapes, .gz, folders (recursive), - for standard input, and JSON Lines \
        streams (.jsonl) of records {id, url?, source?, published?, title?, text? | html?}. Idempotent: the same \
        document twice is stored once. A bad input or record is reported (with its line number) and skipped.
        """
    )

    @OptionGroup var store: StoreOptions

    @Flag(help: "Print one line per document on standard output once its transaction has committed: ack<TAB>ID<TAB>ACTION<TAB>STORY (ACTION: stored, duplicate, revised or unchanged).")
    var ack = false

    @Argument(help: "Files, folders, or - for standard input.")
    var paths: [String]

    @Flag(name: .long, help: "Only enqueue the documents for `updesk worker` (PostgreSQL desks).")
    var queueOnly = false

    func run() throws {
        if queueOnly { return try QueueIngest.enqueue(paths: paths, into: try store.openPostgres()) }
        let acknowledge: ((RawDocument, PlacementOutcome) -> Void)? = ack ? { Acknowledgement.emit($0, $1) } : nil
        let report = try IngestRun.perform(paths: paths, into: try store.open(), label: "updesk.ingest", acknowledge: acknowledge)
        if report.seen == 0 && !report.rejected.isEmpty { throw ExitCode(65) }
    }
}
