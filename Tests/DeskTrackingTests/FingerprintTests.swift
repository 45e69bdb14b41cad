import DeskLanguage
import DeskModel
@testable import DeskTracking
import Testing

@Suite("Fingerprints")
struct FingerprintTests {
    static let wire = """
        The central bank raised its main interest rate by a quarter point on Thursday, its fourth increase this year, \
        citing persistent inflation in services and a tight labour market. Officials signalled that further moves \
        would depend on data, and markets rallied on the news as bond yields fell across the curve.
        """

    @Test("words read byte-wise where text is ASCII are the words read Character by Character")
    func wordsDifferential() {
        // Pieces chosen for the edges: ASCII white space of every kind, CR LF, curly quotes, a combining accent
        // after an ASCII letter and after a space, precomposed letters, a final sigma, CJK, Arabic digits, emoji
        // with modifiers, no-break and other Unicode spaces.
        let pieces = ["Storm", "HITS", "coast", "2,500", "U.S.", " ", "  ", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}", "—", "’s", "“", "”",
                      "e\u{301}", " \u{301}x", "café", "ΟΔΟΣ", "東京", "٣٤", "👍🏽", "\u{A0}", "\u{2009}", "ǅ", "İ", "-", ".", "x",
                      // Clusters across ASCII white space: a vowel sign or ypogegrammeni after a space, a Prepend letter
                      // or sign before one (found by review; the first cut rule split them apart).
                      " \u{093F}x", "\u{0345}", "\u{0D4E} ", "\u{0600}", "ab "]
        var rng = SeededRandom(seed: 9)
        for _ in 0..<3_000 {
            let text = (0..<Int(rng.next() % 12)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            #expect(Fingerprint.words(text) == Fingerprint.wordsByCharacter(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(Fingerprint.words("Storm hits coast!  Thousands flee.") == ["storm", "hits", "coast", "thousands", "flee"])
    }

    @Test("the content hash ignores case, punctuation and white space, and nothing else")
    func contentHash() {
        let a = Fingerprint.contentHash(Fingerprint.words("Storm hits coast!  Thousands flee."))
        let b = Fingerprint.contentHash(Fingerprint.words("storm hits coast — thousands flee"))
        let c = Fingerprint.contentHash(Fingerprint.words("Storm hits coast. Hundreds flee."))
        #expect(a == b)
        #expect(a != c)
        #expect(a.count == 32)
    }

    @Test("a lightly edited copy stays within the near-duplicate distance and shares a band; other text does not")
    func simhash() {
        let original = Fingerprint.simhash(Fingerprint.words(Self.wire))
        let edited = Fingerprint.simhash(Fingerprint.words("UPDATE 1- " + Self.wire + " (Editing by J. Smith)"))
        let other = Fingerprint.simhash(Fingerprint.words("""
            Heavy rain flooded hundreds of homes in the river valley overnight, and emergency crews evacuated \
            residents from low-lying streets as the water kept rising into the morning hours across the region.
            """))
        #expect(Fingerprint.distance(original, edited) <= 12)
        #expect(Fingerprint.distance(original, other) > 20)
        #expect(Set(Fingerprint.bands(original)).count == 4)
    }

    @Test("TIMEX3 values become dates only when anchored and precise enough")
    func timeValues() {
        #expect(TimeValue.isTimelineDate("2022-09-27"))
        #expect(TimeValue.isTimelineDate("2022-11"))
        #expect(!TimeValue.isTimelineDate("2023"))
        #expect(!TimeValue.isTimelineDate("XXXX-09-27"))
        #expect(!TimeValue.isTimelineDate("2022-W47"))
        #expect(TimeValue.start(of: "2022-09-27") != nil)
        #expect(TimeValue.start(of: "XXXX-09") == nil)
    }
}

@Suite("Novelty")
struct NoveltyTests {
    static func analyzed(_ sentences: [String], published: Date? = nil, times: [Int: TimeRef] = [:]) -> AnalyzedArticle {
        var a = Article(id: "x", kind: .text, paragraphs: sentences)
        if let published { a.published = Sourced(published, from: "test") }
        return AnalyzedArticle(article: a, sentences: sentences.enumerated().map {
            Sentence(index: $0.offset, paragraph: 0, text: $0.element, times: times[$0.offset].map { [$0] } ?? [],
                     terms: Tokenizer.contentTerms($0.element))
        })
    }

    @Test("restated sentences point at their evidence; changed numbers and new facts are new")
    func judge() {
        let held = [HeldSentence(id: 41, articleID: 1, text: "Seven people were killed in the blast near the market, police said."),
                    HeldSentence(id: 42, articleID: 1, text: "The market was crowded with shoppers before the holiday.")]
        let verdicts = NoveltyJudge().judge(Self.analyzed([
            "Police said seven people were killed in the blast near the market.",
            "Eleven people were killed in the blast near the market, police said 11.",
            "A suspect was arrested at the border on Sunday.",
        ]), against: held)
        #expect(verdicts[0].novelty == .restated)
        #expect(verdicts[0].evidence == 41)
        #expect(verdicts[1].novelty == .new)
        #expect(verdicts[2].novelty == .new)
    }

    @Test("a sentence dated weeks before publication is background")
    func background() {
        let published = TimeValue.start(of: "2023-01-30")!
        let t = TimeRef(text: "in November", start: 0, end: 11, kind: .date, value: "2022-11")
        let verdicts = NoveltyJudge().judge(Self.analyzed(["Jerusalem and Tokyo agreed in November to move towards a free trade agreement."],
                                                          published: published, times: [0: t]), against: [])
        #expect(verdicts[0].novelty == .background)
    }
}

import Foundation
