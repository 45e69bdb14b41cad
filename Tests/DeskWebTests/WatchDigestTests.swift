import DeskStore
import Foundation
import Testing
@testable import DeskWeb

/// Scheduled watch digests: after new facts arrive, each watch gets a Markdown and an HTML digest of what it
/// matched since its last one (only that), and a rerun writes nothing new.
@Suite("Watch digests", .serialized)
struct WatchDigestTests {
    @Test("a watch's scheduled digest holds what it matched since it was made, once, in Markdown and HTML")
    func scheduledDigests() async throws {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory() + "updesk-digests-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = WebDesk.Configuration(watchInterval: .milliseconds(200),
                                           digests: .init(directory: folder, every: 0.2))
        try await WebServer.with(config) { server in
            let api = try await APIChecks(server)
            try await server.ingest(Corpus.first)
            let editor = try await server.makeUser("ed", role: "editor")
            let made = try await api.call(.POST, "/api/watches", body: #"{"name":"repairs <now>","query":"repairs OR cost"}"#, token: editor)
            #expect(made.status == 201)
            let id = try #require(made.int("id"))
            try await server.ingest(Corpus.later)

            var files: [String] = []
            for _ in 0..<150 where files.count < 2 {
                try await Task.sleep(for: .milliseconds(100))
                files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
            }
            #expect(files.count == 2 && files.allSatisfy { $0.hasPrefix("watch-\(id)-") }, "\(files)")
            let md = try String(contentsOf: folder.appendingPathComponent(try #require(files.first { $0.hasSuffix(".md") })), encoding: .utf8)
            let html = try String(contentsOf: folder.appendingPathComponent(try #require(files.first { $0.hasSuffix(".html") })), encoding: .utf8)
            #expect(md.hasPrefix("# Watch \u{201C}repairs <now>\u{201D}: what is new"))
            #expect(md.contains("Repairs to the breached harbour wall") || md.contains("2 million pounds"))
            // Only what the watch matched after it was made: the first articles' facts are not in it.
            #expect(!md.contains("40 homes were flooded"))
            #expect(html.contains("repairs &lt;now&gt;") && !html.contains("<now>"), "the watch's name is escaped in the HTML body")
            #expect(!html.contains("<script"))

            // Nothing new: another run writes nothing, and the files stay as they are.
            let digests = try #require(server.desk.digests)
            #expect(try digests.writeAll().isEmpty)
            let after = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
            #expect(after == files)
        }
    }
}
