import Foundation
import Testing
@testable import DeskLanguage
import DeskModel

/// Hostile text for the language stage: bounded time, a sensible result, never a crash.
@Suite struct LanguageBadInputTests {
    func analyze(_ paragraphs: [String]) -> (AnalyzedArticle, TimeInterval) {
        let article = Article(id: "bad", kind: .text, published: Sourced(Date(timeIntervalSince1970: 1_676_851_200), from: "t"),
                              paragraphs: paragraphs)
        let start = Self.threadCPUSeconds()
        let a = LanguageAnalyzer().analyze(article)
        return (a, Self.threadCPUSeconds() - start)
    }

    /// CPU time of the calling thread: the analysis runs on it, and unlike the wall clock this does not
    /// count the time other suites (or other programs on a shared machine) take the cores.
    static func threadCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// Generous bound in CPU seconds for a debug build (about 1 s per 10k words measured alone): what
    /// matters is linear time (the quadratic step this caught took 100 s for 30k words).
    static let secondsPer10kWords = 4.0

    @Test func hugeParagraphWithoutPunctuation() {
        let words = ["the", "minister", "Kishida", "said", "on", "Monday", "that", "Tokyo", "and", "11", "people", "would", "meet", "in", "2023"]
        let text = (0..<30_000).map { words[$0 % words.count] }.joined(separator: " ")
        let (a, seconds) = analyze([text])
        #expect(a.sentences.count == 1)
        #expect(a.sentences[0].times.count > 0 && !a.sentences[0].entities.isEmpty)
        #expect(seconds < 3 * Self.secondsPer10kWords, "took \(seconds) s")
    }

    @Test func longUnbrokenTokenAndRepeatedQuotes() {
        let blob = String(repeating: "x", count: 200_000)
        let quotes = String(repeating: "\" ", count: 20_000)
        let (a, seconds) = analyze([blob, quotes, String(repeating: "“a ", count: 10_000)])
        #expect(a.sentences.count >= 3)
        #expect(seconds < 2 * Self.secondsPer10kWords, "took \(seconds) s")
    }

    @Test(arguments: [
        "東京で月曜日に岸田首相がネタニヤフ首相と電話会談した。死者は11人に増えた。",
        "ኢትዮጵያ ውስጥ ሰኞ ዕለት ስብሰባ ተካሂዷል።",
        "நேற்று சென்னையில் 11 பேர் உயிரிழந்தனர்.",
        "Путин заявил в понедельник, что 11 человек погибли. Putin said on Monday that 11 people died.",
        "Netanyahu a déclaré lundi: « Nous sommes reconnaissants. » He said on Monday the toll rose to 11.",
        "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝔪𝔞𝔱𝔥 ⁂ \u{202E}reversed\u{202C} zero\u{200B}width \u{FEFF}bom \u{0000}nul",
        "🇮🇱🇯🇵 👩‍👩‍👧 🏳️‍🌈 Israel and Japan 👍🏽.",
        "ال رئيس الوزراء الإسرائيلي بنيامين نتنياهو تحدث يوم الاثنين",
    ])
    func unknownScriptsAndMixedLanguages(_ text: String) {
        let (a, seconds) = analyze([text, text + " " + text])
        #expect(!a.sentences.isEmpty)
        #expect(seconds < 1)
        for s in a.sentences {
            let scalars = Array(s.text.unicodeScalars)
            for t in s.times { #expect(t.end <= scalars.count && String(String.UnicodeScalarView(scalars[t.start..<t.end])) == t.text) }
            for n in s.numbers ?? [] { #expect(n.end <= scalars.count && String(String.UnicodeScalarView(scalars[n.start..<n.end])) == n.text) }
        }
    }

    @Test func mixedLanguageEnglishPartStillAnalysed() {
        let (a, _) = analyze(["Путин заявил в понедельник. Putin said on Monday that the death toll rose to 11."])
        let english = a.sentences.last!
        #expect(english.times.map(\.value) == ["2023-02-20"])
        #expect(english.numbers?.first?.counts == "death toll")
    }
}
