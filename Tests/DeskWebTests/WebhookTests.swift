import DeskModel
import DeskPipeline
import Foundation
import Hummingbird
import Logging
import NIOCore
import Testing
@testable import DeskWeb

/// Watches fire signed webhooks through the outbox: a receiver on 127.0.0.1 that fails once gets the
/// message again after the backoff, with a valid signature, and marks of delivery keep it from coming a third time.
@Suite struct WebhookTests {
    actor Receiver {
        var hits: [(delivery: String, signature: String, body: String)] = []
        var failFirst = true
        func take(_ delivery: String, _ signature: String, _ body: String) -> Bool {
            hits.append((delivery, signature, body))
            if failFirst { failFirst = false; return false }
            return true
        }
    }

    @Test func aMatchIsSignedRetriedAndDeliveredOnce() async throws {
        let receiver = Receiver()
        let router = Router()
        router.post("/hook") { request, context -> Response in
            var request = request
            let body = String(buffer: try await request.collectBody(upTo: 1 << 20))
            let ok = await receiver.take(request.headers[HTTPFields.Element.Name("X-UpdateDesk-Delivery")!] ?? "",
                                         request.headers[HTTPFields.Element.Name(WebhookSignature.header)!] ?? "", body)
            return Response(status: ok ? .ok : .internalServerError)
        }
        let (ports, cont) = AsyncStream<Int>.makeStream()
        var quiet = Logger(label: "hook")
        quiet.logLevel = .critical
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { cont.yield($0.localAddress?.port ?? 0); cont.finish() }, logger: quiet)
        let hookTask = Task { try await app.runService(gracefulShutdownSignals: []) }
        defer { hookTask.cancel() }
        var it = ports.makeAsyncIterator()
        let hookPort = try #require(await it.next())

        // Retries after 0.3 s, 0.6 s, ...: short for the test; the defaults are 30 s doubling to an hour.
        let config = WebDesk.Configuration(watchInterval: .milliseconds(200),
                                           webhook: .init(baseDelay: 0.3, maxDelay: 2, maxAttempts: 5, timeout: .seconds(5)))
        try await WebServer.with(config) { server in
            let api = try await APIChecks(server)
            try await server.ingest(Corpus.first)
            let editor = try await server.makeUser("ed", role: "editor")
            let made = try await api.call(.POST, "/api/watches", body: """
                {"name":"repairs","query":"repairs OR cost","webhookURL":"http://127.0.0.1:\(hookPort)/hook"}
                """, token: editor)
            #expect(made.status == 201)
            let secret = try #require(made.object["secret"] as? String)
            let watchID = try #require(made.int("id"))
            // The secret is shown once.
            #expect(try await api.call(.GET, "/api/watches/\(watchID)", token: editor).object["secret"] == nil)
            try await server.ingest(Corpus.later)
            var delivered = false
            for _ in 0..<300 where !delivered {
                try await Task.sleep(for: .milliseconds(100))
                let w = try await api.call(.GET, "/api/watches/\(watchID)", token: editor)
                delivered = (w.object["deliveries"] as? [[String: Any]])?.first?["state"] as? String == "delivered"
            }
            #expect(delivered)
            try await Task.sleep(for: .milliseconds(600))
            let hits = await receiver.hits
            #expect(hits.count == 2, "one failure, one success, nothing after: \(hits.count)")
            #expect(Set(hits.map(\.delivery)).count == 1, "a retry carries the same delivery id")
            for hit in hits {
                #expect(WebhookSignature.verify(header: hit.signature, body: hit.body, secret: secret, now: Date()))
                #expect(!WebhookSignature.verify(header: hit.signature, body: hit.body + " ", secret: secret, now: Date()))
                #expect(!WebhookSignature.verify(header: hit.signature, body: hit.body, secret: secret, now: Date().addingTimeInterval(3600)),
                        "an old signature is a replay")
            }
            let message = try JSONDecoder().decode(WebhookMessage.self, from: Data(try #require(hits.last).body.utf8))
            #expect(message.watch.id == Int64(watchID))
            #expect(!message.updates.isEmpty && message.updates.allSatisfy { $0.text.contains("Repairs") || $0.text.contains("cost") })
            let w = try await api.call(.GET, "/api/watches/\(watchID)", token: editor)
            #expect(((w.object["deliveries"] as? [[String: Any]])?.first?["attempts"] as? NSNumber)?.intValue == 2)
            // Removing it: an editor may, and it is gone.
            #expect(try await api.call(.DELETE, "/api/watches/\(watchID)", token: editor).status == 204)
            #expect(try await api.call(.GET, "/api/watches/\(watchID)", token: editor).status == 404)
        }
    }

    @Test func backoffDoublesAndGivesUp() {
        let p = WebhookDeliverer.Policy(baseDelay: 30, maxDelay: 3600, maxAttempts: 8)
        let now = Date(timeIntervalSince1970: 0)
        #expect(p.nextAttempt(after: 1, now: now) == now.addingTimeInterval(30))
        #expect(p.nextAttempt(after: 2, now: now) == now.addingTimeInterval(60))
        #expect(p.nextAttempt(after: 7, now: now) == now.addingTimeInterval(1920))
        #expect(p.nextAttempt(after: 8, now: now) == nil)
        #expect(WebhookDeliverer.Policy(baseDelay: 30, maxDelay: 100, maxAttempts: 20).nextAttempt(after: 10, now: now) == now.addingTimeInterval(100))
    }
}
