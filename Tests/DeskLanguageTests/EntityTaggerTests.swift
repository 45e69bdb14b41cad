import Foundation
import Testing
@testable import DeskLanguage
import DeskModel

@Suite struct EntityTaggerTests {
    let tagger = EntityTagger()

    func keys(_ s: String) -> [String] {
        tagger.tag(s).map { "\($0.kind.rawValue):\($0.text)=\($0.key)" }
    }

    @Test func seedSentenceOne() {
        let s = "Israeli Prime Minister Benjamin Netanyahu spoke on Monday with his Japanese counterpart Fumio Kishida, who extended condolences for last week's murder of seven people."
        #expect(keys(s) == [
            "MISC:Israeli=country:IL", "PER:Benjamin Netanyahu=benjamin netanyahu",
            "MISC:Japanese=country:JP", "PER:Fumio Kishida=fumio kishida",
        ])
    }

    @Test func seedSentenceTwo() {
        #expect(keys("On Sept. 27, it ratified a free trade agreement with South Korea.") == ["LOC:South Korea=country:KR"])
    }

    @Test func seedSentenceThree() {
        let s = "The following month, Tokyo announced plans to deploy Israeli- and U.S.-made attack drones in 2023 to defend isolated islands."
        // "Tokyo announced": the capital stands for Japan's government.
        #expect(keys(s) == ["LOC:Tokyo=country:JP", "MISC:Israeli=country:IL", "LOC:U.S.=country:US"])
    }

    /// Capitals that act (agree, announce, warn, a possessive of government) are their countries; capitals as
    /// places keep their own key. Both the model path and the rule tagger apply it.
    @Test(arguments: [true, false]) func capitalsStandingForTheirGovernments(model: Bool) {
        func keyed(_ s: String) -> [String] {
            (model ? tagger.tag(s) : RuleEntityTagger().tag(s)).filter { $0.key.contains(":") }.map { "\($0.text)=\($0.key)" }
        }
        #expect(keyed("Jerusalem and Tokyo agreed in November to move towards signing a free trade agreement.")
                == ["Jerusalem=country:IL", "Tokyo=country:JP"])
        #expect(keyed("Moscow has repeatedly warned against the deal.") == ["Moscow=country:RU"])
        #expect(keyed("Paris, Berlin and Rome signed the accord.") == ["Paris=country:FR", "Berlin=country:DE", "Rome=country:IT"])
        #expect(keyed("Beijing's response was swift.") == ["Beijing=country:CN"])
        #expect(keyed("Officials in Tokyo said the talks would resume.") == ["Tokyo=capital:JP"])
        #expect(keyed("Three people were murdered by a terrorist in Jerusalem last week.") == ["Jerusalem=capital:IL"])
        #expect(keyed("Tokyo is a city of 14 million people.") == ["Tokyo=capital:JP"])
        #expect(keyed("Beijing's skyline was hidden by smog.") == ["Beijing=capital:CN"])
    }

    @Test func organisations() {
        #expect(keys("Shares of Elbit Systems and Israel Aerospace Industries rose, the Defense Ministry said.")
                == ["ORG:Elbit Systems=elbit systems", "ORG:Israel Aerospace Industries=israel aerospace industries",
                    "ORG:Defense Ministry=defense ministry"])
        #expect(keys("He studied at the University of Tokyo before joining NATO.")
                == ["ORG:University of Tokyo=university of tokyo", "ORG:NATO=nato"])
    }

    @Test func titlesAreDropped() {
        #expect(keys("Mr. Kishida met President Joe Biden.") == ["PER:Kishida=kishida", "PER:Joe Biden=joe biden"])
    }
}

