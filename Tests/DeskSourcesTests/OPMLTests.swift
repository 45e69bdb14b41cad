import DeskSources
import Foundation
import Testing

@Suite("OPML 2.0 import and export")
struct OPMLTests {
    @Test("Miniflux's export: nested category outlines become tags")
    func miniflux() throws {
        let subs = try OPML.parse(Fixtures.data("miniflux.opml"))
        #expect(subs.count == 3)
        #expect(subs[0] == OPMLSubscription(url: "https://gazette.example/feed.xml", title: "Harbour Town Gazette",
                                            siteURL: "https://gazette.example/", tags: ["All"]))
        #expect(subs[1].tags == ["Science & Tech"])
    }

    @Test("FreshRSS's export: text-only outlines, category attribute paths, namespaced attributes, a bare &")
    func freshRSS() throws {
        let subs = try OPML.parse(Fixtures.data("freshrss.opml"))
        #expect(subs.map(\.url) == ["https://valley.example/rss091.xml", "https://journal.example/rss",
                                    "https://council.example/minutes", "https://blog.example/atom.xml"])
        #expect(subs[1].tags == ["Local", "Europe", "French"])
        #expect(subs[0].title == "Valley Weekly")
        #expect(subs[3].tags.isEmpty)
        #expect(subs[3].title == "Blog with a bare & ampersand")
    }

    @Test("export then import gives the same subscriptions back", arguments: ["miniflux.opml", "freshrss.opml"])
    func roundTrip(_ name: String) throws {
        let original = try OPML.parse(Fixtures.data(name))
        let exported = OPML.export(original)
        #expect(exported.contains("<opml version=\"2.0\">"))
        let again = try OPML.parse(Data(exported.utf8))
        #expect(again == original)
    }

    @Test("pages travel as type=\"link\" outlines")
    func pages() throws {
        let page = OPMLSubscription(url: "https://council.example/notices", title: "Notices", tags: ["Local"], isPage: true)
        let again = try OPML.parse(Data(OPML.export([page]).utf8))
        #expect(again == [page])
    }
}
