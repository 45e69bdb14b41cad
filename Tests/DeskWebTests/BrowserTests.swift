import Foundation
import Testing
@testable import DeskWeb

/// Headless Chromium (Debian's `chromium`, installed by scripts/setup.sh) loads each main page of a live
/// server on 127.0.0.1: the rendered DOM holds the page's content and a screenshot of each goes to
/// docs/screenshots/ (the README shows them).
@Suite(.serialized) struct BrowserTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let screenshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/screenshots")

    /// Runs chromium headless with `arguments` and the URL; returns standard output. Waits without holding a
    /// thread (chromium takes seconds; the machine has two cores and the tests share them).
    static func chromium(_ arguments: [String], url: String) async throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try #require(chromium))
        let profile = NSTemporaryDirectory() + "updesk-chromium-\(UUID().uuidString)"
        let output = profile + ".out"
        FileManager.default.createFile(atPath: output, contents: nil)
        let handle = try #require(FileHandle(forWritingAtPath: output))
        p.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                       "--user-data-dir=\(profile)", "--no-first-run", "--disable-extensions"] + arguments + [url]
        p.standardOutput = handle
        p.standardError = FileHandle.nullDevice
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            p.terminationHandler = { _ in done.resume() }
            do { try p.run() } catch { p.terminationHandler = nil; done.resume() }
        }
        try? handle.close()
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(atPath: profile)
        try? FileManager.default.removeItem(atPath: output)
        return text
    }

    @Test func chromiumLoadsEachPageAndScreenshotsIt() async throws {
        try #require(Self.chromium != nil, "chromium is not installed: run scripts/setup.sh")
        try await WebServer.with { server in
            try await server.ingest(Corpus.first)
            try await server.ingest(Corpus.later)
            try await server.ingest(Corpus.revision)
            await server.desk.refresh()
            let storyID = try #require(server.store.stories(limit: 10, offset: 0).first { $0.title.contains("arbour") }?.id)
            let articleID = try #require(server.store.search("Porthmadog Tuesday", limit: 5).map(\.articleID).min())
            let entity = try #require(server.store.topEntities(limit: 50).first { $0.name.contains("Porthmadog") }?.key.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
            let pages: [(name: String, path: String, expect: String)] = [
                ("stories", "/", "Stories"),
                ("story", "/stories/\(storyID)", "New since you last looked"),
                ("article", "/articles/\(articleID)", "Removed as boilerplate"),
                ("search", "/search?q=harbour", "Search"),
                ("entity", "/entities/\(entity)", "Porthmadog"),
                ("entities", "/entities", "Entities"),
                ("login", "/login", "Password"),
                ("watches", "/watches", "Watches"),
            ]
            try FileManager.default.createDirectory(at: Self.screenshots, withIntermediateDirectories: true)
            for page in pages {
                let url = server.base + page.path
                let dom = try await Self.chromium(["--dump-dom"], url: url)
                #expect(dom.contains(page.expect), "\(page.name): the rendered page lacks \(page.expect)")
                let file = Self.screenshots.appendingPathComponent("\(page.name).png").path
                try? FileManager.default.removeItem(atPath: file)
                _ = try await Self.chromium(["--screenshot=\(file)", "--window-size=1200,1400"], url: url)
                let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
                #expect(size > 10_000, "\(page.name): screenshot \(file) is \(size) bytes")
            }
        }
    }
}
