import DeskSources
import Foundation
import Testing

/// Replays the feed fuzz target's kept inputs (`Fuzz/seeds/feed`, `Fuzz/corpus/feed`: inputs that once crashed
/// or hung `scripts/fuzz.sh feed`) through `FeedFuzzTarget`, so a fixed crash stays fixed without a fuzzer.
@Suite("Feed fuzz corpus")
struct FeedFuzzCorpusTests {
    static let fuzzFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz")
    /// As for the other targets (DeskExtractTests/FuzzCorpusTests): well inside libFuzzer's 10 s per input.
    static let maxSecondsPerInput = 5.0

    @Test("kept feed inputs run without crashing, in bounded time")
    func replay() throws {
        var files: [URL] = []
        for kind in ["seeds", "corpus"] {
            let dir = Self.fuzzFolder.appendingPathComponent(kind).appendingPathComponent("feed")
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted() {
                files.append(dir.appendingPathComponent(name))
            }
        }
        #expect(!files.isEmpty)
        for file in files {
            let data = try Data(contentsOf: file)
            let (_, seconds) = HostileFeedTests.cpuSeconds { data.withUnsafeBytes { FeedFuzzTarget.run($0) } }
            #expect(seconds < Self.maxSecondsPerInput, "feed/\(file.lastPathComponent) took \(seconds) s of CPU")
        }
    }
}
