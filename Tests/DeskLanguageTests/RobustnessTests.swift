import Foundation
import Testing
@testable import DeskLanguage
import DeskModel

@Suite struct RobustnessTests {
    @Test(arguments: ["", " ", ".", "...", "?!", "\"", "—", "👍🏽 Great!", "1990s.", "Mr.", "U.S.", "a.m.", "May", "5 p.m", "'", "’s",
                      "Jan. 32", "February 30, 2021", "13/45/2020", "the", "the past", "every", "a.m. p.m.", "10:99 a.m."])
    func oddInputsDoNotCrash(_ text: String) {
        _ = SentenceSplitter().split(text)
        _ = TimeTagger().tag(text, anchor: Date(timeIntervalSince1970: 0))
        _ = TimeTagger().tag(text, anchor: nil)
        _ = EntityTagger().tag(text)
        _ = Tokenizer.contentTerms(text)
        let article = Article(id: "x", kind: .text, paragraphs: [text, text])
        _ = LanguageAnalyzer().analyze(article)
    }

    @Test func offsetsMatchTextForEveryTimex() {
        let text = "Über 3 Tage — on Monday, Sept. 27, 2021, at 5 p.m. EST — the café said “last week” was hard; daily updates follow."
        for r in TimeTagger().tag(text, anchor: Date(timeIntervalSince1970: 1_675_036_800)) {
            let scalars = Array(text.unicodeScalars)
            #expect(String(String.UnicodeScalarView(scalars[r.start..<r.end])) == r.text)
        }
    }
}
