import Foundation
import Hummingbird
import Logging
import Testing

/// `updesk source …` and `updesk fetch` on a PostgreSQL desk: sources are kept there, and fetched entries
/// become queue jobs that `updesk worker` places (documents arriving anywhere become jobs).
@Suite(.enabled(if: TestDesk.url != nil, TestDesk.skipReason), .serialized)
struct FetchOnPostgresTests {
    static let feed = """
        <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Gazette</title><link>https://example.org/</link>
        <item><title>Council approves new harbour wall</title><link>https://example.org/n/1</link><guid>n1</guid>
        <pubDate>Tue, 07 May 2024 09:00:00 GMT</pubDate>
        <description>Gwynedd Council approved a new harbour wall for Porthmadog on Tuesday after the storm.</description></item>
        <item><title>Rail strike halts trains across Scotland</title><link>https://example.org/n/2</link><guid>n2</guid>
        <pubDate>Tue, 07 May 2024 10:00:00 GMT</pubDate>
        <description>Train drivers in Scotland began a strike on Monday and ScotRail cancelled most services.</description></item>
        </channel></rss>
        """

    @Test func sourcesLiveOnPostgresAndFetchedEntriesBecomeJobs() async throws {
        let router = Router()
        router.get("/feed.xml") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "application/rss+xml"], body: .init(byteBuffer: .init(string: Self.feed)))
        }
        let (ports, cont) = AsyncStream<Int>.makeStream()
        var quiet = Logger(label: "feed")
        quiet.logLevel = .critical
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { cont.yield($0.localAddress?.port ?? 0); cont.finish() }, logger: quiet)
        let task = Task { try await app.runService(gracefulShutdownSignals: []) }
        defer { task.cancel() }
        var it = ports.makeAsyncIterator()
        let port = try #require(await it.next())

        let db = try TestDesk.freshURL("fetch")
        let added = try await Updesk.run(["source", "add", "--db", db, "http://127.0.0.1:\(port)/feed.xml", "--every", "1h"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("added source 1"), "\(added.stdout)")
        #expect(try await Updesk.run(["source", "list", "--db", db]).stdout.contains("/feed.xml"))

        let fetched = try await Updesk.run(["fetch", "--once", "--db", db, "--allow-private-addresses", "--host-interval", "0"])
        #expect(fetched.status == 0, "\(fetched.stderr)")
        #expect(fetched.stdout.contains("2 queued for workers"), "\(fetched.stdout)")
        #expect(try await Updesk.run(["stories", "--db", db]).stdout.contains("harbour") == false, "fetch itself places nothing")

        let worker = try await Updesk.run(["worker", "--db", db, "--exit-when-idle"])
        #expect(worker.stderr.contains("worker: 2 jobs"), "\(worker.stderr)")
        let stories = try await Updesk.run(["stories", "--db", db])
        #expect(stories.stdout.contains("harbour wall"), "\(stories.stdout)")
        #expect(stories.stdout.contains("Rail strike"), "\(stories.stdout)")

        // Polled again: nothing new, nothing queued twice.
        _ = try await Updesk.run(["source", "resume", "--db", db, "1"])
        let again = try await Updesk.run(["fetch", "--once", "--db", db, "--allow-private-addresses", "--host-interval", "0"])
        #expect(!again.stdout.contains("queued for workers"), "\(again.stdout)")
    }
}
