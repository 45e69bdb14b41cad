import DeskModel
import DeskStore
import Foundation
import Testing

/// Crash safety of `updesk serve` with POST ingest and webhooks: SIGKILL at seeded random moments, restart,
/// re-send what was not answered, and compare with one clean run.
///
/// The suite always runs a short version; the issue's bar (at least 50 kills) is
/// `UPDESK_CRASH_KILLS=60 swift test --skip-build --filter ServeCrashSafetyTests` or `scripts/crash-test.sh serve`.
@Suite("Crash safety of serve", .serialized)
struct ServeCrashSafetyTests {
    static let shortKills = 5

    /// The same kind of stream as the ingest crash test: real headlines, revisions under the same id, one repeat.
    static func records(in dir: URL, headlines: Int) throws -> [String] {
        let jsonl = try CrashSafetyTests.stream(in: dir, headlines: headlines, pages: 0)[0]
        return try String(contentsOfFile: jsonl, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test("SIGKILLed serve, restarted, ends as one clean run: each answered document once, same stories, every webhook fact delivered under one delivery id")
    func killAndRestartServe() throws {
        let kills = CrashSafetyTests.kills == CrashSafetyTests.shortKills ? Self.shortKills : CrashSafetyTests.kills
        let long = kills > Self.shortKills
        let dir = Paths.scratch("serve-crash")
        defer { try? FileManager.default.removeItem(at: dir) }
        let records = try Self.records(in: dir, headlines: long ? 700 : 90)
        let harness = ServeCrashHarness(records: records, seed: CrashSafetyTests.seed, kills: kills)

        let cleanDB = dir.appendingPathComponent("clean.sqlite").path
        let clean = try harness.cleanRun(db: cleanDB, scratch: dir)
        let crashDB = dir.appendingPathComponent("crash.sqlite").path
        let crash = try harness.crashRun(db: crashDB, scratch: dir)
        #expect(crash.kills == kills)

        let crashed = try SQLiteStore(path: crashDB)
        #expect(try crashed.integrityCheck())
        let stored = try crashed.articles().map(\.id)
        #expect(Set(stored).count == stored.count, "a document id is stored twice")
        let missing = Set(crash.acknowledged.keys).subtracting(stored)
        #expect(missing.isEmpty, "answered but not stored: \(missing.sorted().prefix(5))")
        for (id, actions) in crash.acknowledged {
            let placed = actions.filter { $0 != "unchanged" }.count
            let cleanPlaced = (clean.acknowledged[id] ?? []).filter { $0 != "unchanged" }.count
            #expect(placed <= cleanPlaced, "\(id) placed \(placed) times, \(cleanPlaced) in the clean run: \(actions)")
        }
        let differences = try DeskSnapshot(crashed).differences(from: DeskSnapshot(SQLiteStore(path: cleanDB)))
        #expect(differences.isEmpty, "crash run differs from the clean run:\n\(differences.joined(separator: "\n"))")

        // Webhooks: every fact the clean run delivered is delivered, each under exactly one delivery id.
        let cleanFacts = try Self.facts(clean.deliveries)
        let crashFacts = try Self.facts(crash.deliveries)
        #expect(!cleanFacts.byFact.isEmpty, "the clean run delivered no webhook")
        let lost = Set(cleanFacts.byFact.keys).subtracting(crashFacts.byFact.keys)
        #expect(lost.isEmpty, "facts never delivered: \(lost.sorted().prefix(3))")
        let extra = Set(crashFacts.byFact.keys).subtracting(cleanFacts.byFact.keys)
        #expect(extra.isEmpty, "facts the clean run did not deliver: \(extra.sorted().prefix(3))")
        let doubled = crashFacts.byFact.filter { $0.value.count > 1 }
        #expect(doubled.isEmpty, "facts delivered under two delivery ids: \(doubled.keys.sorted().prefix(3))")
        print("serve crash run: \(crash.kills) kills, \(crash.acknowledged.count) documents answered, \(stored.count) articles; "
              + "webhooks: \(crashFacts.byFact.count) facts in \(crashFacts.ids) deliveries, \(crashFacts.repeats) repeated "
              + "with the same delivery id (dropped by the receiver), 0 lost, 0 under two ids; same as the clean run")
    }

    /// Each delivered fact ("story: text") with the delivery ids that carried it; repeats of one id counted apart.
    static func facts(_ deliveries: [WebhookReceiver.Delivery]) throws -> (byFact: [String: Set<String>], ids: Int, repeats: Int) {
        struct Message: Decodable {
            struct Update: Decodable {
                var storyID: Int64
                var text: String
            }
            var updates: [Update]
        }
        var byFact: [String: Set<String>] = [:]
        var seen: Set<String> = []
        var repeats = 0
        for d in deliveries {
            if !seen.insert(d.id).inserted { repeats += 1; continue }
            let message = try JSONDecoder().decode(Message.self, from: Data(d.body.utf8))
            for u in message.updates { byFact["\(u.storyID): \(u.text)", default: []].insert(d.id) }
        }
        return (byFact, seen.count, repeats)
    }
}
