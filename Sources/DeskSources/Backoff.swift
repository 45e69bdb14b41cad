import Foundation

/// When to try a failing source again: its interval doubled for each consecutive failure, capped.
public enum Backoff {
    /// A day: a source broken for longer is still tried daily, so it comes back by itself when fixed.
    public static let maxDelay: TimeInterval = 24 * 3600

    public static func delay(failures: Int, interval: TimeInterval) -> TimeInterval {
        guard failures > 0 else { return interval }
        let factor = pow(2.0, Double(min(failures, 20)))
        return min(interval * factor, maxDelay)
    }
}
