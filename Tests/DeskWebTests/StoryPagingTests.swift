import DeskModel
import DeskStore
import Foundation
import Testing
@testable import DeskWeb

/// The story page pages its long sections; filters narrow the stories list; /metrics counts what happened.
@Suite struct StoryPagingTests {
    /// 60 reports of one event (more than a page of articles): the same wire copy run by many sources.
    static var bigStory: [[String: String]] {
        (1...60).map { i in
            ["id": "p\(i)", "source": "Source \(i % 7)", "published": "2024-05-0\(1 + i % 5)T0\(i % 10):00:00Z",
             "title": "Storm breaches harbour wall in Porthmadog",
             "text": "A storm breached the harbour wall in Porthmadog on Tuesday night. Gwynedd Council said 40 homes were flooded."]
        }
    }

    @Test func longSectionsArePagedWithLinks() async throws {
        try await WebServer.with { server in
            try await server.ingest(Self.bigStory)
            let api = try await APIChecks(server)
            let stories = try #require(try await api.call(.GET, "/api/stories").object["stories"] as? [[String: Any]])
            let big = try #require(stories.max { (($0["articles"] as? NSNumber)?.intValue ?? 0) < (($1["articles"] as? NSNumber)?.intValue ?? 0) })
            let id = try #require((big["id"] as? NSNumber)?.intValue)
            let first = try await api.call(.GET, "/api/stories/\(id)")
            let paging = try #require(first.object["paging"] as? [String: Any])
            let articles = try #require(paging["articles"] as? [String: Any])
            // Copies count here (the sources' articles), not in the story row's count of originals.
            let total = try #require((articles["total"] as? NSNumber)?.intValue)
            #expect(total == 60, "the stream should make one big story (got \(total) articles)")
            #expect(articles["next"] as? String == "/stories/\(id)?articles=2" && articles["previous"] == nil)
            let shown = (first.object["sources"] as? [[String: Any]] ?? []).flatMap { $0["articles"] as? [Any] ?? [] }.count
            #expect(shown == 50)
            let second = try await api.call(.GET, "/api/stories/\(id)?articles=2")
            let shown2 = (second.object["sources"] as? [[String: Any]] ?? []).flatMap { $0["articles"] as? [Any] ?? [] }.count
            #expect(shown2 == total - 50)
            let updates = try #require((second.object["paging"] as? [String: Any])?["updates"] as? [String: Any])
            #expect((updates["page"] as? NSNumber)?.intValue == 1)
            let page = try await server.get("/stories/\(id)")
            #expect(page.body.contains("href=\"/stories/\(id)?articles=2\""))
            for bad in ["articles=0", "updates=abc", "timeline=-1", "revisions=99999999999"] {
                #expect(try await api.call(.GET, "/api/stories/\(id)?\(bad)").status == 400, "\(bad)")
            }
            // A page past the end is empty, not an error, and links back.
            let past = try await api.call(.GET, "/api/stories/\(id)?articles=9")
            #expect(past.status == 200 && ((past.object["paging"] as? [String: Any])?["articles"] as? [String: Any])?["previous"] as? String == "/stories/\(id)?articles=2")
        }
    }

    @Test func storiesFilterByTagSourceEntityAndTime() async throws {
        try await WebServer.with { server in
            _ = try server.store.addSource(Source(url: "https://raildaily.example/feed.xml", kind: .feed, title: "Rail Daily",
                                                  tags: ["transport"], interval: 900, added: Date()))
            try await server.ingest(Corpus.first)
            let api = try await APIChecks(server)
            let tagged = try await api.call(.GET, "/api/stories?tag=Transport")
            let list = try #require(tagged.object["stories"] as? [[String: Any]])
            #expect(list.count == 1 && (list.first?["title"] as? String)?.contains("Rail") == true)
            #expect((tagged.object["tags"] as? [String]) == ["transport"])
            #expect((try await api.call(.GET, "/api/stories?tag=nothing").object["stories"] as? [Any])?.isEmpty == true)
            #expect((try await api.call(.GET, "/api/stories?until=2000-01-01T00:00:00Z").object["stories"] as? [Any])?.isEmpty == true)
            #expect(try await api.call(.GET, "/api/stories?until=soon").status == 400)
            // Filters echo back into the form escaped.
            let payload = "\"><script>alert(1)</script>"
            let q = payload.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let page = try await server.get("/?tag=\(q)&entity=\(q)&source=\(q)")
            #expect(page.status == 200 && !page.body.contains(payload) && page.body.contains("&quot;&gt;&lt;script&gt;"))
        }
    }

    @Test func metricsCountRequestsByRouteAndIngest() async throws {
        try await WebServer.with { server in
            try await server.ingest(Corpus.first)
            _ = try await server.get("/stories/1")
            _ = try await server.get("/stories/999")
            let m = try await server.get("/metrics")
            #expect(m.status == 200 && m.contentType.hasPrefix("text/plain"))
            #expect(m.body.contains("updesk_http_requests_total{route=\"/stories/{id}\",method=\"GET\",status=\"200\"} 1"), "\(m.body.prefix(2000))")
            #expect(m.body.contains("updesk_http_requests_total{route=\"/stories/{id}\",method=\"GET\",status=\"404\"} 1"))
            #expect(m.body.contains("updesk_http_request_duration_seconds_bucket{route=\"/stories/{id}\",method=\"GET\",status=\"200\",le=\"0.05\"}"))
            #expect(m.body.contains("updesk_ingest_documents_total{action=\"stored\"} 3"))
            #expect(m.body.contains("updesk_webhook_outbox_pending 0"))
            #expect(try await server.get("/healthz").status == 200)
            #expect(try await server.get("/readyz").status == 200)
        }
    }
}