@Suite struct LanguageAnalyzerTests {
    @Test func linksLastNamesToFullNamesAndResolvesTimes() {
        let published = Sourced(TimexEval.parseDay("2023-01-30")!, from: "test")
        let article = Article(id: "a1", kind: .text, title: "Netanyahu speaks with Kishida", published: published, paragraphs: [
            "Israeli Prime Minister Benjamin Netanyahu spoke on Monday with his Japanese counterpart Fumio Kishida, who extended condolences for last week's murder of seven people.",
            "On Sept. 27, it ratified a free trade agreement with South Korea. The following month, Tokyo announced plans to deploy Israeli- and U.S.-made attack drones in 2023 to defend isolated islands.",
            "Netanyahu thanked Kishida. \"We are grateful,\" Mr. Netanyahu said.",
        ])
        let analyzed = LanguageAnalyzer().analyze(article)
        #expect(analyzed.sentences.count == 5)
        #expect(analyzed.sentences[2].times.map(\.value) == ["2022-10", "2023"])
        let last = analyzed.sentences[3].entities
        #expect(last.map(\.key) == ["benjamin netanyahu", "fumio kishida"])
        #expect(last.allSatisfy { $0.kind == .person })
        #expect(analyzed.sentences[4].entities.map(\.key) == ["benjamin netanyahu"])
        let terms = analyzed.sentences.flatMap(\.terms)
        #expect(terms.contains("drone") || terms.contains("dron"))
    }

    @Test func analysisIsFast() {
        let text = "Israeli Prime Minister Benjamin Netanyahu spoke on Monday with his Japanese counterpart Fumio Kishida, who extended condolences for last week's murder of seven people. On Sept. 27, it ratified a free trade agreement with South Korea. The following month, Tokyo announced plans to deploy Israeli- and U.S.-made attack drones in 2023 to defend isolated islands."
        let article = Article(id: "a", kind: .text, published: Sourced(Date(timeIntervalSince1970: 1_675_036_800), from: "t"),
                              paragraphs: Array(repeating: text, count: 100))
        let start = Date()
        let analyzed = LanguageAnalyzer().analyze(article)
        let perSentence = Date().timeIntervalSince(start) / Double(analyzed.sentences.count)
        print("analysis: \(String(format: "%.3f", perSentence * 1000)) ms per sentence (debug build)")
        #expect(analyzed.sentences.count == 300)
        // Debug build, often under parallel test load; the statistical entity tagger, quotes and numbers (issue 4)
        // made it ~3 ms alone and up to ~7 ms beside other suites. Release speed: `updesk eval ner` prints words/s.
        #expect(perSentence < 0.012)
    }
}

@Suite struct EntityKeyTests {
    let tagger = EntityTagger()

    @Test func organisationKeysDropLegalForms() {
        let e = tagger.tag("Apple Inc. and Microsoft Corp. shares fell after the United Nations report.")
        #expect(e.map(\.key) == ["apple", "microsoft", "united nations"])
        #expect(e.allSatisfy { $0.kind == .organization })
    }

    @Test func placesAndCountriesGetKeys() {
        let e = tagger.tag("Saudi Crown Prince Mohammed bin Salman hosted Russian President Vladimir Putin in Riyadh and later flew to New York.")
        #expect(e.map(\.key) == ["country:SA", "mohammed bin salman", "country:RU", "vladimir putin", "capital:SA", "us-state:NY"])
    }

    @Test func timeZonesAreNotEntities() {
        #expect(tagger.tag("The vote closes at 5 p.m. EST on Friday.").isEmpty)
    }
}

@Suite struct EntityLinkerTests {
    @Test func acronymsTakeTheKeyOfTheirName() {
        let article = Article(id: "w", kind: .text, paragraphs: [
            "Officials at the World Health Organization (WHO) said the outbreak was over.",
            "The WHO will review the data.",
        ])
        let a = LanguageAnalyzer().analyze(article)
        let keys = a.sentences.flatMap { $0.entities.filter { $0.text == "WHO" }.map(\.key) }
        #expect(keys == ["world health organization", "world health organization"])
    }
}
