import Foundation
import CoreMetrics
import Metrics
import Prometheus

/// The desk's metrics, through swift-metrics into a Prometheus registry of this server's own (no global
/// bootstrap, so several servers in one process, as in the tests, keep apart); `/metrics` prints it.
public final class DeskMetrics: Sendable {
    public let registry = PrometheusCollectorRegistry()
    let factory: PrometheusMetricsFactory

    /// Latency buckets: from 1 ms (a cached page on loopback) to 10 s, finer where the story page's goal
    /// (p99 < 50 ms, issue 10) lies.
    static let buckets: [Duration] = [1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000].map { .microseconds(Int64($0 * 1000)) }

    public init() {
        var f = PrometheusMetricsFactory(registry: registry)
        f.defaultDurationHistogramBuckets = Self.buckets
        factory = f
    }

    /// One answered request: counted and timed by route (the path template, not the raw path, so the label
    /// set stays small), method and status.
    func request(route: String, method: String, status: Int, elapsed: Duration) {
        let labels = [("route", route), ("method", method), ("status", String(status))]
        Counter(label: "updesk_http_requests_total", dimensions: labels, factory: factory).increment()
        let ns = elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000
        CoreMetrics.Timer(label: "updesk_http_request_duration_seconds", dimensions: labels,
                      factory: factory).recordNanoseconds(ns)
    }

    /// Documents ingested through the API, by what the desk did with each (stored, duplicate, revised, ...).
    func ingested(action: String, count: Int = 1) {
        Counter(label: "updesk_ingest_documents_total", dimensions: [("action", action)], factory: factory).increment(by: count)
    }

    func rejected(count: Int) {
        Counter(label: "updesk_ingest_rejected_total", factory: factory).increment(by: count)
    }

    /// Webhook messages waiting in the outbox (pending, due now or later), set when /metrics is read.
    func outboxBacklog(_ n: Int) {
        Gauge(label: "updesk_webhook_outbox_pending", factory: factory).record(n)
    }

    public func text() -> String { registry.emitToString() }
}
