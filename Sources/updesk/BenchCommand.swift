import ArgumentParser
import DeskPipeline
import Foundation

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure speed (use a release build): every figure in one table, or one task; the summary is the last line.",
        discussion: """
        Without a task: every figure an issue sets a goal for, in one table with the goal and whether it is met,
        over DATA laid out like ../shared/eval (extraction/, stories/, timelines/; default ../shared/eval, or
        $UPDESK_EVAL): extraction, end-to-end ingest of raw HTML pages and of headlines, placement of full articles,
        placement as the desk grows to 1M articles, and the story page's latency under load on that desk. The last
        line is "articles_per_s=N" (end-to-end ingest of raw HTML). --quick: a short version (under a minute in a
        release build): fewer rounds, 1,000 headlines, a desk grown to 10,000 articles, 5 s of web load.

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

    @Argument(help: "The task: \(Task.allCases.map(\.rawValue).joined(separator: ", ")); none: the summary table.")
    var task: Task?

    @Option(help: "The evaluation folder (as for eval); for the summary, the folder of all of them (default ../shared/eval).")
    var data: String?

    @Flag(help: "Summary only: a short version, under a minute in a release build.")
    var quick = false

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

    /// Where the summary finds extraction/, stories/ and timelines/ when --data is not given.
    static let defaultEvalRoots = ["../shared/eval", "../../shared/eval"]

    func run() throws {
        try presenting {
            // Unbuffered, as the tasks' progress lines are: it comes first, and the summary stays the last line.
            FileHandle.standardOutput.write(Data("allocator: \(Allocator.description)\n".utf8))
            guard let task else { return try summary() }
            if quick { throw ValidationError("--quick is for the summary (updesk bench --quick, without a task)") }
            guard let data else { throw ValidationError("\(task.rawValue): --data names the evaluation folder") }
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
                for line in try WebBench(desk: db, stream: data, rate: rate, seconds: seconds, ingestRate: ingestRate).run().lines { print(line) }
            case .ingest:
                let path = databasePath
                defer { removeTemporary(path) }
                try IngestBench(data: URL(fileURLWithPath: data), rounds: rounds ?? 3, limit: limit)
                    .run(databasePath: path) { line in FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
            }
        }
    }

    /// `updesk bench [--quick]`: every benchmark, then the table.
    func summary() throws {
        let candidates = data.map { [$0] } ?? (ProcessInfo.processInfo.environment["UPDESK_EVAL"].map { [$0] } ?? Self.defaultEvalRoots)
        guard let root = candidates.first(where: {
            FileManager.default.fileExists(atPath: URL(fileURLWithPath: $0).appendingPathComponent("extraction").path)
        }) else {
            throw ValidationError("no evaluation folder with extraction/ and stories/ at \(candidates.joined(separator: " or ")): pass --data")
        }
        let path = databasePath
        defer {
            removeTemporary(path)
            removeTemporary(path + ".template")
        }
        let sample = "Samples/uci-news-headlines.jsonl"
        let bench = BenchSummary(root: URL(fileURLWithPath: root), plan: quick ? .quick : .full, databasePath: path,
                                 ingestStream: FileManager.default.fileExists(atPath: sample) ? sample : nil)
        let outcome = try bench.run { line in FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
        for line in outcome.lines { print(line) }
    }
}
