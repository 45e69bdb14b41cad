import DeskModel
import DeskStore
import Foundation

/// Drives the real `updesk ingest --ack` over one stream, kills it with SIGKILL at seeded random points,
/// restarts it, and finally lets one run finish. What it hands back is compared with a clean single run.
///
/// A document is *acknowledged* when ingest printed its `ack` line: the line is written after the document's
/// transaction committed, so every acknowledged document must be in the database exactly once afterwards.
struct CrashHarness {
    /// What a crash run (or a clean run) left behind.
    struct Outcome {
        var kills = 0
        /// Runs that ended on their own before the kill came (they count as progress, not as kills).
        var finishedEarly = 0
        /// Every document id acknowledged by any run, with each acknowledgement's action.
        var acknowledged: [String: [String]] = [:]
    }

    var inputs: [String]
    var seed: UInt64
    var kills: Int
    /// A kill comes after at most this many new documents were acknowledged in a run (uniformly 1...this),
    /// then after a further random pause of up to `jitterMicroseconds`, landing inside a later transaction.
    var maxStep: Int
    var jitterMicroseconds: UInt32 = 30_000
    /// Share of kills (in percent) aimed at start-up instead: migration, reading, the first batch's analysis.
    var earlyKillPercent: UInt64 = 15
    /// An early kill lands within this many milliseconds of the launch.
    var earlyKillWindowMs: UInt64 = 600

    /// One uninterrupted run.
    func cleanRun(db: String, scratch: URL) throws -> Outcome {
        var outcome = Outcome()
        let acks = scratch.appendingPathComponent("clean.acks")
        let process = try launch(db: db, acks: acks)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw HarnessError("clean ingest exited with \(process.terminationStatus)") }
        Self.collect(acks, into: &outcome)
        return outcome
    }

    /// `kills` runs killed with SIGKILL, then one run to the end.
    func crashRun(db: String, scratch: URL) throws -> Outcome {
        var rng = SeededRandom(seed: seed)
        var outcome = Outcome()
        var attempt = 0
        while outcome.kills < kills {
            attempt += 1
            let acks = scratch.appendingPathComponent("run-\(attempt).acks")
            let process = try launch(db: db, acks: acks)
            let early = rng.next() % 100 < earlyKillPercent
            if early {
                usleep(UInt32(rng.next() % (earlyKillWindowMs * 1000)))
            } else {
                let step = Int(rng.next() % UInt64(maxStep)) + 1
                while process.isRunning && Self.newAcknowledgements(acks) < step { usleep(2_000) }
                usleep(UInt32(rng.next() % UInt64(jitterMicroseconds)))
            }
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                outcome.kills += 1
            } else {
                process.waitUntilExit()
                guard process.terminationStatus == 0 else {
                    throw HarnessError("ingest run \(attempt) exited with \(process.terminationStatus) before its kill")
                }
                outcome.finishedEarly += 1
            }
            Self.collect(acks, into: &outcome)
            if outcome.finishedEarly > kills { throw HarnessError("the stream is too short for \(kills) kills") }
        }
        let acks = scratch.appendingPathComponent("final.acks")
        let last = try launch(db: db, acks: acks)
        last.waitUntilExit()
        guard last.terminationStatus == 0 else { throw HarnessError("the final ingest exited with \(last.terminationStatus)") }
        Self.collect(acks, into: &outcome)
        return outcome
    }

    func launch(db: String, acks: URL) throws -> Process {
        FileManager.default.createFile(atPath: acks.path, contents: nil)
        let process = Process()
        process.executableURL = Paths.updesk
        process.arguments = ["ingest", "--ack", "--db", db] + inputs
        var env = ProcessInfo.processInfo.environment
        env["UPDESK_DB"] = nil
        env["UPDESK_LOG"] = nil
        process.environment = env
        process.standardOutput = try FileHandle(forWritingTo: acks)
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Lines of complete acknowledgements of documents this run placed (re-read, unchanged ones excluded).
    static func newAcknowledgements(_ acks: URL) -> Int {
        guard let data = try? Data(contentsOf: acks) else { return 0 }
        return lines(data).filter { $0.count >= 3 && $0[2] != "unchanged" }.count
    }

    static func collect(_ acks: URL, into outcome: inout Outcome) {
        guard let data = try? Data(contentsOf: acks) else { return }
        for fields in lines(data) where fields.count >= 3 {
            outcome.acknowledged[fields[1], default: []].append(fields[2])
        }
    }

    /// Complete lines only: a line cut by the kill (no newline yet) was never acknowledged.
    static func lines(_ data: Data) -> [[String]] {
        var text = String(decoding: data, as: UTF8.self)
        if let lastNewline = text.lastIndex(of: "\n") { text = String(text[...lastNewline]) } else { return [] }
        return text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
            .filter { $0.first == "ack" }
    }
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// What two desks must agree on after the same stream: the comparison a crash run is judged by.
struct DeskSnapshot: Equatable {
    var counts: StoreCounts
    var assignments: [String]
    var updates: [String]
    var docIDs: [String]

    init(_ store: SQLiteStore) throws {
        counts = try store.counts()
        assignments = try store.assignments().map { "\($0.docID) -> \($0.storyID)\($0.opened ? " opened" : "")" }
        updates = try store.updates(since: nil, perStory: 1_000_000).flatMap { group in
            group.items.map { "\(group.story.id): \($0.text)" }
        }.sorted()
        docIDs = try store.articles().map { "\($0.id) \($0.title ?? "")" }
    }

    /// The first few differences, for a readable failure.
    func differences(from other: DeskSnapshot) -> [String] {
        var out: [String] = []
        if counts != other.counts { out.append("counts \(counts) vs \(other.counts)") }
        for (name, a, b) in [("assignment", assignments, other.assignments), ("update", updates, other.updates), ("doc", docIDs, other.docIDs)] {
            let onlyA = Set(a).subtracting(b), onlyB = Set(b).subtracting(a)
            out += onlyA.sorted().prefix(3).map { "\(name) only in crash run: \($0)" }
            out += onlyB.sorted().prefix(3).map { "\(name) only in clean run: \($0)" }
            if onlyA.isEmpty && onlyB.isEmpty && a != b { out.append("\(name)s in a different order") }
        }
        return out
    }
}
