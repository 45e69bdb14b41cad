import DeskExtract
import DeskModel
import DeskQueue
import DeskStore
import DeskStorePostgres
import Foundation
import Testing

/// Crash safety of `updesk worker` on PostgreSQL: the real binary is SIGKILLed at seeded random moments while it
/// drains a queue (mid-claim, mid-analysis, mid-placement), restarted each time, and the desk it leaves is
/// compared with one clean worker run over the same jobs.
///
/// The suite runs a short version; the issue's bar (at least 50 kills) is
/// `UPDESK_CRASH_KILLS=60 swift test --skip-build --filter WorkerCrashSafetyTests` or `scripts/crash-test.sh worker`.
@Suite("Crash safety of worker", .serialized, .enabled(if: TestPostgres.url != nil, TestPostgres.skipReason))
struct WorkerCrashSafetyTests {
    static let shortKills = 5
    static var kills: Int { ProcessInfo.processInfo.environment["UPDESK_CRASH_KILLS"].flatMap { Int($0) } ?? shortKills }
    static var seed: UInt64 { ProcessInfo.processInfo.environment["UPDESK_CRASH_SEED"].flatMap { UInt64($0) } ?? 10 }
    /// A killed worker's jobs are claimed again after this lease; short, so the test does not wait long.
    static let leaseSeconds = 2
    /// A kill lands this long after the worker was started (uniform, milliseconds): start-up, claims, placements.
    /// The upper end is cut down for a fast machine or build (`killWindow(cleanRunMs:kills:)`).
    static let killWindowMs: ClosedRange<UInt64> = 150...2_500

    /// The kill window for a queue that one clean worker drains in `cleanRunMs`: its upper end is
    /// `cleanRunMs / kills` (at least 50 ms above the lower end), so the killed runs together are unlikely to drain
    /// the queue before the last kill, however fast the worker has become. A fixed window made the short run fail
    /// on a fast build ("the queue is too short"). In a debug build the window is about 150–1,000 ms, past start-up.
    static func killWindow(cleanRunMs: UInt64, kills: Int) -> ClosedRange<UInt64> {
        let share = cleanRunMs / UInt64(max(kills, 1))
        let upper = min(killWindowMs.upperBound, max(killWindowMs.lowerBound + 50, share))
        return killWindowMs.lowerBound...upper
    }

    @Test("SIGKILLed worker, restarted, ends as one clean run: every queued document placed exactly once, same stories and new facts")
    func killAndRestartWorker() async throws {
        let long = Self.kills > Self.shortKills
        let docs = SyntheticStream.documents(perTopic: long ? 200 : 12)
        let (clean, crash) = try await offPool { () -> (String, CrashRun) in
            let cleanURL = try Self.queue(docs)
            let started = DispatchTime.now().uptimeNanoseconds
            let cleanRun = try Self.launch(cleanURL)
            cleanRun.waitUntilExit()
            guard cleanRun.terminationStatus == 0 else { throw HarnessFailure("the clean worker exited with \(cleanRun.terminationStatus)") }
            let cleanRunMs = (DispatchTime.now().uptimeNanoseconds - started) / 1_000_000
            let window = Self.killWindow(cleanRunMs: cleanRunMs, kills: Self.kills)
            let crashURL = try Self.queue(docs)
            return (cleanURL, try Self.crashRun(crashURL, kills: Self.kills, seed: Self.seed, window: window))
        }
        #expect(crash.kills == Self.kills)
        let crashed = try PostgresStore(location: PostgresLocation(url: crash.url))
        let reference = try PostgresStore(location: PostgresLocation(url: clean))
        #expect(try crashed.integrityCheck())
        #expect(try JobQueue(store: crashed).counts() == QueueCounts(queued: 0, leased: 0, done: docs.count, failed: 0))
        let stored: [String] = try crashed.articles().map { $0.id }
        #expect(stored.count == docs.count && Set(stored) == Set(docs.map { $0.id }), "each queued document is stored exactly once")
        let a = try crashed.counts()
        let b = try reference.counts()
        let sameCounts = a.articles == b.articles && a.duplicates == b.duplicates && a.revisions == b.revisions
        #expect(sameCounts && a.stories == b.stories, "crash run \(a) vs clean run \(b)")
        #expect(try Partition.of(crashed) == Partition.of(reference), "the stories differ from the clean run")
        let updates = try Self.updateTexts(crashed), cleanUpdates = try Self.updateTexts(reference)
        // A killed worker's jobs are taken again at once, oldest first (WorkerPresence), so the order of placement,
        // and with it which sentences were new, is the clean run's.
        #expect(updates == cleanUpdates, "new facts only in one run: \(updates.symmetricDifference(cleanUpdates).sorted().prefix(3))")
        print("worker crash run: \(crash.kills) kills in \(crash.window) ms windows, \(crash.finishedEarly) runs ended before their kill; "
              + "\(a.articles) articles, \(a.duplicates) copies, \(a.stories) stories; same stories as the clean run; "
              + "\(updates.count) new facts, \(updates == cleanUpdates ? "the same as" : "\(updates.symmetricDifference(cleanUpdates).count) differing from") the clean run's")
    }

