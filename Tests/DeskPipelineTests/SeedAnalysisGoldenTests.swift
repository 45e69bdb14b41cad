import DeskExtract
import DeskLanguage
import DeskModel
import DeskPipeline
import Foundation
import Testing

/// The seed article's language analysis, given a publication date of 2023-02-20, pinned as a golden file
/// (`Golden/seed-analysis.json`; re-record with `UPDESK_RECORD_GOLDEN=1` and review the diff).
@Suite("Seed analysis")
struct SeedAnalysisGoldenTests {
    static func analyzeSeed(published: String? = "2023-02-20") throws -> AnalysisRendering.Report {
        var article = try SeedGoldenTests.extractSeed()
        if let p = published { article.published = Sourced(TimexEval.parseDay(p)!, from: "test") }
        return AnalysisRendering.report(LanguageAnalyzer().analyze(article))
    }

    @Test("the seed's analysis matches its golden file")
    func golden() throws {
        try Golden.check(try AnalysisRendering.json([try Self.analyzeSeed()]), "seed-analysis.json")
    }

    @Test("roles, time-bound roles, resolved times, quotes and numbers of the seed")
    func facts() throws {
        let r = try Self.analyzeSeed()
        let entities = r.sentences.flatMap(\.entities)
        let netanyahu = try #require(entities.first { $0.key == "benjamin netanyahu" && $0.role != nil })
        #expect(netanyahu.role == "Israeli Prime Minister" && netanyahu.roleQualifier == nil)
        let lapid = try #require(entities.first { $0.key == "yair lapid" })
        #expect(lapid.role == "Prime Minister" && lapid.roleQualifier == "then")
        #expect(entities.first { $0.key == "benny gantz" }?.roleQualifier == "then")
        #expect(entities.filter { $0.text == "Kishida" }.allSatisfy { $0.key == "fumio kishida" })
        // "Jerusalem and Tokyo agreed", "Tokyo announced": the governments, linked to their countries; "a terrorist
        // in Jerusalem": the city.
        let agreed = try #require(r.sentences.first { $0.text.hasPrefix("Jerusalem and Tokyo agreed") })
        #expect(agreed.entities.filter { ["Jerusalem", "Tokyo"].contains($0.text) }.map(\.key) == ["country:IL", "country:JP"])
        #expect(entities.contains { $0.text == "Tokyo" && $0.key == "country:JP" })
        #expect(entities.contains { $0.text == "Jerusalem" && $0.key == "capital:IL" })
        let times = Dictionary(r.sentences.flatMap(\.times).map { ($0.text, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(times["Monday"] == "2023-02-20")
        #expect(times["November"] == "2022-11")
        #expect(times["Sept. 27"] == "2022-09-27")
        #expect(times["The following month"] == "2022-09")
        #expect(times["2023"] == "2023")
        let quotes: [Quote] = r.sentences.flatMap { $0.quotes ?? [] }
        let quote = try #require(quotes.first)
        #expect(quote.speakerKey == "yair lapid")
        #expect(quote.text.hasPrefix("discounts for products"))
        let numbers: [NumberMention] = r.sentences.flatMap { $0.numbers ?? [] }
        #expect(numbers.contains { $0.value == 3 && $0.counts == "people" })
    }

    @Test("without a publication date the analysis says so and bounds it from the text's own dates")
    func noPublicationDate() throws {
        let r = try Self.analyzeSeed(published: nil)
        #expect(r.published == nil)
        #expect(r.publicationNote?.contains("no publication date") == true)
        #expect(r.publicationNotBefore == "2023")
        let monday = r.sentences.flatMap(\.times).first { $0.text == "Monday" }
        #expect(monday?.value.hasPrefix("XXXX") == true)
    }

    @Test("updesk analyze prints JSON and a readable view")
    func cli() throws {
        let json = try CLIRun.run(["analyze", "--format", "json", "--published", "2023-02-20", Paths.seed.path])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["published"] as? String == "2023-02-20")
        #expect((object["sentences"] as? [Any])?.isEmpty == false)
        let text = try CLIRun.run(["analyze", Paths.seed.path])
        #expect(text.status == 0)
        #expect(text.stdout.contains("published: unknown (no publication date given"))
        #expect(text.stdout.contains("role: then Prime Minister"))
        let bad = try CLIRun.run(["analyze", "--published", "yesterday", Paths.seed.path])
        #expect(bad.status != 0)
    }
}
