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
          ingest      end to end on every core, raw documents to stored stories and updates (DATA/html/*.html.gz
                      or a story stream), --rounds rounds (default 3) into fresh databases; then the per-stage split
                      (read, parse, extract, analyze, place, store) on one core; last line
                      "articles_per_s=N ... peak_rss_mb=K".
          growth      placement as above at each --held size (default 0,10000,100000,1000000), the desk grown by
                      bulk writes of perturbed generations of a template desk (--preload place: by placing every
                      generated article instead), then the curve: mean ms to place one article at each size.
          web         the web desk under an open-loop load on loopback: `updesk serve` on the desk --db (kept, not
                      removed) answers --rate requests/s for --seconds, round-robin over a random story page, the
                      largest story's page, its API form and the stories list, while the JSON Lines records of DATA
                      (if a file) are POSTed to the ingest API at --ingest-rate documents/s; one line per route
                      "route=R requests=N failed=F p50_ms p90_ms p99_ms max_ms", then the ingest line.
        """
    )

    enum Task: String, ExpressibleByArgument, CaseIterable {
        case extraction, placement, ingest, growth, web
    }

    @Argument(help: "The task: \(Task.allCases.map(\.rawValue).joined(separator: ", ")).")
    var task: Task

    @Option(help: "The evaluation folder (as for eval).")
    var data: String

    @Option(help: "Run exactly this many rounds per phase instead of at least 3 s (e.g. under perf stat).")
    var rounds: Int?

    @Option(help: "placement, growth: desk sizes (articles held) to measure at, comma-separated (growth: default 0,10000,100000).")
    var held: String?

    @Option(help: "placement: articles of the stream placed and timed at each size.")
    var measure: Int = 1000

    @Option(help: "placement, growth, ingest: the SQLite file to build (removed first; default a temporary file).")
    var db: String?

    @Option(help: "growth: how the desk is grown between sizes: bulk (perturbed generations of a template desk written in bulk) or place (every generated article placed).")
    var preload: String = "bulk"

    @Option(help: "ingest: at most this many documents of a story stream (default all).")
    var limit: Int = 0

    @Option(help: "web: requests per second, all routes together.")
    var rate: Double = 40

    @Option(help: "web: seconds of load.")
    var seconds: Double = 20

    @Option(help: "web: documents per second POSTed to the ingest API during the load (0: none).")
    var ingestRate: Double = 20

    var databasePath: String {
        db ?? FileManager.default.temporaryDirectory.appendingPathComponent("updesk-bench-\(getpid()).sqlite").path
    }

    func removeTemporary(_ path: String) {
        guard db == nil else { return }
        for ext in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + ext) }
    }

    func run() throws {
        try presenting {
            switch task {
            case .extraction:
                let report = try ExtractionBench(data: URL(fileURLWithPath: data), fixedRounds: rounds).run()
                for line in report.lines { print(line) }
            case .placement, .growth:
                let spec = held ?? (task == .growth ? "0,10000,100000,1000000" : "0,10000")
                let sizes = spec.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
                guard !sizes.isEmpty else { throw ValidationError("--held needs sizes such as 0,10000,100000") }
                let path = databasePath
                defer { removeTemporary(path) }
                guard ["bulk", "place"].contains(preload) else { throw ValidationError("--preload is bulk or place") }
                defer { removeTemporary(path + ".template") }
                let steps = try PlacementBench(data: URL(fileURLWithPath: data), sizes: sizes, measure: measure,
                                               bulk: task == .growth && preload == "bulk")
                    .run(databasePath: path) { line in FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
                if task == .growth { for line in GrowthCurve(steps: steps).lines { print(line) } }
            case .web:
                guard let db else { throw ValidationError("web: --db names the desk to serve") }
                for line in try WebBench(desk: db, stream: data, rate: rate, seconds: seconds, ingestRate: ingestRate).run() { print(line) }
            case .ingest:
                let path = databasePath
                defer { removeTemporary(path) }
                try IngestBench(data: URL(fileURLWithPath: data), rounds: rounds ?? 3, limit: limit)
                    .run(databasePath: path) { line in FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
            }
        }
    }
}
