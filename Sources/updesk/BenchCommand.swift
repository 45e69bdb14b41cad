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
          placement   the place stage (copies, revisions, stories, novelty, storing) over a stream laid out like
                      eval/stories or eval/timelines, measured after preloading the desk with generated articles
                      (--held 0,10000,100000): one line per size "held=N stories=S articles_per_s=R p50_ms p99_ms".
        """
    )

    enum Task: String, ExpressibleByArgument, CaseIterable {
        case extraction, placement
    }

    @Argument(help: "The task: \(Task.allCases.map(\.rawValue).joined(separator: ", ")).")
    var task: Task

    @Option(help: "The evaluation folder (as for eval).")
    var data: String

    @Option(help: "Run exactly this many rounds per phase instead of at least 3 s (e.g. under perf stat).")
    var rounds: Int?

    @Option(help: "placement: desk sizes (articles held) to measure at, comma-separated.")
    var held: String = "0,10000"

    @Option(help: "placement: articles of the stream placed and timed at each size.")
    var measure: Int = 1000

    @Option(help: "placement: the SQLite file to build (removed first; default a temporary file).")
    var db: String?

    func run() throws {
        try presenting {
            switch task {
            case .extraction:
                let report = try ExtractionBench(data: URL(fileURLWithPath: data), fixedRounds: rounds).run()
                for line in report.lines { print(line) }
            case .placement:
                let sizes = held.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
                guard !sizes.isEmpty else { throw ValidationError("--held needs sizes such as 0,10000,100000") }
                let path = db ?? FileManager.default.temporaryDirectory.appendingPathComponent("updesk-bench-\(getpid()).sqlite").path
                defer { if db == nil { for ext in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + ext) } } }
                try PlacementBench(data: URL(fileURLWithPath: data), sizes: sizes, measure: measure)
                    .run(databasePath: path) { line in FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
            }
        }
    }
}
