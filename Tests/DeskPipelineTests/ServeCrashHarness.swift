import DeskModel
import DeskStore
import Foundation

/// Drives the real `updesk serve` with POST ingest: posts a stream one record at a time, kills the server with
/// SIGKILL at seeded random moments (mid-request, mid-transaction, mid-webhook), restarts it on the same
/// database and re-sends what was not answered, the way any client of an HTTP API retries. A watch with a
/// webhook to a local receiver is made before the first document, so deliveries are killed too.
///
/// A document is *acknowledged* when its POST answered 200: its transaction committed before the answer.
struct ServeCrashHarness {
    struct Outcome {
        var kills = 0
        /// Each acknowledged document id with the action of each of its answers.
        var acknowledged: [String: [String]] = [:]
        /// Every webhook POST the receiver read in full, repeats included.
        var deliveries: [WebhookReceiver.Delivery] = []
    }

    var records: [String]
    var seed: UInt64
    var kills: Int
    /// A kill comes this long after the server answered its first request of a run (uniform, in milliseconds).
    var killWindowMs: ClosedRange<UInt64> = 20...700
    static let adminToken = "crash-harness-admin-token-0123456789"
    /// Longest wait for a server to answer /healthz after launch, and for the outbox to drain at the end.
    static let startTimeout: TimeInterval = 60
    static let drainTimeout: TimeInterval = 90

    func cleanRun(db: String, scratch: URL) throws -> Outcome {
        try run(db: db, scratch: scratch, killing: false)
    }

    func crashRun(db: String, scratch: URL) throws -> Outcome {
        try run(db: db, scratch: scratch, killing: true)
    }

    private func run(db: String, scratch: URL, killing: Bool) throws -> Outcome {
        let receiver = try WebhookReceiver()
        defer { receiver.stop() }
        var rng = SeededRandom(seed: seed)
        var outcome = Outcome()
        var server = try Server.launch(db: db, log: scratch.appendingPathComponent("serve-\(killing)-0.log"))
        defer { server.terminate() }
        let watch = #"{"name":"everything","query":"","webhookURL":"http://127.0.0.1:\#(receiver.port)/hook"}"#
        let made = try LoopbackHTTP.request("POST", port: server.port, path: "/api/watches", headers: auth, body: Data(watch.utf8))
        guard made.status == 201 else { throw HarnessError("making the watch answered \(made.status): \(made.body)") }

        var next = 0
        var launches = 0
        while next < records.count {
            let killer = killing && outcome.kills < kills
                ? Killer(pid: server.pid, afterMs: killWindowMs.lowerBound + rng.next() % (killWindowMs.upperBound - killWindowMs.lowerBound + 1))
                : nil
            while next < records.count {
                guard let answer = try? LoopbackHTTP.request("POST", port: server.port, path: "/api/ingest", headers: auth,
                                                              body: Data(records[next].utf8)) else { break }
                guard (200..<300).contains(answer.status) else { throw HarnessError("record \(next) answered \(answer.status): \(answer.body)") }
                let result = try JSONDecoder().decode(IngestAnswer.self, from: Data(answer.body.utf8))
                for o in result.outcomes { outcome.acknowledged[o.docID, default: []].append(o.action) }
                next += 1
            }
            if let killer {
                killer.waitForKill()
                server.waitForExit()
                if killer.fired { outcome.kills += 1 }
            }
            if next < records.count || (killing && !server.isRunning) {
                guard !server.isRunning else { throw HarnessError("a request failed while the server was up") }
                launches += 1
                server = try Server.launch(db: db, log: scratch.appendingPathComponent("serve-\(killing)-\(launches).log"))
            }
        }
        try drain(db: db, receiver: receiver)
        outcome.deliveries = receiver.deliveries
        return outcome
    }

    private var auth: [String: String] { ["Authorization": "Bearer \(Self.adminToken)", "Content-Type": "application/json"] }

    /// Waits until every watch has matched the desk's newest fact and no delivery is pending.
    private func drain(db: String, receiver: WebhookReceiver) throws {
        let deadline = Date().addingTimeInterval(Self.drainTimeout)
        let store = try SQLiteStore(path: db)
        while Date() < deadline {
            let newest = try store.newestSentenceID()
            let watches = try store.watches(user: nil)
            let matched = watches.allSatisfy { $0.lastSentenceID >= newest }
            let pending = try watches.flatMap { try store.deliveries(watch: $0.id) }.filter { $0.state != .delivered }
            if matched && pending.isEmpty { return }
            usleep(200_000)
        }
        throw HarnessError("the outbox did not drain in \(Int(Self.drainTimeout)) s")
    }

    /// The ingest answer, as far as the harness reads it.
    struct IngestAnswer: Decodable {
        struct Outcome: Decodable {
            var docID: String
            var action: String
        }
        var outcomes: [Outcome]
    }

    /// One `updesk serve` process on a free port.
    struct Server {
        var process: Process
        var port: Int
        var pid: Int32 { process.processIdentifier }
        var isRunning: Bool { process.isRunning }

        static func launch(db: String, log: URL) throws -> Server {
            FileManager.default.createFile(atPath: log.path, contents: nil)
            let process = Process()
            process.executableURL = Paths.updesk
            process.arguments = ["serve", "--db", db, "--port", "0", "--admin-token", ServeCrashHarness.adminToken]
            var env = ProcessInfo.processInfo.environment
            env["UPDESK_DB"] = nil
            process.environment = env
            process.standardOutput = FileHandle.nullDevice
            process.standardError = try FileHandle(forWritingTo: log)
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let deadline = Date().addingTimeInterval(ServeCrashHarness.startTimeout)
            while Date() < deadline {
                let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                if let range = text.range(of: #"http://127\.0\.0\.1:(\d+)/"#, options: .regularExpression),
                   let port = Int(text[range].dropFirst("http://127.0.0.1:".count).dropLast()),
                   let health = try? LoopbackHTTP.request("GET", port: port, path: "/healthz"), health.status == 200 {
                    return Server(process: process, port: port)
                }
                guard process.isRunning else { throw HarnessError("serve exited with \(process.terminationStatus): \(text)") }
                usleep(50_000)
            }
            kill(process.processIdentifier, SIGKILL)
            throw HarnessError("serve did not answer within \(Int(ServeCrashHarness.startTimeout)) s")
        }

        func waitForExit() {
            if process.isRunning { process.waitUntilExit() }
        }

        func terminate() {
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
        }
    }

    /// SIGKILLs a process after a delay, on its own thread.
    final class Killer: @unchecked Sendable {
        private let condition = NSCondition()
        private var done = false
        private(set) var fired = false

        init(pid: Int32, afterMs: UInt64) {
            Thread { [self] in
                usleep(UInt32(afterMs * 1000))
                condition.lock()
                fired = kill(pid, SIGKILL) == 0
                done = true
                condition.broadcast()
                condition.unlock()
            }.start()
        }

        /// Waits until the kill was sent. A run that ends its stream first is killed anyway (mid-delivery).
        func waitForKill() {
            condition.lock()
            while !done { condition.wait() }
            condition.unlock()
        }
    }
}
