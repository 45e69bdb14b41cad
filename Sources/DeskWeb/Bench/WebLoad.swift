import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// An open-loop load on a running web desk over loopback: requests leave at a fixed rate whether or not the
/// earlier ones were answered, and each latency is counted from the moment its request was *due*, so a server
/// that falls behind shows it (no coordinated omission). Optionally documents are POSTed to the ingest API
/// at their own fixed rate meanwhile, as a desk receiving a breaking story would be read while it ingests.
public struct WebLoad: Sendable {
    public struct Route: Sendable {
        public var name: String
        /// The path of the next request of this route (e.g. a random story).
        public var path: @Sendable () -> String
        public init(name: String, path: @escaping @Sendable () -> String) {
            self.name = name
            self.path = path
        }
    }

    public struct Figures: Sendable {
        public var route: String
        public var requests: Int
        public var failed: Int
        public var p50: Double
        public var p90: Double
        public var p99: Double
        public var max: Double
        public var line: String {
            String(format: "route=%@ requests=%d failed=%d p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f",
                   route, requests, failed, p50, p90, p99, max)
        }
    }

    public struct IngestFigures: Sendable {
        public var documents = 0
        public var batches = 0
        public var failedBatches = 0
        public var seconds = 0.0
        public var line: String {
            String(format: "ingest documents=%d batches=%d failed_batches=%d docs_per_s=%.1f", documents, batches, failedBatches,
                   seconds > 0 ? Double(documents) / seconds : 0)
        }
    }

    public var port: Int
    public var routes: [Route]
    /// Requests per second over all routes, sent round-robin across them.
    public var rate: Double
    public var seconds: Double
    /// JSON Lines ingest records to POST during the load, `ingestBatch` per request, `ingestRate` documents/s.
    public var ingestLines: [String] = []
    public var ingestRate: Double = 0
    public var ingestBatch = 10
    public var token: String?
    /// Longest a request may take before it counts as failed.
    public static let requestTimeout: TimeAmount = .seconds(30)

    /// Enough connections that the client never queues a request behind another at the rates a bench uses; a
    /// connection waits as long as a request may take, so a slow server shows as latency, not as refusals.
    static var clientConfiguration: HTTPClient.Configuration {
        var c = HTTPClient.Configuration(timeout: .init(connect: requestTimeout, read: requestTimeout))
        c.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 64)
        return c
    }

    public init(port: Int, routes: [Route], rate: Double, seconds: Double) {
        self.port = port
        self.routes = routes
        self.rate = rate
        self.seconds = seconds
    }

    public func run() async throws -> (routes: [Figures], ingest: IngestFigures) {
        let client = HTTPClient(eventLoopGroupProvider: .singleton,
                                configuration: Self.clientConfiguration)
        do {
            let result = try await run(client: client)
            try? await client.shutdown()
            return result
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    private func run(client: HTTPClient) async throws -> (routes: [Figures], ingest: IngestFigures) {
        let recorder = Recorder(routes: routes.map(\.name))
        let start = ContinuousClock.now
        async let ingest = runIngest(client: client, start: start)
        try await withThrowingTaskGroup(of: Void.self) { group in
            let total = Int(rate * seconds)
            for i in 0..<total {
                let due = start + .milliseconds(Int64(Double(i) * 1000 / rate))
                try await Task.sleep(until: due, clock: .continuous)
                let route = routes[i % routes.count]
                let url = "http://127.0.0.1:\(port)\(route.path())"
                group.addTask {
                    var ok = false
                    do {
                        var request = HTTPClientRequest(url: url)
                        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
                        let response = try await client.execute(request, timeout: Self.requestTimeout)
                        _ = try await response.body.collect(upTo: 64 << 20)
                        ok = (200..<300).contains(Int(response.status.code))
                    } catch {
                        ok = false
                    }
                    let elapsed = ContinuousClock.now - due
                    await recorder.add(route: route.name, ms: Double(elapsed.components.seconds) * 1000
                                       + Double(elapsed.components.attoseconds) / 1e15, ok: ok)
                }
            }
            try await group.waitForAll()
        }
        let ingestFigures = try await ingest
        return (await recorder.figures(), ingestFigures)
    }

    private func runIngest(client: HTTPClient, start: ContinuousClock.Instant) async throws -> IngestFigures {
        var figures = IngestFigures()
        guard ingestRate > 0, !ingestLines.isEmpty else { return figures }
        let batches = stride(from: 0, to: ingestLines.count, by: ingestBatch).map { ingestLines[$0..<min(ingestLines.count, $0 + ingestBatch)] }
        let interval = Double(ingestBatch) / ingestRate
        for (k, batch) in batches.enumerated() {
            let due = start + .milliseconds(Int64(Double(k) * interval * 1000))
            if due > start + .milliseconds(Int64(seconds * 1000)) { break }
            try await Task.sleep(until: due, clock: .continuous)
            var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/api/ingest/batch")
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/x-ndjson")
            if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
            request.body = .bytes(ByteBuffer(string: batch.joined(separator: "\n") + "\n"))
            figures.batches += 1
            do {
                let response = try await client.execute(request, timeout: .seconds(120))
                _ = try await response.body.collect(upTo: 16 << 20)
                if (200..<300).contains(Int(response.status.code)) { figures.documents += batch.count } else { figures.failedBatches += 1 }
            } catch {
                figures.failedBatches += 1
            }
        }
        figures.seconds = (ContinuousClock.now - start).seconds
        return figures
    }

    actor Recorder {
        var latencies: [String: [Double]] = [:]
        var failures: [String: Int] = [:]
        let order: [String]

        init(routes: [String]) { order = routes }

        func add(route: String, ms: Double, ok: Bool) {
            latencies[route, default: []].append(ms)
            if !ok { failures[route, default: 0] += 1 }
        }

        func figures() -> [Figures] {
            order.map { name in
                let sorted = (latencies[name] ?? []).sorted()
                func q(_ p: Double) -> Double { sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(p * Double(sorted.count)))] }
                return Figures(route: name, requests: sorted.count, failed: failures[name] ?? 0, p50: q(0.5), p90: q(0.9), p99: q(0.99),
                               max: sorted.last ?? 0)
            }
        }
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
