import DeskExtract
import DeskModel
import DeskStore
import Foundation

/// `updesk bench ingest`: end-to-end ingest speed, from raw documents to stored stories and updates, on every
/// core (extract and analyze run in parallel, place and store in arrival order), then the same documents once
/// more on one thread with each stage timed apart (thread CPU time) to show where the time goes.
///
/// DATA is either an extraction set (`DATA/html/*.html.gz`: raw HTML pages, read from disk as `updesk ingest`
/// reads them) or a story stream (`eval/stories`, `eval/timelines`: records held in memory, so no read stage).
public struct IngestBench: Sendable {
    public var data: URL
    /// End-to-end rounds, each into a fresh database; the best is reported (the others were slowed by load).
    public var rounds: Int
    /// At most this many documents of a story stream (0: all).
    public var limit: Int

    public init(data: URL, rounds: Int = 3, limit: Int = 0) {
        self.data = data
        self.rounds = max(1, rounds)
        self.limit = limit
    }

    /// What one stage costs per article, in milliseconds of one core.
    public struct StageTimes: Sendable {
        public var read = 0.0, parse = 0.0, extract = 0.0, analyze = 0.0, place = 0.0, store = 0.0
        public var total: Double { read + parse + extract + analyze + place + store }
    }

    /// The figures the report lines print, for summaries (`updesk bench` without a task).
    public struct Result: Sendable {
        /// Best end-to-end rate over the rounds (wall clock, all cores).
        public var articlesPerSecond: Double
        public var documents: Int
        public var stages: StageTimes
        public var peakRSSMegabytes: Double
    }

    @discardableResult
    public func run(databasePath: String, report: (String) -> Void) throws -> Result {
        let htmlFolder = data.appendingPathComponent("html")
        var paths: [String] = []
        var documents: [RawDocument] = []
        if let names = try? FileManager.default.contentsOfDirectory(atPath: htmlFolder.path) {
            paths = names.sorted().filter { $0.hasSuffix(".html.gz") || $0.hasSuffix(".html") }
                .map { htmlFolder.appendingPathComponent($0).path }
            report("documents=\(paths.count) raw HTML pages read from \(htmlFolder.path) (read, gunzip and decode are timed)")
        } else {
            documents = try StoryEval(data: data).stream().documents
            if limit > 0 { documents = Array(documents.prefix(limit)) }
            report("documents=\(documents.count) records of a story stream, held in memory (no read stage)")
        }
        let count = paths.isEmpty ? documents.count : paths.count
        guard count > 0 else { throw EvalError.missing(data.path) }

        // End to end, all cores, wall clock.
        var best = 0.0
        for round in 1...rounds {
            let store = try Self.freshStore(databasePath)
            let ingestor = Ingestor(store: store)
            let cpu0 = Self.processCPUSeconds()
            let t0 = DispatchTime.now().uptimeNanoseconds
            let result = paths.isEmpty ? try ingestor.ingest(documents: documents) : try ingestor.ingest(paths: paths)
            let wall = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
            let cpu = Self.processCPUSeconds() - cpu0
            let counts = try store.counts()
            let rate = Double(result.seen) / wall
            best = max(best, rate)
            report(String(format: "round %d: articles_per_s=%.0f wall_s=%.2f cpu_s=%.2f (%.2f cores busy) stored=%d copies=%d stories=%d updates=%d",
                          round, rate, wall, cpu, cpu / wall, result.stored, result.duplicates, counts.stories, counts.updates))
        }

        // The same work on one thread, stage by stage.
        let stages = try stageTimes(paths: paths, documents: documents, databasePath: databasePath)
        let parts: [(String, Double)] = [("read", stages.read), ("parse", stages.parse), ("extract", stages.extract),
                                         ("analyze", stages.analyze), ("place", stages.place), ("store", stages.store)]
        report("stages, ms per article on one core (thread CPU): "
            + parts.map { String(format: "%@=%.2f (%.0f%%)", $0.0 as NSString, $0.1, 100 * $0.1 / max(stages.total, 1e-9)) }.joined(separator: " "))
        report(String(format: "single_core_articles_per_s=%.0f (1000 / total %.2f ms)", 1000 / max(stages.total, 1e-9), stages.total))
        let peak = ExtractionBench.peakRSSMegabytes()
        report(String(format: "articles_per_s=%.0f (best of %d rounds, end to end, wall clock, all cores) peak_rss_mb=%.0f",
                      best, rounds, peak))
        return Result(articlesPerSecond: best, documents: count, stages: stages, peakRSSMegabytes: peak)
    }

    func stageTimes(paths: [String], documents: [RawDocument], databasePath: String) throws -> StageTimes {
        var times = StageTimes()
        var docs = documents
        if !paths.isEmpty {
            let t = StageClock.threadSeconds()
            InputReader().read(paths: paths) { item in if case .document(let d) = item { docs.append(d) } }
            times.read = StageClock.threadSeconds() - t
        }
        let store = try Self.freshStore(databasePath)
        let ingestor = Ingestor(store: store)
        let html = HTMLExtractor()
        var sink = 0
        for doc in docs {
            var t = StageClock.threadSeconds()
            if doc.kind == .html {
                sink &+= html.parseOnly(doc.text)
                let p = StageClock.threadSeconds()
                times.parse += p - t
                t = p
            }
            let article = ingestor.extractor.extract(doc)
            var u = StageClock.threadSeconds()
            // Extraction parses again inside; the parse measured above is taken out of it.
            times.extract += u - t
            let analyzed = Ingestor.analyze(article, analyzer: ingestor.analyzer)
            t = StageClock.threadSeconds()
            times.analyze += t - u
            var placed = 0.0
            _ = try store.write { tx in
                let s = StageClock.threadSeconds()
                let placement = try ingestor.placer.place(analyzed, memory: tx, now: Date())
                placed = StageClock.threadSeconds() - s
                let outcome = try tx.apply(placement, to: analyzed, ingestedAt: Date())
                let r = StageClock.threadSeconds()
                ingestor.placer.stored(outcome, placement: placement, analyzed: analyzed)
                placed += StageClock.threadSeconds() - r
                return outcome
            }
            u = StageClock.threadSeconds()
            times.place += placed
            times.store += (u - t) - placed
        }
        if sink == 42 { print("") }
        times.extract -= times.parse
        let n = Double(max(docs.count, 1)) / 1000
        return StageTimes(read: times.read / n, parse: times.parse / n, extract: times.extract / n, analyze: times.analyze / n,
                          place: times.place / n, store: times.store / n)
    }

    static func freshStore(_ path: String) throws -> SQLiteStore {
        for ext in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + ext) }
        return try SQLiteStore(path: path)
    }

    /// User plus system CPU time of the whole process (all threads).
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }
}
