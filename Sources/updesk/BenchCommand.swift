import ArgumentParser
import DeskPipeline
import Foundation

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure a stage's speed on one core (use a release build); the summary is the last line.",
        discussion: """
        Tasks:
          extraction  HTML extraction over DATA/html/*.html.gz (decompressed before timing): parse and extract
                      milliseconds per page, then "pages_per_s=N MB_per_s=M peak_rss_mb=K".
        """
    )

    enum Task: String, ExpressibleByArgument, CaseIterable {
        case extraction
    }

    @Argument(help: "The task: \(Task.allCases.map(\.rawValue).joined(separator: ", ")).")
    var task: Task

    @Option(help: "The evaluation folder (as for eval).")
    var data: String

    @Option(help: "Run exactly this many rounds per phase instead of at least 3 s (e.g. under perf stat).")
    var rounds: Int?

    func run() throws {
        try presenting {
            switch task {
            case .extraction:
                let report = try ExtractionBench(data: URL(fileURLWithPath: data), fixedRounds: rounds).run()
                for line in report.lines { print(line) }
            }
        }
    }
}
