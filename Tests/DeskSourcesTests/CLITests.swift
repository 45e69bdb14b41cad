import Foundation
import Testing

/// The real `updesk` binary: sources managed, imported, exported and fetched from the local server.
@Suite("Command line: source and fetch")
struct SourceCLITests {
    static var updesk: URL {
        if let env = ProcessInfo.processInfo.environment["UPDESK_BIN"] { return URL(fileURLWithPath: env) }
        let bundle = Bundle.main.bundleURL
        for dir in [bundle, bundle.deletingLastPathComponent()] {
            let candidate = dir.appendingPathComponent("updesk")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug/updesk")
    }

    struct Run { var status: Int32; var stdout: String; var stderr: String }

    /// Runs updesk off the calling thread (the test's server must keep answering meanwhile).
    func run(_ arguments: [String], env extra: [String: String] = [:]) async throws -> Run {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                do {
                    let process = Process()
                    process.executableURL = Self.updesk
                    process.arguments = arguments
                    var env = ProcessInfo.processInfo.environment
                    env["UPDESK_DB"] = nil
                    env["UPDESK_ALLOW_PRIVATE_ADDRESSES"] = nil
                    for (k, v) in extra { env[k] = v }
                    process.environment = env
                    let out = Pipe(), err = Pipe()
                    process.standardOutput = out
                    process.standardError = err
                    process.standardInput = FileHandle.nullDevice
                    try process.run()
                    let errData = DataHolder()
                    let group = DispatchGroup()
                    group.enter()
                    DispatchQueue.global().async { errData.data = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
                    let outData = out.fileHandleForReading.readDataToEndOfFile()
                    process.waitUntilExit()
                    group.wait()
                    continuation.resume(returning: Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                                                       stderr: String(decoding: errData.data, as: UTF8.self)))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    @Test("source and fetch answer --help", arguments: [["source"], ["source", "add"], ["source", "list"], ["source", "import"], ["fetch"]])
    func help(_ words: [String]) async throws {
        let result = try await run(words + ["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE"))
    }

    @Test("import an OPML file, fetch once from the local server, list with state, export, pause, remove")
    func lifecycle() async throws {
        try await FixtureServer.with { server in
            let dir = Scratch.folder("cli-sources")
            let db = dir.appendingPathComponent("desk.sqlite").path
            let opml = """
                <?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>
                <outline text="News"><outline text="Gazette" type="rss" xmlUrl="\(server.base)/feeds/rss2-quirks.xml"/>
                <outline text="Science" type="rss" xmlUrl="\(server.base)/feeds/rss1-rdf.xml"/></outline>
                <outline text="Broken" type="rss" xmlUrl="\(server.base)/gone"/>
                </body></opml>
                """
            let file = dir.appendingPathComponent("subs.opml")
            try opml.write(to: file, atomically: true, encoding: .utf8)
            let imported = try await run(["source", "import", "--db", db, file.path])
            #expect(imported.status == 0)
            #expect(imported.stdout.contains("3 added"))
            let added = try await run(["source", "add", "--db", db, "\(server.base)/feeds/atom.xml", "--every", "1h"])
            #expect(added.stdout.contains("added source 4"))

            // Without the operator's allowance, loopback is refused and the reason shows in the list.
            let refused = try await run(["fetch", "--once", "--db", db])
            #expect(refused.stdout.contains("4 failed"))
            #expect(refused.stderr.contains("loopback"))
            let listed = try await run(["source", "list", "--db", db])
            #expect(listed.stdout.contains("allow it with --allow-private-addresses"))

            // Due again only after backoff: resume makes them due now.
            for id in 1...4 { _ = try await run(["source", "resume", "--db", db, "\(id)"]) }
            let fetched = try await run(["fetch", "--once", "--db", db, "--host-interval", "0"], env: ["UPDESK_ALLOW_PRIVATE_ADDRESSES": "1"])
            #expect(fetched.status == 0)
            #expect(fetched.stdout.contains("polled 4 sources"))
            #expect(fetched.stdout.contains("1 failed"))
            #expect(fetched.stdout.contains("9 documents ingested"))
            // The fetched entry is stored under its own headline (which story title wins depends on placement,
            // not on fetching, so the story list is not what this test checks).
            let articles = try await run(["export", "articles", "--db", db])
            #expect(articles.stdout.contains("Council approves new harbour wall"))
            #expect(try await run(["stories", "--db", db]).stdout.split(separator: "\n").count >= 6)

            let list = try await run(["source", "list", "--db", db])
            #expect(list.stdout.contains("Gazette"))
            #expect(list.stdout.contains("tags: News"))
            #expect(list.stdout.contains("HTTP 404"))
            #expect(list.stdout.contains("failing: 2 times in a row"))

            let export = try await run(["source", "export", "--db", db])
            #expect(export.stdout.contains("<outline text=\"News\""))
            #expect(export.stdout.contains("xmlUrl=\"\(server.base)/feeds/rss1-rdf.xml\""))

            #expect(try await run(["source", "pause", "--db", db, "1"]).status == 0)
            #expect(try await run(["source", "list", "--db", db]).stdout.contains("PAUSED"))
            #expect(try await run(["source", "remove", "--db", db, "\(server.base)/gone"]).status == 0)
            #expect(!(try await run(["source", "list", "--db", db]).stdout.contains("/gone")))
        }
    }
}

final class DataHolder: @unchecked Sendable { var data = Data() }
