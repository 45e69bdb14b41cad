import Foundation
import Testing
@testable import DeskExtract

/// Pages in legacy charsets, written by scripts/make-charset-fixtures.py; each must decode to the text a
/// reader sees (no mojibake), whether the charset is declared, declared wrongly, or not declared at all.
@Suite("Charset decoding")
struct CharsetDecodingTests {
    struct Case: Decodable, CustomTestStringConvertible, Sendable {
        let file: String
        let codec: String
        let http: String?
        let title: String
        let body: String
        var testDescription: String { file }
    }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/charsets")

    static let cases: [Case] = {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("manifest.json")) else { return [] }
        return (try? JSONDecoder().decode([Case].self, from: data)) ?? []
    }()

    @Test func manifestIsThere() {
        #expect(Self.cases.count >= 30)
    }

    @Test(arguments: cases)
    func decodesTitleAndBody(_ fixture: Case) throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent(fixture.file))
        let text = try TextDecoding.decode(data, declared: fixture.http)
        #expect(text.contains("<title>\(fixture.title)</title>"))
        #expect(text.contains(fixture.body))
        #expect(!text.contains("\u{FFFD}"))
    }

    @Test(arguments: cases)
    func extractedArticleIsReadable(_ fixture: Case) throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent(fixture.file))
        let article = HTMLExtractor().extract(try TextDecoding.decode(data, declared: fixture.http), id: fixture.file)
        #expect(article.title == Text.collapse(fixture.title))  // the ideographic space collapses like any other
        #expect(article.body.contains(fixture.body))
    }

    @Test func extractedTitleIsReadable() throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("undeclared-shift_jis.html"))
        let text = try TextDecoding.decode(data)
        #expect(text.contains("東京で桜が満開に"))
    }

    @Test func guessesAreNoted() throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("undeclared-euc-kr.html"))
        let result = try TextDecoding.decodeReporting(data)
        #expect(result.fallback?.contains("not valid UTF-8") == true)
        let utf8 = try TextDecoding.decodeReporting(Data("<p>déjà vu</p>".utf8))
        #expect(utf8.fallback == nil)
    }

    @Test func latinTextWithoutDeclarationIsWindows1252() throws {
        let bytes: [UInt8] = Array("Caf".utf8) + [0xE9] + Array(" cr".utf8) + [0xE8] + Array("me ".utf8) + [0x93] + Array("ok".utf8) + [0x94]
        #expect(try TextDecoding.decode(Data(bytes)) == "Café crème “ok”")
    }

    @Test func utf8WithAStrayWindows1252ByteKeepsItsUTF8() throws {
        let bytes = Array("<p>Zoë said “hello” in Kraków".utf8) + [0x92] + Array("s old town.</p>".utf8)
        let result = try TextDecoding.decodeReporting(Data(bytes))
        #expect(result.text == "<p>Zoë said “hello” in Kraków’s old town.</p>")
        #expect(result.fallback != nil)
    }

    /// A real page is mostly ASCII markup around little text; the guess must not drown in it.
    @Test(arguments: ["undeclared-euc-kr.html", "undeclared-shift_jis.html", "undeclared-gb18030.html", "undeclared-big5.html",
                      "undeclared-windows-1252.html", "undeclared-euc-jp.html"])
    func guessSurvivesHeavyMarkup(_ file: String) throws {
        let fixture = try #require(Self.cases.first { $0.file == file })
        let page = try Data(contentsOf: Self.folder.appendingPathComponent(file))
        let markup = Data(String(repeating: "<div class=\"nav-item\"><a href=\"/section/news?page=2&amp;ref=top\">News</a></div>\n", count: 400).utf8)
        let text = try TextDecoding.decode(markup + page + markup)
        #expect(text.contains(fixture.body))
    }

    @Test func labels() {
        #expect(Charset(label: "ISO-8859-1") == .windows1252)
        #expect(Charset(label: " \"Shift_JIS\" ") == .shiftJIS)
        #expect(Charset(label: "gb2312") == .gb18030)
        #expect(Charset(label: "ks_c_5601-1987") == .eucKR)
        #expect(Charset(label: "iso8859-15") == .iconv("ISO-8859-15"))
        #expect(Charset(label: "cp1251") == .windows1251)
        #expect(Charset(label: "windows-1252") == .windows1252)
        #expect(Charset(label: "no-such-charset") == nil)
    }

    @Test func declarations() {
        #expect(CharsetDeclaration.meta(in: Array(#"<head><meta http-equiv="content-type" content="text/html;charset=EUC-KR" />"#.utf8)) == "euc-kr")
        #expect(CharsetDeclaration.meta(in: Array("<!-- <meta charset=big5> --><meta charset=utf-8>".utf8)) == "utf-8")
        #expect(CharsetDeclaration.meta(in: Array(#"<script>var s = "charset=koi8-r";</script>"#.utf8)) == nil)
        #expect(CharsetDeclaration.xml(in: Array(#"<?xml version="1.0" encoding='windows-1251'?><html>"#.utf8)) == "windows-1251")
        #expect(CharsetDeclaration.charsetParameter(in: "text/html; Charset=\"Shift_JIS\"") == "shift_jis")
    }
}
