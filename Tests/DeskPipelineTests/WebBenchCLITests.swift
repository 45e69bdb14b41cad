import Foundation
import Testing

/// `updesk bench web` runs end to end: it serves a small desk, loads it over loopback while POSTing documents,
/// and prints one line per route and the ingest line. The figures themselves are not judged here (a bench,
/// not a timed test); only that every request was answered and every document taken in.
@Suite("bench web")
struct WebBenchCLITests {
    @Test("bench web prints per-route latency and what was ingested meanwhile, with no failed request")
    func benchWeb() throws {
        let dir = Paths.scratch("bench-web")
        defer { try? FileManager.default.removeItem(at: dir) }
        let lines = try String(contentsOf: Paths.samples.appendingPathComponent("uci-news-headlines.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        let desk = dir.appendingPathComponent("desk.sqlite").path
        let held = dir.appendingPathComponent("held.jsonl"), incoming = dir.appendingPathComponent("incoming.jsonl")
        try (lines.prefix(60).joined(separator: "\n") + "\n").write(to: held, atomically: true, encoding: .utf8)
        try (lines.dropFirst(60).prefix(20).joined(separator: "\n") + "\n").write(to: incoming, atomically: true, encoding: .utf8)
        let ingest = try CLIRun.run(["ingest", "--db", desk, held.path])
        #expect(ingest.status == 0, "\(ingest.stderr)")

        let run = try CLIRun.run(["bench", "web", "--db", desk, "--data", incoming.path, "--rate", "8", "--seconds", "3",
                                  "--ingest-rate", "5"])
        #expect(run.status == 0, "\(run.stderr)")
        let out = run.stdout.split(separator: "\n").map(String.init)
        for route in ["story_page_random", "story_page_largest", "api_story_random", "stories_list"] {
            let line = out.first { $0.hasPrefix("route=\(route) ") }
            #expect(line?.contains("failed=0") == true, "\(route): \(line ?? "missing")\n\(run.stdout)")
            #expect(line?.contains("requests=6") == true, "\(route): \(line ?? "missing")")
        }
        let ingestLine = out.first { $0.hasPrefix("ingest ") } ?? ""
        #expect(ingestLine.contains("documents=20 ") && ingestLine.contains("failed_batches=0"), "\(ingestLine)")
    }
}
