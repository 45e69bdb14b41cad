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
    /// A worker that does not reach its kill point, or a run that does not end, within this long fails the test
    /// instead of hanging it (a debug worker drains the short queue in about 5 s, the long one in a few minutes).
    static let timeoutSeconds: UInt64 = 600
    /// Share of kills (in percent) aimed at start-up instead of at a placement: connecting, claiming the first batch.
    static let earlyKillPercent: UInt64 = 20
    /// An early kill lands within this many milliseconds of the launch, and before the worker's first placement.
    static let earlyKillWindowMs: UInt64 = 400
    /// How often the harness reads the queue's progress.
    static let pollMicroseconds: UInt32 = 10_000
    /// After the aimed-at placements, the kill waits up to this long (uniform), landing inside a later claim,
    /// analysis or placement transaction.
    static let jitterMicroseconds: UInt64 = 40_000

    /// A kill comes once the worker has placed 1...`maxStep(jobs:kills:)` more jobs since its launch (uniform).
    /// The kills are aimed at progress, not at a time after launch: timed kills failed on CI whenever the killed
    /// runs happened to be faster than the clean run they were sized from ("the queue is too short"). Steps of at
    /// most `jobs / (2 × kills)` leave room for the jitter's and a batch's overshoot (a few jobs per kill), and an
    /// early kill comes at the latest at the first placement, so the kills together do not drain the queue
    /// whatever the speed of machine or build (short of one that places a whole batch inside one poll).
    static func maxStep(jobs: Int, kills: Int) -> Int {
        max(1, jobs / (2 * max(kills, 1)))
    }

    @Test("SIGKILLed worker, restarted, ends as one clean run: every queued document placed exactly once, same stories and new facts")
    func killAndRestartWorker() async throws {
        let long = Self.kills > Self.shortKills
        let docs = SyntheticStream.documents(perTopic: long ? 200 : 12)
        let (clean, crash) = try await offPool { () -> (String, CrashRun) in
            let cleanURL = try Self.queue(docs)
            let cleanRun = try Self.launch(cleanURL)
            try Self.finish(cleanRun, "the clean worker")
            let crashURL = try Self.queue(docs)
            let step = Self.maxStep(jobs: docs.count, kills: Self.kills)
            return (cleanURL, try Self.crashRun(crashURL, kills: Self.kills, seed: Self.seed, maxStep: step))
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
        print("worker crash run: \(crash.kills) kills (\(crash.early) at start-up, the others after 1...\(crash.maxStep) placements), "
              + "\(crash.finishedEarly) runs ended before their kill; "
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
        var maxStep: Int
        var kills = 0
        var early = 0
        var finishedEarly = 0
    }

    static func crashRun(_ url: String, kills: Int, seed: UInt64, maxStep: Int) throws -> CrashRun {
        var rng = SeededRandom(seed: seed)
        var run = CrashRun(url: url, maxStep: maxStep)
        let queue = try JobQueue(store: PostgresStore(location: PostgresLocation(url: url)))
        while run.kills < kills {
            let doneAtLaunch = try queue.counts().done
            let worker = try launch(url)
            let early = rng.next() % 100 < earlyKillPercent
            do {
                // Early: a moment in start-up, cut short by the first placement. Otherwise: 1...maxStep placements.
                let target = early ? doneAtLaunch + 1 : doneAtLaunch + Int(rng.next() % UInt64(maxStep)) + 1
                let until = DispatchTime.now().uptimeNanoseconds + (early ? rng.next() % earlyKillWindowMs * 1_000_000 : .max / 2)
                let deadline = DispatchTime.now().uptimeNanoseconds + timeoutSeconds * 1_000_000_000
                while worker.isRunning, DispatchTime.now().uptimeNanoseconds < until, try queue.counts().done < target {
                    guard DispatchTime.now().uptimeNanoseconds < deadline else {
                        throw HarnessFailure("a worker placed fewer than \(target - doneAtLaunch) jobs in \(timeoutSeconds) s")
                    }
                    usleep(pollMicroseconds)
                }
                if !early { usleep(UInt32(rng.next() % jitterMicroseconds)) }
            } catch {
                kill(worker.processIdentifier, SIGKILL)
                worker.waitUntilExit()
                throw error
            }
            if worker.isRunning {
                kill(worker.processIdentifier, SIGKILL)
                worker.waitUntilExit()
                run.kills += 1
                if early { run.early += 1 }
            } else {
                worker.waitUntilExit()
                guard worker.terminationStatus == 0 else { throw HarnessFailure("a worker exited with \(worker.terminationStatus)") }
                run.finishedEarly += 1
                if run.finishedEarly > 2 { throw HarnessFailure("the queue is too short for \(kills) kills of at most \(maxStep) placements") }
            }
        }
        try finish(try launch(url), "the final worker")
        return run
    }

    /// Waits for `process` to end by itself and succeed; one that runs past `timeoutSeconds` is killed and fails.
    static func finish(_ process: Process, _ what: String) throws {
        let deadline = DispatchTime.now().uptimeNanoseconds + timeoutSeconds * 1_000_000_000
        while process.isRunning, DispatchTime.now().uptimeNanoseconds < deadline { usleep(pollMicroseconds) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw HarnessFailure("\(what) ran for more than \(timeoutSeconds) s")
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw HarnessFailure("\(what) exited with \(process.terminationStatus)") }
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
