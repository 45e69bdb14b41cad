import DeskExtract
import DeskModel
import DeskPipeline
import Foundation
import Testing

/// The seed article (a raw scrape) is the reference input: its extraction is pinned as a golden file.
@Suite("Seed article")
struct SeedGoldenTests {
    static func extractSeed() throws -> Article {
        let text = try String(contentsOf: Paths.seed, encoding: .utf8)
        return Extractor().extract(RawDocument(id: "seed-article", origin: Paths.seed.path, kind: InputKindSniffer.kind(of: text), text: text))
    }

    @Test("extraction of the seed matches its golden file")
    func golden() throws {
        let article = try Self.extractSeed()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try JSONSerialization.data(withJSONObject: try JSONSerialization.jsonObject(with: Data(ArticleJSON.line(article).utf8)),
                                                                 options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]), as: UTF8.self)
        try Golden.check(json + "\n", "seed-article.json")
    }

    @Test("the seed yields headline, standfirst, one credited caption, eight paragraphs, and no chrome in the body")
    func fields() throws {
        let a = try Self.extractSeed()
        #expect(a.kind == .text)
        #expect(a.title == "Israel, Japan agree to deepen economic, security ties")
        #expect(a.standfirst == "Israeli Prime Minister Benjamin Netanyahu spoke on Monday with his Japanese counterpart Fumio Kishida.")
        #expect(a.captions.count == 1)
        #expect(a.captions.first?.text == "Israeli and Japanese flags.")
        #expect(a.captions.first?.credit?.contains("Aritra Deb/Shutterstock") == true)
        #expect(a.paragraphs.count == 8)
        #expect(a.paragraphs.first?.hasPrefix("Israeli Prime Minister Benjamin Netanyahu spoke on Monday with his Japanese counterpart Fumio Kishida, who extended") == true)
        #expect(a.paragraphs.last?.hasSuffix("are expected to be deployed.") == true)
        let body = a.body
        for chrome in ["update desk", "You have read", "Register to receive", "Just before you scroll", "Become a part of our mission", "Never miss a thing", "Photo by"] {
            #expect(!body.contains(chrome), "body must not contain \(chrome)")
        }
        let removed = a.removed.map(\.text).joined(separator: "\n")
        for chrome in ["update desk", "You have read 3 articles this month.", "Register to receive full access to JNS.", "Become a part of our mission by donating today"] {
            #expect(removed.contains(chrome), "removed must list \(chrome)")
        }
        #expect(a.published == nil)
    }

    @Test("updesk extract --format jsonl writes one object per input with the documented fields")
    func cliJSONL() throws {
        let run = try CLIRun.run(["extract", "--format", "jsonl", Paths.seed.path])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        for key in ["id", "title", "standfirst", "byline", "published", "published_from", "modified", "modified_from", "language", "body", "captions", "removed"] {
            #expect(object.keys.contains(key), "missing \(key)")
        }
        #expect(object["id"] as? String == "seed-article")
    }
}
