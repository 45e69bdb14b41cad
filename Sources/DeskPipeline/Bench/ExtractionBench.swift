import DeskExtract
import Foundation

/// `updesk bench extraction`: HTML extraction speed on one core. Pages are read and decompressed before any
/// timing; then parsing alone and full extraction each run whole rounds over all pages until `minSeconds`.
public struct ExtractionBench: Sendable {
    /// Each timed phase runs at least this long (and at least `minRounds` rounds), so that short runs do not
    /// measure warm-up: 3 s over ~90 pages is 15+ rounds at the speeds we aim at.
    public static let minSeconds = 3.0
    public static let minRounds = 3

    public struct Report: Sendable {
        public var pages: Int
        public var bytes: Int
        public var parseMsPerPage: Double
        public var extractMsPerPage: Double
        public var totalMsPerPage: Double
        public var pagesPerSecond: Double
        public var megabytesPerSecond: Double
        public var peakRSSMegabytes: Double
        /// Pages per second by the wall clock (lower than `pagesPerSecond` when other processes share the core).
        public var wallPagesPerSecond: Double

        /// Per-stage lines, then the summary line last.
        public var lines: [String] {
            [
                "pages=\(pages) bytes=\(bytes)",
                String(format: "parse_ms_per_page=%.3f", parseMsPerPage),
                String(format: "extract_ms_per_page=%.3f (after parsing)", extractMsPerPage),
                String(format: "total_ms_per_page=%.3f", totalMsPerPage),
                String(format: "wall_clock_pages_per_s=%.0f (figures above and below: thread CPU time)", wallPagesPerSecond),
                String(format: "pages_per_s=%.0f MB_per_s=%.1f peak_rss_mb=%.0f", pagesPerSecond, megabytesPerSecond,
                       peakRSSMegabytes),
            ]
        }
    }

    public var data: URL
    /// Exactly this many timed rounds per phase instead of `minSeconds` (for counting instructions with perf stat).
    public var fixedRounds: Int?

    public init(data: URL, fixedRounds: Int? = nil) {
        self.data = data
        self.fixedRounds = fixedRounds
    }

    /// DIR/html/*.html.gz (or plain *.html), decompressed.
    public func loadPages() throws -> [String] {
        let folder = data.appendingPathComponent("html")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            throw EvalError.missing(folder.path)
        }
        var pages: [String] = []
        for name in names.sorted() where name.hasSuffix(".html.gz") || name.hasSuffix(".html") {
            guard var raw = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else { continue }
            if Gzip.isGzip(raw) {
                guard let inflated = try? Gzip.decompress(raw, limit: InputLimits.maxDocumentBytes) else { continue }
                raw = inflated
            }
            pages.append((try? TextDecoding.decode(raw)) ?? String(decoding: raw, as: UTF8.self))
        }
        return pages
    }

    public func run() throws -> Report {
        let pages = try loadPages()
        guard !pages.isEmpty else { throw EvalError.missing(data.appendingPathComponent("html/*.html.gz").path) }
        let bytes = pages.reduce(0) { $0 + $1.utf8.count }
        let extractor = HTMLExtractor()
        var sink = 0
        let parse = timeRounds {
            for p in pages { sink &+= extractor.parseOnly(p) }
        }
        let total = timeRounds {
            for (i, p) in pages.enumerated() { sink &+= extractor.extract(p, id: String(i)).paragraphs.count }
        }
        if sink == 42 { print("") }  // keeps the work observable
        let n = Double(pages.count)
        let parseMs = parse.seconds / Double(parse.rounds) / n * 1000
        let totalMs = total.seconds / Double(total.rounds) / n * 1000
        return Report(pages: pages.count, bytes: bytes, parseMsPerPage: parseMs, extractMsPerPage: totalMs - parseMs,
                      totalMsPerPage: totalMs, pagesPerSecond: 1000 / totalMs,
                      megabytesPerSecond: Double(bytes) * Double(total.rounds) / total.seconds / 1_000_000,
                      peakRSSMegabytes: Self.peakRSSMegabytes(),
                      wallPagesPerSecond: Double(pages.count * total.rounds) / total.wall)
    }

    /// Runs whole rounds; returns the thread's CPU seconds (what one core spends, unaffected by other processes
    /// sharing the machine), the wall-clock seconds, and the number of rounds.
    private func timeRounds(_ round: () -> Void) -> (seconds: Double, wall: Double, rounds: Int) {
        round()  // warm-up, untimed
        var rounds = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let cpuStart = Self.threadCPUSeconds()
        var elapsed = 0.0
        while fixedRounds.map({ rounds < $0 }) ?? (rounds < Self.minRounds || elapsed < Self.minSeconds) {
            round()
            rounds += 1
            elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        return (Self.threadCPUSeconds() - cpuStart, elapsed, rounds)
    }

    static func threadCPUSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Peak resident set size (getrusage's ru_maxrss: kilobytes on Linux, bytes on macOS).
    public static func peakRSSMegabytes() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
        #else
        getrusage(RUSAGE_SELF, &usage)
        return Double(usage.ru_maxrss) / 1024 / 1024
        #endif
    }
}
