import Foundation
import Testing
@testable import DeskLanguage

@Suite struct SnowballStemmerTests {
    @Test func englishStems() throws {
        let s = try #require(SnowballStemmer(language: "en"))
        #expect(s.stems("Running negotiations ratified agreements") == ["run", "negoti", "ratifi", "agreement"])
    }

    @Test func otherLanguagesAndUnknownOnes() throws {
        #expect(try #require(SnowballStemmer(language: "german")).stem("häuser") == "haus")
        #expect(try #require(SnowballStemmer(language: "fr")).stem("continuellement") == "continuel")
        #expect(SnowballStemmer(language: "klingon") == nil)
        #expect(SnowballStemmer.languages.count >= 20)
    }

    @Test func oneStemmerPerThread() async {
        // Each task makes its own stemmer (the C stemmer is not thread-safe).
        let results = await withTaskGroup(of: String.self) { group in
            for _ in 0..<8 { group.addTask { SnowballStemmer(language: "en")!.stems("connections connected").joined(separator: " ") } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0 == "connect connect" })
    }

    @Test func oddInputIsReturnedAsIs() throws {
        let s = try #require(SnowballStemmer(language: "en"))
        #expect(s.stem("") == "")
        let long = String(repeating: "a", count: 1000)
        #expect(s.stem(long) == long)
        #expect(s.stem("東京") == "東京")
    }
}
