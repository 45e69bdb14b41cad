import DeskModel
import Foundation
import Testing
@testable import DeskExtract

@Suite("HTMLExtractor")
struct HTMLExtractorTests {
    static let page = """
    <!DOCTYPE html>
    <html lang="en-GB">
    <head>
      <title>Council approves new river bridge - The Riverside Gazette</title>
      <meta property="og:title" content="Council approves new river bridge">
      <meta property="og:description" content="The long-debated crossing will open in 2027.">
      <meta property="og:site_name" content="The Riverside Gazette">
      <meta name="keywords" content="transport, council, bridges">
      <meta property="article:tag" content="Riverside">
      <link rel="canonical" href="https://gazette.example/news/bridge">
      <script type="application/ld+json">
      {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Council approves new river bridge",
       "datePublished": "2024-03-05T09:30:00Z", "dateModified": "2024-03-05T12:00:00+01:00",
       "author": [{"@type": "Person", "name": "Ada Lovelace"}]}
      </script>
    </head>
    <body>
      <header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
        <li><a href="/sport">Sport</a></li></ul></nav></header>
      <main>
        <article>
          <h1>Council approves new river bridge</h1>
          <div class="byline">By Ada Lovelace</div>
          <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a> <a href="#">Email this article</a></div>
          <div class="article-body">
            <p>The city council voted on Tuesday to build a new bridge across the river, ending a debate that has run for more than a decade, divided neighbourhoods, and filled countless public meetings.</p>
            <figure><img src="bridge.jpg" alt=""><figcaption>An artist's impression of the bridge. Photo: Jane Smith/City Council</figcaption></figure>
            <p>The crossing, which will carry pedestrians, cyclists and buses, is expected to cost about 40 million pounds, to be shared between the city, the region and a national transport fund.</p>
            <h2>What happens next</h2>
            <p>Construction is due to begin next spring, and the council says the bridge should open in 2027, although critics warn that similar projects have run years late.</p>
            <ul><li>Public consultation on the design closes in May, with three options on the table.</li>
                <li>Contracts will be tendered over the summer, with a decision expected by the autumn.</li></ul>
            <p>"This is a historic day for the city," the council leader said after the vote, thanking residents for their patience, their ideas, and their many letters.</p>
          </div>
          <aside class="related-stories"><h3>Related</h3><ul>
            <li><a href="/a">Old bridge closed for repairs after inspection finds cracks</a></li>
            <li><a href="/b">Bus routes to change from next month across the city</a></li></ul></aside>
        </article>
      </main>
      <div id="comments"><h3>Comments</h3><p>Be the first to comment on this article, and keep it civil please.</p></div>
      <footer><p>Copyright 2024 The Riverside Gazette. All rights reserved.</p></footer>
    </body></html>
    """

    @Test func extractsFieldsFromAHandWrittenPage() throws {
        let a = HTMLExtractor().extract(Self.page, id: "bridge", url: "https://gazette.example/news/bridge?ref=home")
        #expect(a.kind == .html)
        #expect(a.title == "Council approves new river bridge")
        #expect(a.standfirst == "The long-debated crossing will open in 2027.")
        #expect(a.byline == "Ada Lovelace")
        #expect(a.canonicalURL == "https://gazette.example/news/bridge")
        #expect(a.language == "en")
        #expect(a.tags == ["Riverside", "transport", "council", "bridges"])

        let published = try #require(a.published)
        #expect(published.from == "json-ld datePublished")
        #expect(published.value == ISO8601DateFormatter().date(from: "2024-03-05T09:30:00Z"))
        let modified = try #require(a.modified)
        #expect(modified.from == "json-ld dateModified")
        #expect(modified.value == ISO8601DateFormatter().date(from: "2024-03-05T11:00:00Z"))

        #expect(a.captions == [Caption(text: "An artist's impression of the bridge.", credit: "Photo: Jane Smith/City Council")])

        #expect(a.paragraphs.count == 7)
        #expect(a.paragraphs.first?.hasPrefix("The city council voted on Tuesday") == true)
        #expect(a.paragraphs.contains("What happens next"))
        #expect(a.paragraphs.contains { $0.hasPrefix("Public consultation on the design") })
        #expect(a.paragraphs.last?.hasPrefix("\"This is a historic day") == true)
        let body = a.body
        for chrome in ["Home", "Share on Facebook", "Old bridge closed", "Be the first to comment", "Copyright 2024",
                       "artist's impression", "By Ada Lovelace"] {
            #expect(!body.contains(chrome), "body should not contain \(chrome)")
        }
        // The title is not repeated in the body.
        #expect(!a.paragraphs.contains("Council approves new river bridge"))

        let reasons = Dictionary(grouping: a.removed, by: \.reason)
        #expect(reasons[.share]?.contains { $0.text.contains("Share on Facebook") } == true)
        #expect(reasons[.related]?.contains { $0.text.contains("Old bridge closed") } == true)
        #expect(reasons[.caption]?.contains { $0.text.contains("artist's impression") } == true)
        #expect(reasons[.comments]?.contains { $0.text.contains("Be the first") } == true)
        #expect(a.removed.contains { $0.text.contains("Home") && $0.reason == .navigation })
        #expect(a.removed.allSatisfy { $0.text.count <= 201 })
    }

