import DeskSources
import Foundation
import Testing

@Suite("Feed formats and their real-world quirks")
struct FeedParserTests {
    static let base = URL(string: "https://gazette.example/feeds/rss2-quirks.xml")!

    func utc(_ y: Int, _ mo: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0) -> Date {
        DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"), year: y, month: mo, day: d, hour: h, minute: mi).date!
    }

    @Test("RSS 2.0: leading whitespace, &nbsp; and bare &, HTML in titles, relative links, odd zones, duplicate GUIDs")
    func rss2Quirks() throws {
        let feed = try FeedParser.parse(Fixtures.data("rss2-quirks.xml"), contentType: "application/rss+xml", url: Self.base)
        #expect(feed.format == .rss2)
        #expect(feed.title == "Harbour Town Gazette & Courier")
        #expect(feed.siteURL == "https://gazette.example/")
        #expect(feed.entries.count == 5)
        #expect(feed.duplicateEntries == 1)
        let wall = feed.entries[0]
        #expect(wall.title == "Council approves new harbour wall")
        #expect(wall.link == "https://gazette.example/news/2024/03/harbour-wall?utm_source=rss&utm_medium=feed")
        #expect(wall.identity == "guid:gazette-10231")
        #expect(wall.summary == "The council voted 7\u{A0}to 2 for the wall & the new slipway.")
        #expect(wall.content?.contains("winter storms") == true)
        #expect(wall.author == "Mary O'Neil")
        #expect(wall.published == utc(2024, 3, 12, 9, 30))
        #expect(feed.entries[1].published == utc(2024, 3, 11, 22, 5))  // EST is UTC-5
        #expect(feed.entries[1].summary?.contains("<p>") == true)
        let rescue = feed.entries[2]
        #expect(rescue.link == "https://gazette.example/feeds/news/lifeboat-rescue?fbclid=IwAR0abc&id=77")
        #expect(rescue.identity == "url:https://gazette.example/feeds/news/lifeboat-rescue?id=77")
        #expect(rescue.published == utc(2024, 3, 10, 8, 30))  // two-digit year, +0530
        #expect(feed.entries[3].published == nil)  // "not a date at all"
        #expect(feed.entries[4].published == nil)  // missing
    }

    @Test("RSS 0.91 with Netscape's DTD (removed, not fetched), Latin-1 declaration, identity from the link without tracking")
    func rss091() throws {
        let feed = try FeedParser.parse(Fixtures.data("rss091.xml"))
        #expect(feed.format == .rss090)
        #expect(feed.entries.count == 2)
        #expect(feed.entries[0].identity == "url:https://valley.example/2024/bridge.html?page=2")
    }

    @Test("RSS 1.0 (RDF): rdf:about as identity, dc:date in ISO 8601 with offset and date only")
    func rss1() throws {
        let feed = try FeedParser.parse(Fixtures.data("rss1-rdf.xml"))
        #expect(feed.format == .rss1)
        #expect(feed.title == "Science Desk")
        #expect(feed.entries.map(\.guid) == ["https://science.example/a/comet", "https://science.example/a/glacier"])
        #expect(feed.entries[0].published == utc(2024, 3, 14, 20, 15))
        #expect(feed.entries[1].published == utc(2024, 3, 13))
        #expect(feed.entries[0].author == "L. Okafor")
    }

    @Test("Atom 1.0: xml:base, HTML titles, xhtml content, alternate link over enclosure, updated without published")
    func atom() throws {
        let feed = try FeedParser.parse(Fixtures.data("atom.xml"), url: URL(string: "https://blog.example/atom.xml"))
        #expect(feed.format == .atom)
        #expect(feed.title == "Notes & Field Reports")
        #expect(feed.siteURL == "https://blog.example/")
        let storm = feed.entries[0]
        #expect(storm.title == "Storm season outlook")
        #expect(storm.link == "https://blog.example/posts/storm-outlook")
        #expect(storm.guid == "tag:blog.example,2024:post-41")
        #expect(storm.published == utc(2024, 3, 15, 6))
        #expect(storm.author == "R. Alvarez")
        #expect(storm.content?.contains("<p>Forecasters expect") == true)
        let tides = feed.entries[1]
        #expect(tides.link == "https://blog.example/archive/tides-2024")
        #expect(tides.published == nil)
        #expect(tides.updated == utc(2024, 3, 14, 12))
    }

