import DeskStore
import Foundation
import Testing

/// `updesk serve` runs the scheduler: a source added with `source add` is fetched and ingested while the web
/// desk serves, with no `updesk fetch` anywhere.
@Suite("Command line: serve polls the desk's sources")
struct ServeFetchTests {
    /// How long the served desk may take to fetch and place the feed on a loaded 2-core machine.
    static let timeout: TimeInterval = 90

    @Test("serve fetches a subscribed feed in the background")
    func serveFetches() async throws {
        try await FixtureServer.with { server in
            let folder = Scratch.folder("serve-fetch")
            let db = folder.appendingPathComponent("desk.sqlite").path
            let added = try await SourceCLITests().run(["source", "add", server.url("/feeds/rss1-rdf.xml").absoluteString, "--db", db],
                                                       env: ["UPDESK_ALLOW_PRIVATE_ADDRESSES": "1"])
            #expect(added.status == 0, "\(added.stderr)")

            let process = Process()
            process.executableURL = SourceCLITests.updesk
            process.arguments = ["serve", "--db", db, "--port", "0", "--allow-private-addresses", "--host-interval", "0"]
            var env = ProcessInfo.processInfo.environment
            env["UPDESK_DB"] = nil
            process.environment = env
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle(forWritingAtPath: "/dev/null")
            process.standardInput = FileHandle.nullDevice
            try process.run()
            defer {
                process.terminate()
                process.waitUntilExit()
            }
            let deadline = Date().addingTimeInterval(Self.timeout)
            var articles = 0
            while Date() < deadline, process.isRunning {
                try await Task.sleep(nanoseconds: 500_000_000)
                articles = (try? SQLiteStore(path: db).counts().articles) ?? 0
                if articles >= 2 { break }
            }
            #expect(process.isRunning, "updesk serve stopped")
            #expect(articles == 2, "the feed's two entries, fetched by serve")
            #expect(await server.state.count("/feeds/rss1-rdf.xml") >= 1)
            let source = try #require(try SQLiteStore(path: db).sources().first)
            #expect(source.kind == .feed)
            #expect(source.state.lastStatus == 200)
        }
    }
}
