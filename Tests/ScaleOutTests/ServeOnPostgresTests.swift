import AsyncHTTPClient
import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1
import Testing

/// The scale-out path end to end with the real binary: `updesk serve --db postgres://…` takes a POSTed
/// document as a queue job, `updesk worker` places it, the story shows through the API, and the watch's
/// webhook reaches a local receiver exactly once (outbox entry and mark in one transaction, claimed sends).
@Suite(.enabled(if: TestDesk.url != nil, TestDesk.skipReason), .serialized)
struct ServeOnPostgresTests {
    static let token = "scale-out-admin-token"

    /// Counts what a webhook receiver on 127.0.0.1 is sent.
    actor Hits {
        var bodies: [String] = []
        func add(_ body: String) { bodies.append(body) }
    }

    static func receiver(_ hits: Hits) async throws -> (port: Int, task: Task<Void, any Error>) {
        let router = Router()
        router.post("/hook") { request, _ -> Response in
            var request = request
            await hits.add(String(buffer: try await request.collectBody(upTo: 1 << 20)))
            return Response(status: .ok)
        }
        let (ports, cont) = AsyncStream<Int>.makeStream()
        var quiet = Logger(label: "hook")
        quiet.logLevel = .critical
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { cont.yield($0.localAddress?.port ?? 0); cont.finish() }, logger: quiet)
        let task = Task { try await app.runService(gracefulShutdownSignals: []) }
        var it = ports.makeAsyncIterator()
        return (try #require(await it.next()), task)
    }

    struct Reply { var status: Int; var body: String
        var object: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:] }
    }

    static func call(_ method: HTTPMethod, _ url: String, body: String? = nil) async throws -> Reply {
        var request = HTTPClientRequest(url: url)
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        return Reply(status: Int(response.status.code), body: String(buffer: try await response.body.collect(upTo: 1 << 24)))
    }

    @Test func aPostedDocumentIsQueuedPlacedByAWorkerAndItsWebhookSentOnce() async throws {
        let db = try TestDesk.freshURL("serve")
        #expect(try await Updesk.run(["migrate", "--db", db]).status == 0)
        let hits = Hits()
        let (hookPort, hookTask) = try await Self.receiver(hits)
        defer { hookTask.cancel() }
        let server = try await Updesk.Server(arguments: ["--db", db, "--admin-token", Self.token])
        defer { server.stop() }

        let watch = try await Self.call(.POST, server.base + "/api/watches", body: """
            {"name":"harbour","query":"harbour OR wall","webhookURL":"http://127.0.0.1:\(hookPort)/hook"}
            """)
        #expect(watch.status == 201, "\(watch.body)")
        let watchID = try #require((watch.object["id"] as? NSNumber)?.intValue)

        let posted = try await Self.call(.POST, server.base + "/api/ingest", body: """
            {"id":"pg-a1","source":"Harbour Times","url":"https://example.org/a1","published":"2024-05-01T08:00:00Z",\
            "title":"Storm breaches harbour wall in Porthmadog",\
            "text":"A storm breached the harbour wall in Porthmadog on Tuesday night. Gwynedd Council said 40 homes were flooded."}
            """)
        #expect(posted.status == 202, "a PostgreSQL desk queues what it is sent: \(posted.body)")
        #expect((posted.object["queued"] as? NSNumber)?.intValue == 1)
        #expect((try await Self.call(.GET, server.base + "/api/stories")).body.contains("Porthmadog") == false,
                "nothing is placed by the web node itself")

        let worker = try await Updesk.run(["worker", "--db", db, "--exit-when-idle"])
        #expect(worker.status == 0, "\(worker.stderr)")
        #expect(worker.stderr.contains("worker: 1 jobs"), "\(worker.stderr)")

        let stories = try await Self.call(.GET, server.base + "/api/stories")
        #expect(stories.body.contains("Porthmadog"), "\(stories.body)")

        // The node hears the placement (LISTEN/NOTIFY), matches the watch and sends the webhook.
        var delivered = false
        for _ in 0..<600 where !delivered { // up to a minute on a loaded machine
            try await Task.sleep(for: .milliseconds(100))
            let w = try await Self.call(.GET, server.base + "/api/watches/\(watchID)")
            delivered = (w.object["deliveries"] as? [[String: Any]])?.first?["state"] as? String == "delivered"
        }
        #expect(delivered, "\(server.stderr)")
        // Two more of the node's timed refreshes (every 5 s) pass: nothing is matched or sent again.
        try await Task.sleep(for: .seconds(11))
        let bodies = await hits.bodies
        #expect(bodies.count == 1, "exactly one webhook: \(bodies.count)")
        #expect(bodies.first?.contains("Porthmadog") == true)
        let w = try await Self.call(.GET, server.base + "/api/watches/\(watchID)")
        #expect((w.object["deliveries"] as? [[String: Any]])?.count == 1)
    }
}
