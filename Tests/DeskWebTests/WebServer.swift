import AsyncHTTPClient
import DeskStore
import DeskWeb
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// A real web desk on 127.0.0.1 (a free port) over a real SQLite file in a fresh temporary folder.
final class WebServer: Sendable {
    static let adminToken = "test-admin-token"
    let port: Int
    let desk: WebDesk
    let store: SQLiteStore
    let folder: String
    private let task: Task<Void, any Error>

    var base: String { "http://127.0.0.1:\(port)" }

    private init(port: Int, desk: WebDesk, store: SQLiteStore, folder: String, task: Task<Void, any Error>) {
        self.port = port
        self.desk = desk
        self.store = store
        self.folder = folder
        self.task = task
    }

    static func start(webhook: WebDesk.Configuration = .init()) async throws -> WebServer {
        let folder = NSTemporaryDirectory() + "updesk-web-\(UUID().uuidString)"
        let store = try SQLiteStore(path: folder + "/desk.sqlite")
        var config = webhook
        config.port = 0
        config.adminToken = adminToken
        var logger = Logger(label: "test.web")
        logger.logLevel = .critical
        let desk = try await WebDesk(store: store, configuration: config, logger: logger)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = desk.application { port in
            continuation.yield(port)
            continuation.finish()
        }
        let task = Task {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await desk.runBackground() }
                group.addTask { try await app.runService(gracefulShutdownSignals: []) }
                try await group.next()
                group.cancelAll()
            }
        }
        var it = ports.makeAsyncIterator()
        guard let port = await it.next(), port > 0 else {
            task.cancel()
            throw CocoaError(.fileReadUnknown)
        }
        return WebServer(port: port, desk: desk, store: store, folder: folder, task: task)
    }

    func stop() async {
        task.cancel()
        _ = await task.result
        try? FileManager.default.removeItem(atPath: folder)
    }

    static func with<T>(_ config: WebDesk.Configuration = .init(), _ body: (WebServer) async throws -> T) async throws -> T {
        let server = try await start(webhook: config)
        do {
            let v = try await body(server)
            await server.stop()
            return v
        } catch {
            await server.stop()
            throw error
        }
    }

    struct Reply {
        var status: Int
        var headers: HTTPHeaders
        var body: String
        var json: Any? { try? JSONSerialization.jsonObject(with: Data(body.utf8), options: [.fragmentsAllowed]) }
        var object: [String: Any] { json as? [String: Any] ?? [:] }
        func int(_ key: String) -> Int? { (object[key] as? NSNumber)?.intValue }
        var contentType: String { headers.first(name: "Content-Type") ?? "" }
    }

    func request(_ method: HTTPMethod, _ path: String, body: String? = nil, token: String? = nil,
                 headers extra: [(String, String)] = []) async throws -> Reply {
        var request = HTTPClientRequest(url: base + path)
        request.method = method
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        for (k, v) in extra { request.headers.add(name: k, value: v) }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        // Redirects are not followed: the tests look at them.
        let response = try await Self.client.execute(request, timeout: .seconds(60))
        let buffer = try await response.body.collect(upTo: 16 * 1024 * 1024)
        return Reply(status: Int(response.status.code), headers: response.headers, body: String(buffer: buffer))
    }

    static let client = HTTPClient(eventLoopGroupProvider: .singleton,
                                   configuration: .init(redirectConfiguration: .disallow))

    func get(_ path: String, token: String? = nil, headers: [(String, String)] = []) async throws -> Reply {
        try await request(.GET, path, token: token, headers: headers)
    }

    /// Ingests JSON Lines through the API as the admin.
    @discardableResult
    func ingest(_ records: [[String: String]]) async throws -> Reply {
        let lines = try records.map { String(decoding: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self) }
        return try await request(.POST, "/api/ingest/batch", body: lines.joined(separator: "\n"), token: Self.adminToken)
    }

    /// Makes a user through the API; returns its token.
    func makeUser(_ name: String, role: String) async throws -> String {
        let r = try await request(.POST, "/api/users", body: "{\"name\":\"\(name)\",\"role\":\"\(role)\"}", token: Self.adminToken)
        guard r.status == 201, let token = r.object["token"] as? String else { throw CocoaError(.fileReadUnknown) }
        return token
    }
}

/// A small stream about one story (a harbour wall), a second story, and a later revision of one article.
enum Corpus {
    static let first: [[String: String]] = [
        ["id": "a1", "source": "Harbour Times", "url": "https://example.org/a1", "published": "2024-05-01T08:00:00Z",
         "title": "Storm breaches harbour wall in Porthmadog",
         "text": "A storm breached the harbour wall in Porthmadog on Tuesday night. Gwynedd Council said 40 homes were flooded. Engineers from the council inspected the wall on Wednesday."],
        ["id": "a2", "source": "Coast News", "url": "https://example.net/a2", "published": "2024-05-01T12:00:00Z",
         "title": "Porthmadog harbour wall breached as storm floods homes",
         "text": "The harbour wall in Porthmadog was breached by a storm on Tuesday night. Gwynedd Council said 40 homes were flooded. The Welsh Government promised emergency funding on Wednesday."],
        ["id": "b1", "source": "Rail Daily", "url": "https://example.com/b1", "published": "2024-05-01T09:00:00Z",
         "title": "Rail strike halts trains across Scotland",
         "text": "Train drivers in Scotland began a strike on Monday. ScotRail cancelled most services. The union said talks had failed."],
    ]
    static let later: [[String: String]] = [
        ["id": "a3", "source": "Harbour Times", "url": "https://example.org/a3", "published": "2024-05-02T09:00:00Z",
         "title": "Repairs to Porthmadog harbour wall to start next week",
         "text": "Repairs to the breached harbour wall in Porthmadog will start next week, Gwynedd Council said. The council estimated the cost at 2 million pounds."],
    ]
    static let revision: [[String: String]] = [
        ["id": "a1", "source": "Harbour Times", "url": "https://example.org/a1", "published": "2024-05-01T08:00:00Z",
         "title": "Storm breaches harbour wall in Porthmadog",
         "text": "A storm breached the harbour wall in Porthmadog on Tuesday night. Gwynedd Council said 55 homes were flooded. Engineers from the council inspected the wall on Wednesday. Correction: an earlier version of this article gave the wrong number of flooded homes."],
    ]
}
