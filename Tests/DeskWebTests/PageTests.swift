import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import DeskWeb

/// Each page of a live server on 127.0.0.1 over a real SQLite file, fed through the real ingest stages.
@Suite struct PageTests {
    @Test func everyPageRendersWithTheStreamsContent() async throws {
        try await WebServer.with { server in
            let ingest = try await server.ingest(Corpus.first)
            #expect(ingest.status == 200, "\(ingest.body)")
            let home = try await server.get("/")
            #expect(home.status == 200)
            #expect(home.contentType.hasPrefix("text/html"))
            #expect(home.headers.first(name: "Content-Security-Policy")?.contains("default-src 'none'") == true)
            #expect(home.body.contains("harbour wall"))
            #expect(home.body.contains("class=\"badge\""), "a reader who never looked sees new facts")

            let storyID = try #require(server.store.stories(limit: 10, offset: 0).first { $0.title.contains("arbour") }?.id)
            let story = try await server.get("/stories/\(storyID)")
            #expect(story.status == 200)
            for heading in ["New since you last looked", "Timeline", "Sources and articles", "Entities", "Activity"] {
                #expect(story.body.contains(heading), "story page lacks \(heading)")
            }
            #expect(story.body.contains("Harbour Times") && story.body.contains("Coast News"))
            // "New since you last looked" comes first.
            let fresh = try #require(story.body.range(of: "New since you last looked"))
            let timeline = try #require(story.body.range(of: "<h2>Timeline"))
            #expect(fresh.lowerBound < timeline.lowerBound)

            let svg = try await server.get("/stories/\(storyID)/activity.svg")
            #expect(svg.status == 200 && svg.contentType.hasPrefix("image/svg+xml"))
            #expect(XMLParser(data: Data(svg.body.utf8)).parse(), "the plot is well-formed XML")
            #expect(svg.body.contains("class=\"articles\"") && svg.body.contains("2024-05-01"))

            let articleID = try #require(try server.store.search("Porthmadog", limit: 1).first?.articleID)
            let article = try await server.get("/articles/\(articleID)")
            #expect(article.status == 200)
            #expect(article.body.contains("Metadata") && article.body.contains("Removed as boilerplate") && article.body.contains("Copies"))

            let search = try await server.get("/search?q=harbour+wall")
            #expect(search.status == 200 && search.body.contains("/articles/"))
            let nothing = try await server.get("/search?q=zeppelin")
            #expect(nothing.body.contains("Nothing found"))

            let entities = try await server.get("/entities")
            #expect(entities.status == 200)
            let key = try #require(server.store.topEntities(limit: 50).first { $0.name.contains("Porthmadog") }?.key.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
            let entity = try await server.get("/entities/\(key)")
            #expect(entity.status == 200 && entity.body.contains("Porthmadog"))

            #expect(try await server.get("/static/desk.css").contentType.hasPrefix("text/css"))
            #expect(try await server.get("/healthz").status == 200)
            #expect(try await server.get("/readyz").status == 200)
        }
    }

    @Test func badIdsAnswer404AsPagesAndAsJSON() async throws {
        try await WebServer.with { server in
            for path in ["/stories/999", "/stories/abc", "/articles/0", "/articles/-3", "/entities/nobody", "/nowhere"] {
                let r = try await server.get(path)
                #expect(r.status == 404, "\(path)")
                if path != "/nowhere" { #expect(r.contentType.hasPrefix("text/html") && r.body.contains("Error 404"), "\(path)") }
            }
            let api = try await APIChecks(server)
            for path in ["/api/stories/999", "/api/stories/x1", "/api/articles/12", "/api/entities/nobody", "/feeds/stories/5/atom"] {
                let r = try await api.call(.GET, path)
                #expect(r.status == 404, "\(path)")
                #expect((r.object["error"] as? String)?.isEmpty == false && r.int("status") == 404, "\(path): \(r.body)")
            }
        }
    }

    @Test func scrapedScriptNeverReachesAPage() async throws {
        try await WebServer.with { server in
            let payload = "<script>alert(1)</script><img src=x onerror=alert(2)>"
            try await server.ingest([["id": "x1", "source": "Evil \(payload)", "url": "javascript:alert(3)",
                                      "title": "Harbour \(payload) news", "text": "The harbour \(payload) reopened on Monday after repairs."]])
            let storyID = try #require(server.store.stories(limit: 1, offset: 0).first?.id)
            let articleID = try #require(server.store.search("harbour", limit: 1).first?.articleID)
            for path in ["/", "/stories/\(storyID)", "/articles/\(articleID)", "/search?q=harbour"] {
                let page = try await server.get(path).body
                #expect(!page.contains("<script"), "\(path) carries a script tag")
                #expect(!page.contains("<img src=x"), "\(path) carries the scraped img")
                #expect(!page.contains("javascript:"), "\(path) carries a javascript: link")
            }
            let feed = try await server.get("/feeds/stories/\(storyID)/atom").body
            #expect(!feed.contains("<script") && XMLParser(data: Data(feed.utf8)).parse())
        }
    }
}
