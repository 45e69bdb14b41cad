import ArgumentParser
import DeskExtract
import DeskLanguage
import DeskModel
import DeskPipeline
import Foundation

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Show the language analysis of articles: sentences, entities with roles, times with values, quotes, numbers.",
        discussion: """
        Inputs are read and extracted as by `updesk extract`. Time expressions are anchored on the publication date:
        --published overrides the article's own; without either, relative times stay unanchored (XXXX) and the
        report says so, with the earliest possible date the text's explicit dates allow.
        """
    )

    enum Format: String, ExpressibleByArgument { case json, text }

    @Option(help: "Output format: json or text.")
    var format: Format = .text

    @Option(help: "Publication date to anchor times on (YYYY-MM-DD).")
    var published: String?

    @Argument(help: "Files, folders, or - for standard input.")
    var paths: [String]

    func run() throws {
        var anchor: Date?
        if let p = published {
            guard let d = TimexEval.parseDay(p) else { throw ValidationError("--published expects YYYY-MM-DD, got \(p)") }
            anchor = d
        }
        let extractor = Extractor()
        let analyzer = LanguageAnalyzer()
        var reports: [AnalysisRendering.Report] = []
        var rejected = 0
        InputReader().read(paths: paths) { item in
            switch item {
            case .document(let doc):
                var article = extractor.extract(doc)
                if let anchor { article.published = Sourced(anchor, from: "--published") }
                reports.append(AnalysisRendering.report(analyzer.analyze(article)))
            case .rejected(let error):
                rejected += 1
                Diagnostics.report(error)
            }
        }
        switch format {
        case .json: print(try AnalysisRendering.json(reports), terminator: "")
        case .text: print(reports.map(AnalysisRendering.text).joined(separator: "\n"), terminator: "")
        }
        if reports.isEmpty && rejected > 0 { throw ExitCode(65) }
    }
}
