import ArgumentParser
import DeskExtract
import DeskModel
import DeskPipeline
import Foundation

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract clean articles from HTML pages or plain-text scrapes.",
        discussion: "Inputs may be files, folders (read recursively), .gz files, JSON Lines streams, or - for standard input. HTML and plain-text scrapes are told apart automatically."
    )

    @Option(help: "Output format: json, jsonl, markdown or text.")
    var format: ArticleFormat = .jsonl

    @Argument(help: "Files, folders, or - for standard input.")
    var paths: [String]

    /// Documents extracted together on all cores, then written in input order.
    static let batchSize = 64

    func run() throws {
        let extractor = Extractor()
        var articles: [Article] = []
        var rejected = 0
        let writer = ArticleWriter(format: format)
        var batch: [RawDocument] = []
        func flush() {
            for (doc, article) in zip(batch, ParallelMap.map(batch, { extractor.extract($0) })) {
                if article.paragraphs.isEmpty, !doc.text.allSatisfy(\.isWhitespace) {
                    Diagnostics.warn("\(doc.origin): nothing extracted: no article text found")
                }
                if format == .json { articles.append(article) } else { writer.write(article) }
            }
            batch.removeAll(keepingCapacity: true)
        }
        InputReader().read(paths: paths) { item in
            switch item {
            case .document(let doc):
                for warning in doc.warnings { Diagnostics.warn("\(doc.origin): \(warning)") }
                batch.append(doc)
                if batch.count >= Self.batchSize { flush() }
            case .rejected(let error):
                rejected += 1
                Diagnostics.report(error)
            }
        }
        flush()
        if format == .json { writer.writeArray(articles) }
        if rejected > 0 && articles.isEmpty && writer.written == 0 { throw ExitCode(65) }
    }
}