    /// The desk's new facts as "story documents: text", independent of story ids.
    static func updateTexts(_ store: PostgresStore) throws -> Set<String> {
        var members: [Int64: [String]] = [:]
        for a in try store.assignments() { members[a.storyID, default: []].append(a.docID) }
        return Set(try store.updates(since: nil, perStory: 1_000_000).flatMap { group in
            group.items.map { "\((members[group.story.id] ?? []).sorted().joined(separator: ",")): \($0.text)" }
        })
    }

    struct CrashRun: Sendable {
        var url: String
        var window: ClosedRange<UInt64>
        var kills = 0
        var finishedEarly = 0
    }

    static func crashRun(_ url: String, kills: Int, seed: UInt64, window: ClosedRange<UInt64>) throws -> CrashRun {
        var rng = SeededRandom(seed: seed)
        var run = CrashRun(url: url, window: window)
        while run.kills < kills {
            let worker = try launch(url)
            usleep(UInt32((window.lowerBound + rng.next() % (window.upperBound - window.lowerBound + 1)) * 1000))
            if worker.isRunning {
                kill(worker.processIdentifier, SIGKILL)
                worker.waitUntilExit()
                run.kills += 1
            } else {
                guard worker.terminationStatus == 0 else { throw HarnessFailure("a worker exited with \(worker.terminationStatus)") }
                run.finishedEarly += 1
                if run.finishedEarly > 2 { throw HarnessFailure("the queue is too short for \(kills) kills in \(window) ms") }
            }
        }
        let last = try launch(url)
        last.waitUntilExit()
        guard last.terminationStatus == 0 else { throw HarnessFailure("the final worker exited with \(last.terminationStatus)") }
        return run
    }

    /// A fresh desk schema holding `docs` as queued jobs; its `--db` URL.
    static func queue(_ docs: [RawDocument]) throws -> String {
        let location = try TestPostgres.freshLocation()
        let store = try PostgresStore(location: location)
        _ = try Enqueuer(queue: JobQueue(store: store)).enqueue(docs)
        guard let base = TestPostgres.url else { throw HarnessFailure("UPDESK_TEST_POSTGRES_URL is unset") }
        return base + (base.contains("?") ? "&" : "?") + "schema=\(location.schema)"
    }

    static func launch(_ url: String) throws -> Process {
        let process = Process()
        process.executableURL = updesk
        process.arguments = ["worker", "--db", url, "--exit-when-idle", "--batch", "4", "--lease", "\(leaseSeconds)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// The `updesk` executable built next to the tests.
    static var updesk: URL {
        if let env = ProcessInfo.processInfo.environment["UPDESK_BIN"] { return URL(fileURLWithPath: env) }
        let bundle = Bundle.main.bundleURL
        for dir in [bundle, bundle.deletingLastPathComponent()] {
            let candidate = dir.appendingPathComponent("updesk")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/updesk")
    }
}

struct HarnessFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
