import AsyncHTTPClient
import DeskModel
import DeskStore
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// Sends due outbox messages: POST, signed (see WebhookSignature), marked delivered on a 2xx answer,
/// retried with exponential backoff otherwise, given up after `maxAttempts`. A message is marked only
/// after its answer: a crash between the two re-sends it on restart, with the same
/// `X-UpdateDesk-Delivery` id, so a receiver drops the repeat (at-least-once sending, exactly-once effect).
public final class WebhookDeliverer: Sendable {
    public struct Policy: Sendable {
        /// First retry after this long; each next one waits twice as long.
        public var baseDelay: TimeInterval
        /// Never wait longer than this between tries.
        public var maxDelay: TimeInterval
        /// Tries before a message is given up (marked failed): 8 tries with a 30 s base span about an hour.
        public var maxAttempts: Int
        /// How long one POST may take.
        public var timeout: TimeAmount
        /// How often the server looks for new matches and due messages, in seconds.
        public static let defaultScanSeconds: Int64 = 5
        public init(baseDelay: TimeInterval = 30, maxDelay: TimeInterval = 3600, maxAttempts: Int = 8, timeout: TimeAmount = .seconds(10)) {
            self.baseDelay = baseDelay
            self.maxDelay = maxDelay
            self.maxAttempts = maxAttempts
            self.timeout = timeout
        }

        /// When to try again after `attempts` failed tries; nil when it is time to give up.
        public func nextAttempt(after attempts: Int, now: Date) -> Date? {
            guard attempts < maxAttempts else { return nil }
            return now.addingTimeInterval(min(maxDelay, baseDelay * pow(2, Double(attempts - 1))))
        }
    }

    static let deliveryHeader = "X-UpdateDesk-Delivery"
    /// Messages sent per pass.
    static let batch = 50

    let store: any WebBackend
    let policy: Policy
    let logger: Logger

    init(store: any WebBackend, policy: Policy, logger: Logger) {
        self.store = store
        self.policy = policy
        self.logger = logger
    }

    func deliverDue(now: Date) async {
        let store = self.store
        guard let due = try? await Blocking.run({ try store.dueDeliveries(now: now, limit: Self.batch) }) else { return }
        for d in due {
            let secret = (try? await Blocking.run { try store.watch(id: d.watchID) })??.secret ?? ""
            let attempts = d.attempts + 1
            let outcome = await send(d, secret: secret)
            do {
                if let error = outcome {
                    let next = policy.nextAttempt(after: attempts, now: Date())
                    logger.notice("webhook failed", metadata: ["delivery": "\(d.id)", "error": "\(error)", "attempts": "\(attempts)"])
                    try await Blocking.run { try store.markFailed(id: d.id, attempts: attempts, error: error, nextAttempt: next) }
                } else {
                    try await Blocking.run { try store.markDelivered(id: d.id, attempts: attempts, at: Date()) }
                }
            } catch {
                logger.error("outbox update failed", metadata: ["delivery": "\(d.id)", "error": "\(error)"])
            }
        }
    }

    /// Sends one message; nil when the receiver took it, else why not.
    func send(_ d: WebhookDelivery, secret: String) async -> String? {
        var request = HTTPClientRequest(url: d.url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "User-Agent", value: "UpdateDesk-Webhook/1")
        request.headers.add(name: WebhookSignature.header, value: WebhookSignature.sign(body: d.body, secret: secret, at: Date()))
        request.headers.add(name: Self.deliveryHeader, value: String(d.id))
        request.body = .bytes(ByteBuffer(string: d.body))
        do {
            let response = try await HTTPClient.shared.execute(request, timeout: policy.timeout)
            _ = try? await response.body.collect(upTo: 64 * 1024)
            return (200..<300).contains(Int(response.status.code)) ? nil : "HTTP \(response.status.code)"
        } catch {
            return "\(error)"
        }
    }
}
