import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import DeskWeb

/// Feeds out: per story, desk-wide and per watch, as Atom (well-formed XML) and JSON Feed 1.1.
@Suite struct FeedTests {
    @Test func storyDeskAndWatchFeeds() async throws {
        try await WebServer.with { server in
            let api = try await APIChecks(server)
            try await server.ingest(Corpus.first)
            let editor = try await server.makeUser("ed", role: "editor")
            let watch = try await api.call(.POST, "/api/watches", body: "{\"name\":\"harbour\",\"query\":\"harbour OR council NOT rail\"}", token: editor)
            #expect(watch.status == 201)
            let watchID = try #require(watch.int("id"))
            let listed = try await api.call(.GET, "/api/watches", token: editor)
            #expect((listed.json as? [[String: Any]])?.count == 1)
            let admin = try await api.call(.POST, "/api/users", body: "{\"name\":\"ann\"}", token: WebServer.adminToken)
            #expect(admin.status == 201 && admin.object["role"] as? String == "reader")
            try await server.ingest(Corpus.later)
            let storyID = try #require(server.store.stories(limit: 10, offset: 0).first { $0.title.contains("arbour") }?.id)
            for path in ["/feeds/stories/\(storyID)", "/feeds/new", "/feeds/watches/\(watchID)"] {
                let atom = try await api.call(.GET, path + "/atom")
                #expect(atom.status == 200 && atom.contentType.hasPrefix("application/atom+xml"), "\(path)")
                let parser = AtomEntries(atom.body)
                #expect(parser.wellFormed, "\(path): not well-formed")
                #expect(parser.entries > 0, "\(path): no entries")
                let json = try await api.call(.GET, path + "/json")
                #expect(json.object["version"] as? String == "https://jsonfeed.org/version/1.1")
                #expect((json.object["items"] as? [Any])?.count == parser.entries, "\(path)")
            }
            let watchFeed = try await server.get("/feeds/watches/\(watchID)/json")
            let texts = (watchFeed.object["items"] as? [[String: Any]] ?? []).compactMap { $0["content_text"] as? String }
            #expect(!texts.isEmpty && texts.allSatisfy { !$0.lowercased().contains("rail") })
        }
    }
}

/// Counts Atom entries; false `wellFormed` when XMLParser rejects the document.
final class AtomEntries: NSObject, XMLParserDelegate {
    var entries = 0
    var wellFormed = false
    init(_ text: String) {
        super.init()
        let p = XMLParser(data: Data(text.utf8))
        p.delegate = self
        wellFormed = p.parse()
    }
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == "entry" { entries += 1 }
    }
}
