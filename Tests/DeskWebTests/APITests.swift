import DeskModel
import Foundation
import Testing
@testable import DeskWeb

/// The JSON API against a live server, every answer checked against /openapi.json.
@Suite struct APITests {
    @Test func everyRouteIsDocumentedAndEveryDocumentedRouteExists() async throws {
        try await WebServer.with { server in
            let validator = try OpenAPIValidator(try await server.get("/openapi.json").body)
            let routes = Set(server.desk.routeTable.routes.filter(\.api).map { "\($0.method) \($0.path)" })
            #expect(routes.count >= 20)
            #expect(routes.subtracting(validator.operations).isEmpty, "undocumented: \(routes.subtracting(validator.operations).sorted())")
            #expect(validator.operations.subtracting(routes).isEmpty, "documented but not served: \(validator.operations.subtracting(routes).sorted())")
            #expect(validator.document["openapi"] as? String == "3.1.0")
        }
    }

    @Test func readEndpointsMatchTheirDocumentedShapes() async throws {
        try await WebServer.with { server in
            let api = try await APIChecks(server)
            let ingest = try await api.call(.POST, "/api/ingest/batch", body: Corpus.jsonl(Corpus.first), token: WebServer.adminToken)
            #expect(ingest.status == 200 && ingest.int("stored") == 3, "\(ingest.body)")
            let stories = try await api.call(.GET, "/api/stories")
            let list = try #require(stories.object["stories"] as? [[String: Any]])
            #expect(list.count == 2)
            let ids = list.compactMap { ($0["id"] as? NSNumber)?.intValue }
            let storyID = try #require(ids.first)
            let story = try await api.call(.GET, "/api/stories/\(storyID)")
            #expect(story.status == 200)
            let articles = try #require((story.object["sources"] as? [[String: Any]])?.first?["articles"] as? [[String: Any]])
            let articleID = try #require((articles.first?["id"] as? NSNumber)?.intValue)
            #expect(try await api.call(.GET, "/api/articles/\(articleID)").status == 200)
            let search = try await api.call(.GET, "/api/search?q=Porthmadog")
            #expect((search.object["hits"] as? [Any])?.isEmpty == false)
            #expect(try await api.call(.GET, "/api/search?q=").status == 400)
            let entities = try await api.call(.GET, "/api/entities")
            let key = try #require((entities.object["entities"] as? [[String: Any]])?.first?["path"] as? String)
            #expect(try await api.call(.GET, "/api/entities/\(key)").status == 200)
            let filtered = try await api.call(.GET, "/api/stories?entity=\(key)")
            #expect((filtered.object["stories"] as? [Any])?.isEmpty == false)
            #expect(try await api.call(.GET, "/api/stories?source=Rail%20Daily").object["stories"].map { ($0 as? [Any])?.count } == 1)
            #expect(try await api.call(.GET, "/api/stories?since=yesterday").status == 400)
            let updates = try await api.call(.GET, "/api/updates?hours=48")
            #expect((updates.object["stories"] as? [Any])?.isEmpty == false)
            #expect(try await api.call(.GET, "/api/updates?hours=-1").status == 400)
        }
    }

    @Test func badPostsAre400WithAClearMessageAndStoreNothing() async throws {
        try await WebServer.with { server in
            let api = try await APIChecks(server)
            try await api.call(.POST, "/api/ingest/batch", body: Corpus.jsonl(Corpus.first), token: WebServer.adminToken)
            let before = try server.store.counts()
            let cases: [(String, String, String)] = [
                ("/api/ingest", "not json", "not an ingest record"),
                ("/api/ingest", "{\"title\":\"no id\"}", "\"id\""),
                ("/api/ingest", "{\"id\":\"z\"}", "neither"),
                ("/api/ingest", "{\"id\":\"z\",\"title\":\"x\",\"published\":\"someday\"}", "not a date"),
                ("/api/ingest", "{\"id\":\"z\",\"title\":5}", "wrong type"),
                ("/api/ingest/batch", "{oops\n[1,2]", "no record could be read"),
                ("/api/users", "{\"role\":\"admin\"}", "\"name\""),
                ("/api/users", "{\"name\":\"x\",\"role\":\"king\"}", "role"),
                ("/api/watches", "{\"name\":\"w\",\"query\":\"(fed\"}", "never closed"),
                ("/api/watches", "{\"name\":\"w\",\"webhookURL\":\"ftp://x\"}", "http(s)"),
            ]
            for (path, body, message) in cases {
                let r = try await api.call(.POST, path, body: body, token: WebServer.adminToken)
                #expect(r.status == 400, "\(path) \(body): \(r.status)")
                #expect((r.object["error"] as? String)?.contains(message) == true, "\(path) \(body): \(r.body)")
            }
            #expect(try await api.call(.POST, "/api/ingest", token: WebServer.adminToken).status == 400, "an empty body")
            // A batch with good and bad lines: the good ones go in, the bad ones are named by line.
            let mixed = Corpus.jsonl(Corpus.later) + "\n{\"id\":\"\"}\n"
            let r = try await api.call(.POST, "/api/ingest/batch", body: mixed, token: WebServer.adminToken)
            #expect(r.status == 200 && r.int("stored") == 1)
            #expect(((r.object["rejected"] as? [[String: Any]])?.first?["line"] as? NSNumber)?.intValue == 2)
            let after = try server.store.counts()
            #expect(after.articles == before.articles + 1)
            #expect(try server.store.integrityCheck())
        }
    }

