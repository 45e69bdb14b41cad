import DeskStore
import Foundation

/// The login rate limit: failed logins are counted per account name and per client address over a sliding
/// window; at the limit, further attempts get 429 with Retry-After until the oldest counted failure leaves
/// the window. A success forgets the account's failures (not the address's, so one good account cannot
/// reset an address that is guessing at others).
public struct LoginLimiter: Sendable {
    public struct Policy: Sendable {
        /// 5 failures in 15 minutes: enough for a person mistyping, too few for guessing (OWASP's
        /// Authentication Cheat Sheet suggests a small count with a lockout of minutes, not forever).
        public static let defaultFailures = 5
        public static let defaultWindow: TimeInterval = 15 * 60
        public var maxFailures: Int
        public var window: TimeInterval
        public init(maxFailures: Int = Policy.defaultFailures, window: TimeInterval = Policy.defaultWindow) {
            self.maxFailures = maxFailures
            self.window = window
        }
    }

    let store: any AccountStore
    let policy: Policy

    static func keys(account: String, address: String) -> [String] {
        ["account:" + account.lowercased(), "address:" + address]
    }

    /// Seconds to wait before trying again, or nil when an attempt is allowed now.
    func retryAfter(account: String, address: String, now: Date) throws -> Int? {
        var wait: TimeInterval = 0
        for key in Self.keys(account: account, address: address) {
            let failures = try store.loginFailures(key: key, since: now.addingTimeInterval(-policy.window))
            guard failures.count >= policy.maxFailures else { continue }
            let freeAt = failures[failures.count - policy.maxFailures].addingTimeInterval(policy.window)
            wait = max(wait, freeAt.timeIntervalSince(now))
        }
        return wait > 0 ? Int(wait.rounded(.up)) : nil
    }

    func failed(account: String, address: String, now: Date) throws {
        try store.recordLoginFailure(keys: Self.keys(account: account, address: address), at: now)
    }

    func succeeded(account: String, now: Date) throws {
        try store.clearLoginFailures(keys: [Self.keys(account: account, address: "")[0]], before: now.addingTimeInterval(-policy.window))
    }
}
