import DeskModel
import Foundation
import Testing
@testable import DeskExtract

/// Issue 3's bad input at full size, through the whole extraction (the parser alone is covered by
/// `HTMLParserDifferentialTests`): 100,000-deep nesting, tens of megabytes of nested tags, and inputs over
/// the size limits. Each finishes in time linear in its size, in bounded memory, or is refused with a clear
/// reason before it is read.
@Suite("Huge and deep input")
struct HugeInputTests {
    /// CPU seconds (`threadCPUSeconds`). Debug builds (what `swift test` runs) are several times slower than
    /// release: these limits are generous for linear work and far below what quadratic work would take (hours
    /// at these sizes).
    static let maxSeconds = 60.0
    /// Peak memory may grow by at most this many bytes per input byte (the tree of a page of nested tags
    /// is a node per tag up to the depth cap; beyond it only a name per open tag is kept).
    static let maxBytesPerInputByte = 64

    static let prose = "Deep inside the page there is a paragraph, long enough to be prose, with commas, clauses, and words."

    static func peakRSSBytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024  // kilobytes on Linux
    }

    @Test("100,000-deep nesting, closed or not, mixed with formatting tags, is extracted")
    func hundredThousandDeep() {
        let depth = 100_000
        let closed = String(repeating: "<div>", count: depth) + "<p>\(Self.prose)</p>" + String(repeating: "</div>", count: depth)
        let unclosed = "<p>\(Self.prose)</p>" + String(repeating: "<div><span><b><i>", count: depth) + Self.prose
        let tables = String(repeating: "<table><tr><td>", count: depth) + Self.prose
        for (name, html) in [("closed", closed), ("unclosed", unclosed), ("tables", tables)] {
            let (article, seconds) = threadCPUSeconds { HTMLExtractor().extract(html, id: name) }
            #expect(seconds < Self.maxSeconds, "\(name): \(seconds) s")
            #expect(article.body.contains("Deep inside the page"), "\(name)")
        }
    }

    @Test("tens of megabytes of nested tags: linear time, bounded memory")
    func megabytesOfNestedTags() {
        func page(_ bytes: Int) -> String {
            let unit = "<div class=\"x\"><span>word, "
            return "<p>\(Self.prose)</p>" + String(repeating: unit, count: bytes / unit.utf8.count)
        }
        let small = page(2 << 20), large = page(16 << 20)
        let (_, smallSeconds) = threadCPUSeconds { HTMLExtractor().extract(small, id: "small") }
        let rssBefore = Self.peakRSSBytes()
        let (article, largeSeconds) = threadCPUSeconds { HTMLExtractor().extract(large, id: "large") }
        #expect(article.body.contains("Deep inside the page"))
        #expect(largeSeconds < Self.maxSeconds, "16 MB took \(largeSeconds) s")
        // 8× the input: linear work takes about 8× as long, quadratic 64×. 24× leaves room for noise.
        #expect(largeSeconds < 24 * max(smallSeconds, 0.05), "2 MB: \(smallSeconds) s, 16 MB: \(largeSeconds) s")
        let grown = Self.peakRSSBytes() - rssBefore
        #expect(grown < Self.maxBytesPerInputByte * large.utf8.count, "peak memory grew by \(grown >> 20) MB")
    }

    @Test("a gzip file that inflates past the document limit is refused, named, with the limit")
    func gzipBomb() throws {
        // 64 MB of nested tags, gzip-compressed to about 100 KB by the system's gzip.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("updesk-bomb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let plain = dir.appendingPathComponent("bomb.html")
        try Data(String(repeating: "<div><b>", count: 8 << 20).utf8).write(to: plain)
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gzip.arguments = ["-f", plain.path]
        try gzip.run()
        gzip.waitUntilExit()
        let path = plain.path + ".gz"
        #expect(FileManager.default.fileExists(atPath: path))

        var items: [InputReader.Item] = []
        InputReader().read(paths: [path]) { items.append($0) }
        guard items.count == 1, case .rejected(let error) = items[0] else {
            Issue.record("expected one rejection, got \(items.count) items"); return
        }
        #expect(error.reason == .tooLarge)
        #expect(error.message.contains("bomb.html.gz"))
        #expect(error.message.contains("\(InputLimits.maxDocumentBytes >> 20) MB"))
    }
}
