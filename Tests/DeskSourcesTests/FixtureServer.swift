import Foundation
import Hummingbird
import Logging
import NIOCore

/// A real HTTP server on 127.0.0.1 (a free port), started by a test, serving the fixture feeds and pages
/// and the misbehaving endpoints the fetcher must survive. Nothing here reaches any other address.
final class FixtureServer: Sendable {
    let port: Int
    let state: FixtureState
    private let task: Task<Void, any Error>

    var base: String { "http://127.0.0.1:\(port)" }
    func url(_ path: String) -> URL { URL(string: base + path)! }

    private init(port: Int, state: FixtureState, task: Task<Void, any Error>) {
        self.port = port
        self.state = state
        self.task = task
    }

    static func start() async throws -> FixtureServer {
        let state = FixtureState()
        let router = Router()
        FixtureRoutes.install(on: router, state: state)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: "fixture"),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            },
            logger: quietLogger)
        let task = Task { try await app.runService(gracefulShutdownSignals: []) }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            task.cancel()
            throw CocoaError(.fileReadUnknown)
        }
        let server = FixtureServer(port: port, state: state, task: task)
        await state.setBase(server.base)
        return server
    }

    func stop() async {
        task.cancel()
        _ = await task.result
    }

    /// Starts a server, runs `body`, stops the server whatever happens.
    static func with<T>(_ body: (FixtureServer) async throws -> T) async throws -> T {
        let server = try await start()
        do {
            let value = try await body(server)
            await server.stop()
            return value
        } catch {
            await server.stop()
            throw error
        }
    }
}

/// What the server counts and serves that changes during a test.
actor FixtureState {
    private(set) var base = ""
    private(set) var hits: [String: Int] = [:]
    private(set) var userAgents: [String] = []
    /// The version of /page served (tests bump it to publish a new version).
    var pageVersion = 1
    /// Extra entries added to /feeds/live.xml.
    var liveEntries: [(guid: String, title: String)] = [("live-1", "First live story about the harbour wall")]

    /// Requests to /held/* being answered now, and the most there ever were at once.
    private(set) var held = 0
    private(set) var mostHeld = 0

    func setBase(_ base: String) { self.base = base }
    func enterHeld() {
        held += 1
        mostHeld = max(mostHeld, held)
    }
    func leaveHeld() { held -= 1 }
    func hit(_ path: String, userAgent: String?) {
        hits[path, default: 0] += 1
        if let userAgent { userAgents.append(userAgent) }
    }
    func count(_ path: String) -> Int { hits[path, default: 0] }
    func bumpPage() { pageVersion += 1 }
    func addLive(_ guid: String, _ title: String) { liveEntries.append((guid, title)) }
}

/// The server's own log, errors only: stopping it by cancellation is expected and not worth a line.
let quietLogger: Logger = {
    var logger = Logger(label: "fixture")
    logger.logLevel = .critical
    return logger
}()

enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static func data(_ name: String) -> Data { (try? Data(contentsOf: folder.appendingPathComponent(name))) ?? Data() }
    static func text(_ name: String) -> String { String(decoding: data(name), as: UTF8.self) }
}
