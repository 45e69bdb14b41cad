import DeskModel
import Foundation
import Testing
@testable import DeskExtract

@Suite("ScrapeExtractor")
struct ScrapeExtractorTests {
    /// ../shared/fixtures/seed-article.txt next to the package root.
    static func seed() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = root.appendingPathComponent("../shared/fixtures/seed-article.txt").standardizedFileURL
        return try String(contentsOf: url, encoding: .utf8)
    }

    @Test func seedArticleFields() throws {
        let article = ScrapeExtractor().extract(try Self.seed(), id: "seed")
        #expect(article.title == "Israel, Japan agree to deepen economic, security ties")
        #expect(article.standfirst == "Israeli Prime Minister Benjamin Netanyahu spoke on Monday with his Japanese counterpart Fumio Kishida.")
        #expect(article.captions == [Caption(text: "Israeli and Japanese flags.", credit: "Photo by Aritra Deb/Shutterstock.")])
        #expect(article.paragraphs.count == 8)
        #expect(article.paragraphs.first?.hasPrefix("Israeli Prime Minister Benjamin Netanyahu spoke on Monday with his Japanese counterpart Fumio Kishida, who extended") == true)
        #expect(article.paragraphs.last?.hasSuffix("are expected to be deployed.") == true)
        #expect(article.language == "en")
        #expect(article.kind == .text)
    }

    @Test func seedRemovals() throws {
        let article = ScrapeExtractor().extract(try Self.seed(), id: "seed")
        let removed = Dictionary(article.removed.map { ($0.text, [$0.reason]) }, uniquingKeysWith: +)
        #expect(removed["update desk"] != nil)
        #expect(removed["Israeli and Japanese flags. Photo by Aritra Deb/Shutterstock."] == [.caption, .duplicate])
        #expect(removed["You have read 3 articles this month."] == [.paywall])
        #expect(removed["Register to receive full access to JNS."] == [.registration])
        #expect(removed["Become a part of our mission by donating today"] == [.donation])
        #expect(article.removed.contains { $0.text.hasPrefix("Israel is at war.") && $0.reason == .donation })
        #expect(removed["Get the best stories faster with JNS breaking news updates"] != nil)
        // Nothing after the body is in the body, and every input line is accounted for exactly once.
        let body = Set(article.paragraphs)
        #expect(!body.contains("Just before you scroll on..."))
        #expect(!body.contains("Thank you. You are a loyal JNS Reader."))
        let lines = try Self.seed().split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        #expect(lines.count == article.paragraphs.count + article.removed.count)
    }

    @Test func standfirstIsNotABodyParagraph() throws {
        let article = ScrapeExtractor().extract(try Self.seed(), id: "seed")
        #expect(!article.paragraphs.contains(article.standfirst ?? "-"))
    }

    @Test func bylineAndDatelineAreMetadata() {
        let text = """
        Council approves new budget - Example News

        Home
        News
        Sport

        Council approves new budget

        By Jane Doe

        Updated 1:39 am EST, Wednesday, November 20, 2019

        The city council approved the new budget on Tuesday evening after a debate that lasted more than four hours, officials said.

        The budget includes new spending on schools, roads and the public library, which had been closed for repairs since the spring.

        Share this article

        Comments
        """
        let article = ScrapeExtractor().extract(text, id: "t")
        #expect(article.title == "Council approves new budget")
        #expect(article.byline == "Jane Doe")
        #expect(article.modified?.from == "dateline line")
        #expect(article.paragraphs.count == 2)
        #expect(article.removed.contains { $0.text == "Share this article" && $0.reason == .share })
        #expect(article.removed.contains { $0.text == "Comments" && $0.reason == .comments })
    }

    @Test func teasersAfterYouMayAlsoLikeAreNotBody() {
        let text = """
        Local library reopens after repairs | Town Herald
        Home
        News
        Local library reopens after repairs
        The town library reopened on Saturday after eight months of repairs to its roof, which had been damaged in a winter storm.
        Librarians said more than two hundred people came through the doors in the first hour, many of them children with their parents.
        You may also like
        Council debates new parking rules for the town centre, with shop owners worried about the loss of spaces near the market square.
        Residents of the east side say the bus timetable changes have left them without a service on Sunday mornings and evenings.
        Schools prepare for the new term as teachers return from the summer break and new pupils arrive for their first week.
        """
        let article = ScrapeExtractor().extract(text, id: "t")
        #expect(article.title == "Local library reopens after repairs")
        #expect(article.paragraphs.count == 2)
        #expect(article.paragraphs.first?.hasPrefix("The town library reopened") == true)
        #expect(article.removed.contains { $0.text == "You may also like" && $0.reason == .related })
        #expect(article.removed.contains { $0.text.hasPrefix("Council debates") && $0.reason == .trailing })
    }

    @Test func closingListStaysWithTheBody() {
        let text = """
        Band announces summer tour - Music News
        Band announces summer tour
        The band announced a summer tour on Monday, its first in five years, with stops in a dozen cities across the country.
        Tickets go on sale on Friday morning, and the band said a portion of the proceeds would go to a music education charity.
        Tour dates:
        June 9 – Tampa, FL
        June 12 – Atlanta, GA
        June 15 – Nashville, TN
        Home
        Contact
        About
        """
        let article = ScrapeExtractor().extract(text, id: "t")
        #expect(article.paragraphs.contains("June 15 – Nashville, TN"))
        #expect(!article.paragraphs.contains("Contact"))
    }

    @Test func captionCredits() {
        func caption(_ s: String) -> Caption? {
            CaptionDetector.detect(ScrapeLine(index: 0, text: s, afterBlank: true, stopwords: nil))
        }
        #expect(caption("Trump asked voters in Louisiana for a big win. Credit... Doug Mills/The New York Times")?.credit == "Credit... Doug Mills/The New York Times")
        #expect(caption("Protesters gather outside parliament. (AP Photo/Evan Vucci)")?.text == "Protesters gather outside parliament.")
        #expect(caption("Getty Images")?.credit == "Getty Images")
        #expect(caption("A similarly fresh Reuters poll has lower numbers for removal, but also shows that most Americans want Congress to investigate.") == nil)
    }

    @Test func emptyInput() {
        let article = ScrapeExtractor().extract("", id: "empty")
        #expect(article.paragraphs.isEmpty)
        #expect(article.title == nil)
    }
}
