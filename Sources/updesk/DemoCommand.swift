import ArgumentParser
import DeskModel
import DeskPipeline
import Foundation

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "The main job on bundled sample data: ingest it into a SQLite desk and print the digest of what is new.",
        discussion: "Reads Samples/ (and ../shared/fixtures/seed-article.txt when present), ingests into --db, then prints the digest of the last day of the stream. Running it again ingests nothing twice."
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "The folder of sample data.") var samples = "Samples"
    @Option(help: "The seed article (a raw scrape), if present.") var seed = "../shared/fixtures/seed-article.txt"
    @Option(help: "Hours of the stream's end the digest covers.") var hours = 24.0
    @Option(help: "markdown, html or json.") var format: DigestCommand.Format = .markdown

    func run() throws {
        var inputs = [samples]
        if FileManager.default.fileExists(atPath: seed) { inputs.append(seed) }
        let desk = try store.open()
        let ingestor = Ingestor(store: desk, logger: Log.logger("updesk.demo"))
        let report = try presenting {
            try ingestor.ingest(paths: inputs) { Terminal.progress("ingesting samples… \($0.seen) documents") }
        }
        Terminal.endProgress()
        for error in report.rejected { Diagnostics.report(error) }
        for warning in report.warnings { Diagnostics.warn(warning) }
        FileHandle.standardError.write(Data("\(report.summary)\ndesk: \(store.db)\n".utf8))
        let latest = try presenting { try desk.stories(limit: 1, offset: 0).first?.lastSeen }
        let since = latest.map { $0.addingTimeInterval(-hours * 3600) }
        let digest = try presenting { try Digest.build(from: desk, since: since) }
        switch format {
        case .markdown: print(digest.markdown(), terminator: "")
        case .html: print(digest.html(), terminator: "")
        case .json: print(digest.json())
        }
    }
}
