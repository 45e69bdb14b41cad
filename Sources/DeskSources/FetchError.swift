import DeskModel

/// Why a fetch failed, in words `source list` can show.
public struct FetchError: PresentableError, Hashable {
    public enum Reason: String, Sendable {
        case badURL, dns, forbiddenAddress, connect, timeout, tooLarge, tooManyRedirects, decompressionBomb, badEncoding
        case httpStatus, rateLimited, robots, transport, notAFeed
    }
    public var reason: Reason
    public var detail: String
    /// Seconds the server asked us to wait (Retry-After), for rate limiting and 503.
    public var retryAfter: Double?
    public var status: Int?

    public init(_ reason: Reason, _ detail: String, status: Int? = nil, retryAfter: Double? = nil) {
        self.reason = reason
        self.detail = detail
        self.status = status
        self.retryAfter = retryAfter
    }

    public var message: String { detail }
    public var exitCode: Int32 { reason == .badURL ? 64 : 69 }
    public var httpStatus: Int { 502 }
}