    @Test func metaDatesNameTheirSource() throws {
        let html = """
        <html><head><meta property="article:published_time" content="2023-01-02T03:04:05Z">
        <meta property="article:modified_time" content="2023-01-03"></head>
        <body><p>Short.</p></body></html>
        """
        let a = HTMLExtractor().extract(html, id: "m")
        #expect(a.published?.from == "meta[property=article:published_time]")
        #expect(a.modified?.from == "meta[property=article:modified_time]")
        let timeOnly = HTMLExtractor().extract("<p>Text <time datetime=\"2022-05-06\">6 May</time></p>", id: "t")
        #expect(timeOnly.published?.from == "time[datetime]")
    }

    @Test func titleFallsBackToTitleElementWithoutSiteSuffix() {
        let a = HTMLExtractor().extract("<html><head><title>Rates rise again | Daily Planet</title></head><body><p>x</p></body></html>", id: "t")
        #expect(a.title == "Rates rise again")
    }

    @Test func captionCreditSplitting() {
        #expect(CaptionExtractor.split("Crowds gather in the square. (Getty Images)") == Caption(text: "Crowds gather in the square.", credit: "Getty Images"))
        #expect(CaptionExtractor.split("A sunset over the bay Credit: John Doe") == Caption(text: "A sunset over the bay", credit: "Credit: John Doe"))
        #expect(CaptionExtractor.split("No credit here") == Caption(text: "No credit here"))
    }

    @Test func emptyInputGivesEmptyArticle() {
        let a = HTMLExtractor().extract("", id: "empty")
        #expect(a.id == "empty")
        #expect(a.paragraphs.isEmpty)
        #expect(a.title == nil)
        #expect(a.published == nil)
        let blank = HTMLExtractor().extract("   \n  ", id: "blank")
        #expect(blank.paragraphs.isEmpty)
    }

    @Test func malformedMarkupStillYieldsText() {
        let html = """
        <html><body><div class="content"><p>First paragraph has <b>bold and <i>italic text that never closes,
        and it goes on for a while so that it counts as a real paragraph of prose.
        <p>Second paragraph, also unclosed, with enough words in it to be scored, counted and kept.
        <div><span>Stray span <td>cell outside a table</div></body>
        """
        let a = HTMLExtractor().extract(html, id: "bad")
        #expect(a.body.contains("First paragraph has bold and italic text"))
        #expect(a.body.contains("Second paragraph, also unclosed"))
    }

    @Test func deepNestingDoesNotCrash() {
        let depth = 10_000
        let html = String(repeating: "<div>", count: depth)
            + "<p>Deep inside the page there is a paragraph, long enough to be prose, with commas, clauses, and words.</p>"
            + String(repeating: "</div>", count: depth)
        let a = HTMLExtractor().extract(html, id: "deep")
        #expect(a.body.contains("Deep inside the page"))
        // Unclosed, too.
        let unclosed = String(repeating: "<div><span>", count: depth) + "tail text"
        let b = HTMLExtractor().extract(unclosed, id: "deep2")
        #expect(b.id == "deep2")
    }

    static let prose = "The committee met for several hours, heard evidence from residents, engineers and officials, and then adjourned until next week without reaching a decision."

    @Test func linkTeasersAreDroppedButShortReferencesStay() {
        let html = """
        <html><body><div class="story">
        <p>\(Self.prose)</p>
        <p><strong>READ MORE: <a href="/x">Another story about something entirely different today</a></strong></p>
        <p>\(Self.prose) Reviews were mixed.</p>
        <p>[<a href="https://example.org">CNET</a>]</p>
        <p>\(Self.prose) Sales begin in May.</p>
        </div></body></html>
        """
        let a = HTMLExtractor().extract(html, id: "teaser")
        #expect(!a.body.contains("Another story about"))
        #expect(a.removed.contains { $0.reason == .related && $0.text.contains("Another story about") })
        #expect(a.paragraphs.contains("[CNET]"))
        #expect(a.paragraphs.count == 4)
    }

    @Test func theArticleCarryingTheHeadlineWinsOverLaterStories() {
        let other = (0..<6).map { "<p>Another story entirely, paragraph \($0), with enough words, commas, and clauses to score well in any contest.</p>" }.joined()
        let html = """
        <html><head><meta property="og:title" content="The real story"></head><body><main>
        <article><h1>The real story</h1><p>\(Self.prose)</p><p>\(Self.prose) It ends here.</p><p>\(Self.prose) Really.</p></article>
        <h3>More stories</h3>
        <article><h2>Next story</h2>\(other)</article>
        </main></body></html>
        """
        let a = HTMLExtractor().extract(html, id: "multi")
        #expect(a.body.contains("It ends here."))
        #expect(!a.body.contains("Another story entirely"))
    }

    @Test func textInDivsWithLineBreaksIsABody() {
        let html = """
        <html><body><div id="nav"><a href="/">Home</a> <a href="/a">About</a></div>
        <div>\(Self.prose)<br><br>\(Self.prose) Second.<br><br>\(Self.prose) Third.</div></body></html>
        """
        let a = HTMLExtractor().extract(html, id: "br")
        #expect(a.paragraphs.count == 3)
        #expect(!a.body.contains("About"))
    }

    @Test func datelines() {
        #expect(DatelineDetector.isDateline("Posted on March 30, 2015 by Admin"))
        #expect(DatelineDetector.isDateline("November 18, 2019 | 4:10pm"))
        #expect(!DatelineDetector.isDateline("The vote was held in 2019 after months of debate in the chamber."))
        #expect(!DatelineDetector.isDateline("Filed under: Politics"))
    }
}