    @Test("JSON Feed 1.1: numeric ids, content_text, relative URLs, author and authors, duplicate ids")
    func jsonFeed() throws {
        let feed = try FeedParser.parse(Fixtures.data("jsonfeed.json"), url: URL(string: "https://radio.example/feed.json"))
        #expect(feed.format == .jsonFeed)
        #expect(feed.title == "Night Shift Radio")
        #expect(feed.entries.count == 2)
        #expect(feed.duplicateEntries == 1)
        #expect(feed.entries[0].guid == "2024031501")
        #expect(feed.entries[0].link == "https://radio.example/shows/late-news-0315?utm_source=jsonfeed")
        #expect(feed.entries[0].published == utc(2024, 3, 16, 4, 10))
        #expect(feed.entries[1].content?.contains("<p>The county expects") == true)
        #expect(feed.entries[1].published == utc(2024, 3, 14, 22))
    }

    @Test("the charset: the XML declaration's Latin-1 is read, and a header that wrongly says UTF-8 does not garble it")
    func charsets() throws {
        let declared = try FeedParser.parse(Fixtures.data("latin1.xml"))
        #expect(declared.entries.first?.title == "Réouverture du café après travaux")
        let lying = try FeedParser.parse(Fixtures.data("latin1.xml"), contentType: "application/rss+xml; charset=utf-8")
        #expect(lying.entries.first?.title == "Réouverture du café après travaux")
        #expect(lying.entries.first?.summary?.contains("« Nous sommes prêts »") == true)
    }

    @Test("dates with month names in other languages")
    func localizedDates() throws {
        let feed = try FeedParser.parse(Fixtures.data("localized-dates.xml"))
        // "mar., 12 mars 2024 10:00:00 +0100" and "Di, 12 März 2024 11:00:00 +0100": 09:00 and 10:00 UTC.
        #expect(feed.entries.map(\.published) == [utc(2024, 3, 12, 9), utc(2024, 3, 12, 10)])
    }

    @Test("a DTD declaring entities is refused, never expanded (billion laughs, external entity)")
    func entityExpansionRefused() {
        let error = #expect(throws: FeedError.self) { try FeedParser.parse(Fixtures.data("billion-laughs.xml")) }
        #expect(error?.reason == .entityDeclarations)
    }

    @Test("not a feed: an HTML page, JSON that is not a feed, empty bytes")
    func notFeeds() {
        #expect(throws: FeedError.self) { try FeedParser.parse(Fixtures.data("article.html")) }
        #expect(throws: FeedError.self) { try FeedParser.parse(Data("{\"a\": 1}".utf8)) }
        #expect(throws: FeedError.self) { try FeedParser.parse(Data()) }
        #expect(FeedParser.looksLikeFeed(Fixtures.data("atom.xml"), contentType: "text/xml"))
        #expect(!FeedParser.looksLikeFeed(Fixtures.data("article.html"), contentType: "text/html"))
    }

    @Test("RFC 822 zones and forms", arguments: [
        ("Tue, 12 Mar 2024 09:30:00 GMT", 0.0), ("Tue, 12 Mar 2024 10:30:00 +0100", 0), ("Tue, 12 Mar 2024 10:30:00 +01:00", 0),
        ("12 Mar 2024 04:30:00 EST", 0), ("Tue, 12 Mar 2024 11:30:00 CEST", 0), ("Tuesday, 12 March 2024 09:30 UT", 0),
        ("Tue, 12 Mar 2024 09:30:00 Z", 0), ("2024-03-12T09:30:00Z", 0), ("2024-03-12T09:30:00.000+00:00", 0),
    ])
    func rfc822(_ text: String, _ offset: Double) throws {
        let parsed = try #require(FeedDates.parse(text))
        #expect(parsed == utc(2024, 3, 12, 9, 30).addingTimeInterval(offset))
    }
}