    @Test func rolesLimitWhoMayChangeTheDesk() async throws {
        try await WebServer.with { server in
            let api = try await APIChecks(server)
            let reader = try await server.makeUser("rita", role: "reader")
            let editor = try await server.makeUser("ed", role: "editor")
            let record = Corpus.jsonl([Corpus.first[0]])
            #expect(try await api.call(.POST, "/api/ingest", body: record).status == 401)
            #expect(try await api.call(.POST, "/api/ingest", body: record, token: "wrong").status == 401)
            #expect(try await api.call(.POST, "/api/ingest", body: record, token: reader).status == 403)
            #expect(try await api.call(.POST, "/api/watches", body: "{\"name\":\"w\"}", token: reader).status == 403)
            #expect(try await api.call(.POST, "/api/users", body: "{\"name\":\"m\"}", token: editor).status == 403)
            #expect(try await api.call(.POST, "/api/ingest", body: record, token: editor).status == 201)
            let me = try await api.call(.GET, "/api/me", token: reader)
            #expect(me.object["name"] as? String == "rita" && me.object["role"] as? String == "reader")
            #expect(try await api.call(.GET, "/api/me").status == 401)
            // Tokens are stored hashed: the database never holds one.
            let raw = try String(contentsOfFile: server.store.path, encoding: .isoLatin1)
            #expect(!raw.contains(reader) && !raw.contains(editor))
        }
    }

    @Test func newSinceYouLastLookedFollowsEachReader() async throws {
        try await WebServer.with { server in
            let api = try await APIChecks(server)
            try await server.ingest(Corpus.first)
            let reader = try await server.makeUser("rita", role: "reader")
            let other = try await server.makeUser("olav", role: "reader")
            let storyID = try #require(server.store.stories(limit: 10, offset: 0).first { $0.title.contains("arbour") }?.id)
            let fresh = try await api.call(.GET, "/api/stories/\(storyID)", token: reader)
            let count = (fresh.object["newSinceLastLooked"] as? [Any])?.count ?? 0
            #expect(count > 0)
            let seen = try await api.call(.POST, "/api/stories/\(storyID)/seen", token: reader)
            #expect(seen.int("unseen") == 0)
            #expect((try await api.call(.GET, "/api/stories/\(storyID)", token: reader).object["newSinceLastLooked"] as? [Any])?.isEmpty == true)
            #expect((try await api.call(.GET, "/api/stories/\(storyID)", token: other).object["newSinceLastLooked"] as? [Any])?.count == count)
            // A later article brings new facts: only those are new to the reader who looked.
            try await server.ingest(Corpus.later)
            let after = try await api.call(.GET, "/api/stories/\(storyID)", token: reader)
            let newer = try #require(after.object["newSinceLastLooked"] as? [[String: Any]])
            #expect(!newer.isEmpty && newer.allSatisfy { ($0["text"] as? String)?.contains("Repairs") == true || ($0["text"] as? String)?.contains("cost") == true },
                    "\(newer)")
            let list = try await api.call(.GET, "/api/stories", token: reader)
            let row = try #require((list.object["stories"] as? [[String: Any]])?.first { ($0["id"] as? NSNumber)?.intValue == Int(storyID) })
            #expect((row["unseen"] as? NSNumber)?.intValue == newer.count)
            #expect(try await api.call(.POST, "/api/stories/\(storyID)/seen?upTo=abc", token: reader).status == 400)
            #expect(try await api.call(.POST, "/api/stories/424242/seen", token: reader).status == 404)
        }
    }

    @Test func aBrowserMarksSeenWithAFormAndACookie() async throws {
        try await WebServer.with { server in
            try await server.ingest(Corpus.first)
            let storyID = try #require(server.store.stories(limit: 10, offset: 0).first?.id)
            let post = try await server.request(.POST, "/stories/\(storyID)/seen", body: "upTo=999999999",
                                                headers: [("Content-Type", "application/x-www-form-urlencoded")])
            #expect(post.status == 303)
            #expect(post.headers.first(name: "Location") == "/stories/\(storyID)")
            let cookie = try #require(post.headers.first(name: "Set-Cookie"))
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
            let pair = String(cookie.split(separator: ";")[0])
            let page = try await server.get("/stories/\(storyID)", headers: [("Cookie", pair)])
            #expect(page.body.contains("Nothing new since you last looked"))
            let anonymous = try await server.get("/stories/\(storyID)")
            #expect(!anonymous.body.contains("Nothing new since you last looked"))
        }
    }

    @Test func revisionsShowTheirSentenceDiff() async throws {
        try await WebServer.with { server in
            let api = try await APIChecks(server)
            try await server.ingest(Corpus.first)
            let r = try await server.ingest(Corpus.revision)
            #expect(r.int("revised") == 1, "\(r.body)")
            let articleID = try #require(server.store.search("Porthmadog Tuesday", limit: 5).map(\.articleID).min())
            let article = try await api.call(.GET, "/api/articles/\(articleID)")
            let revision = try #require((article.object["revisions"] as? [[String: Any]])?.first)
            let lines = try #require(revision["lines"] as? [[String: Any]])
            let ops = Set(lines.compactMap { $0["op"] as? String })
            #expect(ops.contains("changed") || ops.contains("added"), "\(lines)")
            #expect(lines.contains { ($0["text"] as? String)?.contains("55 homes") == true })
            #expect(revision["correction"] as? Bool == true || (revision["correction"] as? NSNumber)?.boolValue == true)
            let page = try await server.get("/articles/\(articleID)")
            #expect(page.body.contains("<ins>55</ins>") || page.body.contains("op-added"), "the page marks what changed")
        }
    }
}

extension Corpus {
    static func jsonl(_ records: [[String: String]]) -> String {
        records.map { String(decoding: try! JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self) }
            .joined(separator: "\n")
    }
}
