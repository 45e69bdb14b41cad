import Foundation

/// The `Retry-After` header: delay-seconds or an HTTP date, as seconds from `now`.
enum RetryAfter {
    static func seconds(_ value: String?, now: Date = Date()) -> Double? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Double(value) { return max(0, seconds) }
        return FeedDates.rfc822(value).map { max(0, $0.timeIntervalSince(now)) }
    }
}
