import DeskModel
import DeskStore
import DeskWeb
import Foundation

/// `updesk bench web`: starts `updesk serve` on a desk (a child process, as a user would run it), puts an
/// open-loop load on it over loopback (`WebLoad`) while documents are POSTed to its ingest API, and prints
/// latency per route. The desk is served as it is and grows by what is ingested; it is never removed.
struct WebBench {
    var desk: String
    /// JSON Lines ingest records POSTed during the load (a file); anything else: no ingest.
    var stream: String
    var rate: Double
    var seconds: Double
    var ingestRate: Double
    /// Stories the random-story route picks from, spread over the whole list of stories.
    static let sampledStories = 40
    /// Longest wait for the server to answer after launch.
    static let startTimeout: TimeInterval = 120

    /// The printed lines and the per-route figures behind them (for `updesk bench` summaries).
    struct Outcome {
        var lines: [String]
        var routes: [WebLoad.Figures]
        var articles: Int
    }

    func run() throws -> Outcome {
        guard FileManager.default.fileExists(atPath: desk) else { throw ValidationFailure("no desk at \(desk)") }
        let store = try SQLiteStore(path: desk)
        let counts = try store.counts()
        let sample = try Self.sampleStories(store, total: counts.stories)
        guard let largest = try store.largestStory() else {
            throw ValidationFailure("the desk at \(desk) holds no story")
        }
        var lines = ["desk articles=\(counts.articles) stories=\(counts.stories) largest_story=\(largest.id) "
                     + "articles_in_it=\(largest.articleCount)"]
        var ingestLines: [String] = []
        var isDirectory: ObjCBool = false
        if ingestRate > 0, FileManager.default.fileExists(atPath: stream, isDirectory: &isDirectory), !isDirectory.boolValue {
            ingestLines = try String(contentsOfFile: stream, encoding: .utf8).split(separator: "\n").map(String.init)
        }

        let token = "bench-" + UUID().uuidString
        let server = try ServerProcess.launch(desk: desk, adminToken: token, timeout: Self.startTimeout)
        defer { server.stop() }
        let ids = sample.map(\.id)
        let routes: [WebLoad.Route] = [
            .init(name: "story_page_random") { "/stories/\(ids.randomElement()!)" },
            .init(name: "story_page_largest") { "/stories/\(largest.id)" },
            .init(name: "api_story_random") { "/api/stories/\(ids.randomElement()!)" },
            .init(name: "stories_list") { "/" },
        ]
        var load = WebLoad(port: server.port, routes: routes, rate: rate, seconds: seconds)
        load.token = token
        load.ingestLines = ingestLines
        load.ingestRate = ingestLines.isEmpty ? 0 : ingestRate
        let configured = load
        let result = try AsyncBridge.run { try await configured.run() }
        lines += result.routes.map(\.line)
        lines.append(result.ingest.line + String(format: " rate_rps=%.0f seconds=%.0f", rate, seconds))
        return Outcome(lines: lines, routes: result.routes, articles: counts.articles)
    }

    /// Stories spread over the whole list (newest first), so the random route is not only the newest ones.
    static func sampleStories(_ store: SQLiteStore, total: Int) throws -> [StorySummary] {
        guard total > 0 else { return [] }
        let step = max(1, total / sampledStories)
        var out: [StorySummary] = []
        for offset in stride(from: 0, to: total, by: step).prefix(sampledStories) {
            out += try store.stories(limit: 1, offset: offset)
        }
        return out
    }

    struct ValidationFailure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// `updesk serve` on a free port of 127.0.0.1, from this very binary.
    struct ServerProcess {
        var process: Process
        var port: Int
        var log: URL

        static func launch(desk: String, adminToken: String, timeout: TimeInterval) throws -> ServerProcess {
            let log = FileManager.default.temporaryDirectory.appendingPathComponent("updesk-bench-web-\(getpid()).log")
            FileManager.default.createFile(atPath: log.path, contents: nil)
            let process = Process()
            let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
            process.executableURL = URL(fileURLWithPath: me)
            process.arguments = ["serve", "--db", desk, "--port", "0", "--admin-token", adminToken]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = try FileHandle(forWritingTo: log)
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                if let range = text.range(of: #"http://127\.0\.0\.1:(\d+)/"#, options: .regularExpression),
                   let port = Int(text[range].dropFirst("http://127.0.0.1:".count).dropLast()) {
                    return ServerProcess(process: process, port: port, log: log)
                }
                guard process.isRunning else { throw ValidationFailure("updesk serve exited: \(text)") }
                usleep(100_000)
            }
            process.terminate()
            throw ValidationFailure("updesk serve did not start within \(Int(timeout)) s")
        }

        func stop() {
            if process.isRunning {
                process.terminate()
                process.waitUntilExit()
            }
            try? FileManager.default.removeItem(at: log)
        }
    }
}
