import DeskExtract
import DeskModel
@testable import DeskSources
import Foundation
import Testing

/// Hostile feeds, generated here: each is refused with a clear `FeedError` or parsed, in bounded CPU time, and
/// what reaches the desk from an entry (through `EntryDocument` and the extractor) has clean titles.
@Suite("Hostile feeds")
struct HostileFeedTests {
    /// CPU seconds one hostile feed may take in a debug build: about 3x the slowest case measured (the 20 MB
    /// title, linear but 14 s in a debug build on a loaded machine), far below what a quadratic or exponential
    /// path would take on these sizes (200,000 attributes through XMLParser alone took 21 s before the cap).
    static let cpuBudgetSeconds = 40.0

    static func cpuSeconds<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        func now() -> Double {
            var ts = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
            return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
        }
        let start = now()
        let result = try body()
        return (result, now() - start)
    }

    static func rss(items: String, preamble: String = "") -> Data {
        Data("""
            <?xml version="1.0" encoding="UTF-8"?>\(preamble)
            <rss version="2.0"><channel><title>Hostile</title><link>https://example.org/</link>
            \(items)
            </channel></rss>
            """.utf8)
    }

    static func item(_ title: String, _ n: Int = 1) -> String {
        "<item><guid>https://example.org/\(n)</guid><title>\(title)</title><description>The council met on Tuesday.</description></item>"
    }

    static var cases: [(String, Data)] {
        var out: [(String, Data)] = []
        out.append(("billion laughs", rss(items: item("&lol9;"), preamble: """
            <!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
            <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
            <!ENTITY lol9 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
            """)))
        out.append(("external entity (file)", rss(items: item("&xxe;"), preamble: "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>")))
        out.append(("external parameter entity", rss(items: item("x"), preamble: "<!DOCTYPE rss [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/x.dtd\"> %p;]>")))
        out.append(("external DTD only", rss(items: item("x"), preamble: "<!DOCTYPE rss SYSTEM \"http://127.0.0.1:9/rss.dtd\">")))
        out.append(("100,000-deep nesting", rss(items: "<item><title>Deep</title><description>" + String(repeating: "<a>", count: 100_000)
            + String(repeating: "</a>", count: 100_000) + "</description></item>")))
        var attributes = "<item"
        for i in 0..<200_000 { attributes += " a\(i)=\"\(i)\"" }
        out.append(("200,000 attributes on one element", rss(items: attributes + "><title>Attrs</title></item>")))
        out.append(("a 20 MB title on one line", rss(items: item(String(repeating: "word ", count: 4_000_000)))))
        var invalid = Array(rss(items: item("Bad bytes")))
        invalid.insert(contentsOf: [0xC0, 0xAF, 0xE0, 0x80, 0xAF, 0xED, 0xA0, 0x80, 0xFE], at: invalid.count - 30)
        out.append(("invalid UTF-8 and overlong encodings", Data(invalid)))
        var nul = Array(rss(items: item("Nul title")))
        nul.insert(0, at: nul.count - 40)
        out.append(("a NUL byte", Data(nul)))
        out.append(("right-to-left overrides in titles", rss(items: item("Invoice \u{202E}fdp.exe\u{202C} paid"))))
        out.append(("JSON Feed nested 100,000 deep", Data(("{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"x\", \"items\": [{\"id\": \"1\", \"title\": \"t\", \"extra\": "
            + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}]}").utf8)))
        return out
    }

    @Test("each hostile feed is refused with a reason or parsed, in bounded time; entry titles reach the desk clean")
    func hostileFeeds() {
        var table: [String] = []
        for (name, data) in Self.cases {
            let (result, seconds) = Self.cpuSeconds { Result { () throws(FeedError) -> Feed in try FeedParser.parse(data) } }
            #expect(seconds < Self.cpuBudgetSeconds, "\(name): \(seconds) s")
            switch result {
            case .failure(let error):
                #expect(!error.message.isEmpty)
                table.append(String(format: "%-40@ refused  %.2f s  %@", name as NSString, seconds, error.message as NSString))
            case .success(let feed):
                table.append(String(format: "%-40@ parsed   %.2f s  %d entries", name as NSString, seconds, feed.entries.count))
                for entry in feed.entries {
                    let doc = EntryDocument.document(for: entry, id: "e", feedURL: "https://example.org/feed", source: nil, fullPage: nil)
                    let title = Extractor().extract(doc).title ?? ""
                    #expect(!title.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || $0.value < 0x20 },
                            "\(name): \(title.prefix(80).debugDescription)")
                }
            }
        }
        // The entity attacks must be refused outright, never expanded, and so must an element with 200,000 attributes.
        for (name, data) in Self.cases.prefix(3) + Self.cases.filter({ $0.0.contains("attributes") }) {
            #expect(throws: FeedError.self, "\(name)") { try FeedParser.parse(data) }
        }
        print("hostile feeds:\n" + table.joined(separator: "\n"))
    }
}
