import DeskExtract
import DeskModel
import DeskPipeline
import Foundation
import Testing

/// The stores write articles with `StoredArticleJSON`; it must write exactly what Foundation's encoder writes.
@Suite("Stored article JSON")
struct StoredArticleJSONTests {
    static func foundation(_ a: Article) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try! encoder.encode(a), as: UTF8.self)
    }

    @Test("real pages and scrapes: the same bytes as JSONEncoder, and JSONDecoder reads them back")
    func realArticles() throws {
        let extractor = Extractor()
        var articles: [Article] = []
        for (folder, kind) in [("eval/extraction/html", InputKind.html), ("eval/scrapes", .text)] {
            InputReader().read(paths: [Paths.shared.appendingPathComponent(folder).path]) { item in
                if case .document(var doc) = item {
                    doc.kind = kind
                    articles.append(extractor.extract(doc))
                }
            }
        }
        #expect(articles.count >= 180)
        #expect(articles.contains { $0.published != nil } && articles.contains { $0.blockKinds != nil })
        for a in articles {
            let ours = StoredArticleJSON.encode(a)
            #expect(ours == Self.foundation(a), "\(a.id)")
            #expect(try JSONDecoder().decode(Article.self, from: Data(ours.utf8)) == a, "\(a.id)")
        }
    }

    @Test("every control character, quotes, slashes, non-ASCII text and odd dates: the same bytes as JSONEncoder")
    func hostileValues() throws {
        var rng = SeededRandom(seed: 7)
        let pieces = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }
            + ["\"", "\\", "/", "\u{7F}", "é", "\u{2028}", "\u{2029}", "\u{202E}", "🙂", "e\u{301}", "\u{FEFF}", "日本", " ", "a", "</script>"]
        func text() -> String { (0..<Int(rng.next() % 12)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined() }
        let dates: [Double] = [0, -1, 1.5, 725_846_400, 725_846_400.123, -978_307_200, 1e-3, 123_456_789.000_001, 4e9, 9.99e14,
                               1e16, -5e15, 1e-7]
        for i in 0..<400 {
            var a = Article(id: text(), kind: i % 2 == 0 ? .html : .text)
            if rng.next() % 2 == 0 { a.url = text() }
            if rng.next() % 2 == 0 { a.canonicalURL = text() }
            if rng.next() % 2 == 0 { a.source = text() }
            if rng.next() % 2 == 0 { a.title = text() }
            if rng.next() % 2 == 0 { a.standfirst = text() }
            if rng.next() % 2 == 0 { a.byline = text() }
            if rng.next() % 2 == 0 { a.language = text() }
            if rng.next() % 2 == 0 { a.published = Sourced(Date(timeIntervalSinceReferenceDate: dates[i % dates.count]), from: text()) }
            if rng.next() % 2 == 0 { a.modified = Sourced(Date(timeIntervalSinceReferenceDate: dates[(i + 5) % dates.count]), from: text()) }
            a.tags = (0..<Int(rng.next() % 3)).map { _ in text() }
            a.paragraphs = (0..<Int(rng.next() % 4)).map { _ in text() }
            if rng.next() % 3 == 0 { a.blockKinds = a.paragraphs.map { _ in [.paragraph, .subhead, .listItem, .orderedItem, .quote][Int(rng.next() % 5)] } }
            a.captions = (0..<Int(rng.next() % 3)).map { _ in Caption(text: text(), credit: rng.next() % 2 == 0 ? text() : nil) }
            a.removed = (0..<Int(rng.next() % 3)).map { _ in Removal(text: text(), reason: RemovalReason.allCases[Int(rng.next() % 16)]) }
            #expect(StoredArticleJSON.encode(a) == Self.foundation(a), "article \(i)")
        }
    }
}
