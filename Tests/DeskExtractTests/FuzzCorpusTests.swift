import Foundation
import Testing
import DeskExtract

/// Replays every kept fuzz input (`Fuzz/corpus/TARGET/*`: inputs that once crashed or hung a target, and
/// `Fuzz/seeds/TARGET/*`) through its `FuzzTargets` entry, so a fixed crash stays fixed without a fuzzer.
/// `scripts/fuzz.sh TARGET SECONDS` finds new ones.
@Suite("Fuzz corpus")
struct FuzzCorpusTests {
    static let fuzzFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz")

    /// A kept input must run well inside libFuzzer's per-input limit (scripts/fuzz.sh: 10 s under ASan),
    /// so that a hang fixed once cannot creep back as a slow path. Debug builds are several times slower.
    static let maxSecondsPerInput = 5.0

    /// Targets outside DeskExtract, replayed by their own test (feed: DeskSourcesTests/FeedFuzzCorpusTests).
    static let replayedElsewhere: Set<String> = ["feed"]

    static func inputs() -> [(target: String, file: URL)] {
        var out: [(String, URL)] = []
        for kind in ["corpus", "seeds"] {
            let base = fuzzFolder.appendingPathComponent(kind)
            let targets = (try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? []
            for t in targets.sorted() {
                let files = (try? FileManager.default.contentsOfDirectory(atPath: base.appendingPathComponent(t).path)) ?? []
                for f in files.sorted() { out.append((t, base.appendingPathComponent(t).appendingPathComponent(f))) }
            }
        }
        return out
    }

    @Test("every folder names a target")
    func foldersNameTargets() {
        let unknown = Set(Self.inputs().map(\.target)).subtracting(FuzzTargets.all.keys).subtracting(Self.replayedElsewhere)
        #expect(unknown.isEmpty, "no FuzzTargets entry for \(unknown.sorted())")
        #expect(!Self.inputs().isEmpty)
    }

    @Test("kept inputs run without crashing, in bounded time")
    func replay() throws {
        for (target, file) in Self.inputs() {
            guard let run = FuzzTargets.all[target] else { continue }
            let data = try Data(contentsOf: file)
            let (_, seconds) = threadCPUSeconds { data.withUnsafeBytes { run($0) } }
            #expect(seconds < Self.maxSecondsPerInput, "\(target)/\(file.lastPathComponent) took \(seconds) s of CPU")
        }
    }
}
