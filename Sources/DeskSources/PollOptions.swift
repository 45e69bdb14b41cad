import Foundation

/// How a fetch cycle behaves.
public struct PollOptions: Sendable {
    /// Sources fetched at once. 8 keeps a 200-feed cycle short while staying far below what one
    /// machine's sockets and the desk's single writer can absorb.
    public var concurrency = 8
    /// Requests in flight to one host at once. One, as crawler etiquette asks.
    public var perHostConcurrency = 1
    /// Seconds between the starts of two requests to one host. One second is the customary minimum
    /// crawl delay; it only matters for hosts serving many subscribed feeds.
    public var hostInterval: Double = 1
    /// Read robots.txt and skip what it disallows (off by default: feeds are published to be polled).
    public var respectRobots = false

    public init() {}
}
