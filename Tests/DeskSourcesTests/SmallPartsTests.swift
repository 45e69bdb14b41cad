import DeskSources
import Foundation
import Testing

@Suite("URL canonicalisation, entry identity, robots.txt, backoff")
struct SmallPartsTests {
    @Test("tracking parameters, fragments, default ports and case are dropped; the rest is kept", arguments: [
        ("HTTPS://News.Example:443/a/b?utm_source=x&id=3&fbclid=y#comments", "https://news.example/a/b?id=3"),
        ("http://news.example:80?gclid=1&utm_medium=2", "http://news.example/"),
        ("https://news.example/story?mc_cid=a&mc_eid=b&page=2&_hsenc=c", "https://news.example/story?page=2"),
        ("https://news.example/story?ref=home", "https://news.example/story?ref=home"),
    ])
    func canonical(_ raw: String, _ expected: String) {
        #expect(URLCanonicalizer.canonical(raw) == expected)
    }

    @Test("identity: the GUID, else the canonical link; never the title")
    func identity() {
        let withGUID = FeedEntry(guid: " 1234 ", link: "https://a.example/x", title: "Old title")
        var retitled = withGUID
        retitled.title = "New title"
        #expect(withGUID.identity == retitled.identity)
        #expect(withGUID.identity == "guid:1234")
        let linkOnly = FeedEntry(link: "https://a.example/x?utm_campaign=z", title: "T")
        #expect(linkOnly.identity == "url:https://a.example/x")
        #expect(FeedEntry(title: "Only a title").identity == nil)
    }

    @Test("robots.txt: own group over *, longest match, Allow wins ties, wildcards")
    func robots() {
        let robots = RobotsTxt("""
            User-agent: *
            Disallow: /

            User-agent: UpdateDesk
            User-agent: other
            Disallow: /private/
            Allow: /private/public-feed.xml
            Disallow: /*.pdf$
            """, agent: "updatedesk")
        #expect(robots.allows("/feed.xml"))
        #expect(!robots.allows("/private/x"))
        #expect(robots.allows("/private/public-feed.xml"))
        #expect(!robots.allows("/doc.pdf"))
        #expect(robots.allows("/doc.pdf?x=1"))
        let star = RobotsTxt("User-agent: *\nDisallow: /tmp/\nDisallow:\n", agent: "updatedesk")
        #expect(!star.allows("/tmp/a"))
        #expect(star.allows("/feed"))
    }

    @Test("backoff doubles per failure and is capped at a day")
    func backoff() {
        #expect(Backoff.delay(failures: 0, interval: 900) == 900)
        #expect(Backoff.delay(failures: 1, interval: 900) == 1800)
        #expect(Backoff.delay(failures: 3, interval: 900) == 7200)
        #expect(Backoff.delay(failures: 30, interval: 900) == Backoff.maxDelay)
    }
}
