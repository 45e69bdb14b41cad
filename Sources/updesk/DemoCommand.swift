import ArgumentParser
import DeskModel
import DeskExtract
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
    @Option(help: "Hours of the stream's end the digest covers: what is new since you last looked, that long ago.") var hours = 6.0
    @Option(help: "markdown, html or json.") var format: DigestCommand.Format = .markdown

    func run() throws {
        let streams = ((try? FileManager.default.contentsOfDirectory(atPath: samples)) ?? [])
            .filter { $0.hasSuffix(".jsonl") }.sorted().map { (samples as NSString).appendingPathComponent($0) }
        guard !streams.isEmpty else {
            Diagnostics.report(InputError(input: samples, reason: .notFound, detail: "no sample streams (*.jsonl) here; run from the project folder or pass --samples"))
            throw ExitCode(66)
        }
        var inputs = streams
        if FileManager.default.fileExists(atPath: seed) { inputs.append(seed) }
        let desk = try store.open()
        _ = try IngestRun.perform(paths: inputs, into: desk, label: "updesk.demo")
        FileHandle.standardError.write(Data("desk: \(store.db)\n".utf8))
        // The window: the last `hours` of the sample stream's own time (undated documents count as first
        // seen now, so they are always in it).
        let latest = try presenting { try desk.latestPublished() }
        let since = latest.map { $0.addingTimeInterval(-hours * 3600) }
        let digest = try presenting { try Digest.build(from: desk, since: since) }
        switch format {
        case .markdown: print(digest.markdown(), terminator: "")
        case .html: print(digest.html(), terminator: "")
        case .json: print(digest.json())
        }
    }
}
