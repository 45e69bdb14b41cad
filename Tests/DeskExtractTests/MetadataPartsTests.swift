import DeskModel
import Foundation
import Testing
@testable import DeskExtract

/// The small pieces of metadata extraction, on made-up input (the real-page tests need ../shared).
@Suite("Metadata parts")
struct MetadataPartsTests {
    let cleaner = BylineCleaner(siteName: "The Riverside Gazette", publisher: "USA TODAY", url: "https://news.riverside-gazette.example/a/b")

    @Test func bylinesKeepPeopleOnly() {
        #expect(cleaner.clean("By Jane Doe") == "Jane Doe")
        #expect(cleaner.clean("By: Jane Doe and John Roe") == "Jane Doe, John Roe")
        #expect(cleaner.clean("TOM KRISHER, AP Auto Writer") == "TOM KRISHER")
        #expect(cleaner.clean("DANICA KIRKA and JILL LAWLESS Associated Press") == "DANICA KIRKA, JILL LAWLESS")
        #expect(cleaner.clean("Kevin Johnson and Kevin McCoy USA TODAY") == "Kevin Johnson, Kevin McCoy")
        #expect(cleaner.clean("Rachael Link, MS, RD") == "Rachael Link")
        #expect(cleaner.clean("Jane Doe Published 11:04 a.m. Tuesday") == "Jane Doe")
        #expect(cleaner.clean("PTI") == "PTI")
    }

    @Test func bylinesThatNameNoPerson() {
        for raw in ["Staff", "By", "Staff Reports", "HNN Staff", "The Riverside Gazette", "Riverside Gazette", "Editorial Board",
                    "Detroit News wire services", "@handle", "2019 10:43", "https://example.com/jane", "USA TODAY"] {
            #expect(cleaner.clean(raw) == nil, "\(raw)")
        }
    }

    @Test func datesInAddresses() {
        func day(_ url: String) -> String? {
            URLDate.date(in: url).map { d in
                let f = ISO8601DateFormatter()
                f.formatOptions = [.withFullDate]
                return f.string(from: d)
            }
        }
        #expect(day("https://example.com/2019/11/20/some-story/") == "2019-11-20")
        #expect(day("https://example.com/commentisfree/2019/nov/18/view") == "2019-11-18")
        #expect(day("https://example.com/story/2019-11-19/disney") == "2019-11-19")
        #expect(day("https://example.com/news/20191120/slug") == "2019-11-20")
        #expect(day("https://example.com/2019/is-stadia-good") == nil)
        #expect(day("https://example.com/news/2019/11/slug") == nil)
        #expect(day("https://example.com/2019/02/30/no-such-day") == nil)
        #expect(day("https://example.com/0001/01/01/placeholder") == nil)
    }

    @Test func tagLists() {
        #expect(MetadataExtractor.splitList("Hong Kong,Protest,Asia Pacific", commaNeedsNoSpace: true) == ["Hong Kong", "Protest", "Asia Pacific"])
        #expect(MetadataExtractor.splitList("Elections, Governors", commaNeedsNoSpace: true) == ["Elections, Governors"])
        #expect(MetadataExtractor.splitList("a, b; c", commaNeedsNoSpace: false).map { $0.trimmingCharacters(in: .whitespaces) } == ["a", "b", "c"])
        for tag in ["@hp-top-stories", "_no-apple-news", "ctp_video", "/article", "PG&amp", "AT&", "T"] {
            #expect(MetadataExtractor.isInternalTag(tag), "\(tag)")
        }
        #expect(!MetadataExtractor.isInternalTag("PG&E"))
    }

    @Test func leadImageFromMarkup() {
        let html = """
        <html><head><meta property="og:image" content="https://cdn.example/img/bridge-1200.jpg?w=1200"></head><body>
        <figure><img src="https://cdn.example/img/bridge-1200.jpg?w=640"><figcaption>The new bridge at dusk. Photo: Jane Smith/Reuters</figcaption></figure>
        <p>Text.</p></body></html>
        """
        let md = MetadataExtractor(root: GumboTree.parse(html), url: nil).extract()
        #expect(md.leadImage?.text == "The new bridge at dusk.")
        #expect(md.leadImage?.credit?.contains("Jane Smith") == true)
        let bare = MetadataExtractor(root: GumboTree.parse(#"<html><head><meta property="og:image" content="a.jpg"></head><body><img src=a.jpg></body></html>"#), url: nil).extract()
        #expect(bare.leadImage == nil)
    }

    @Test func leadImageFromJSONLD() {
        let html = """
        <html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"H",
        "image":[{"@type":"ImageObject","url":"x.jpg","caption":"Flood water in the square.","creditText":"Ann Lee/AP"}]}</script></head><body></body></html>
        """
        let md = MetadataExtractor(root: GumboTree.parse(html), url: nil).extract()
        #expect(md.leadImage == Caption(text: "Flood water in the square.", credit: "Ann Lee/AP"))
    }
}
