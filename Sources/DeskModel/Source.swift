import Foundation

/// Something the desk is subscribed to: a feed (RSS, Atom, JSON Feed) or a page watched for new versions,
/// with the state its fetcher keeps between runs (validators, backoff, the last error).
public struct Source: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable {
        /// Not fetched yet: the first response tells a feed from a page.
        case unknown
        case feed
        case page
    }

    public var id: Int64?
    public var url: String
    public var kind: Kind
    public var title: String?
    public var siteURL: String?
    /// Categories from an OPML import, or given by hand.
    public var tags: [String]
    /// Seconds between polls.
    public var interval: TimeInterval
    /// Fetch and extract the linked article when a feed entry carries only a summary.
    public var fullText: Bool
    public var paused: Bool
    public var added: Date
    public var state: FetchState

    public init(id: Int64? = nil, url: String, kind: Kind = .unknown, title: String? = nil, siteURL: String? = nil,
                tags: [String] = [], interval: TimeInterval = Source.defaultInterval, fullText: Bool = false,
                paused: Bool = false, added: Date = Date(), state: FetchState = FetchState()) {
        self.id = id
        self.url = url
        self.kind = kind
        self.title = title
        self.siteURL = siteURL
        self.tags = tags
        self.interval = interval
        self.fullText = fullText
        self.paused = paused
        self.added = added
        self.state = state
    }

    /// Fifteen minutes: as often as a news feed usefully changes, and the poll interval most feed readers
    /// default to, so publishers see nothing unusual.
    public static let defaultInterval: TimeInterval = 15 * 60

    /// Due for a poll at `now`: not paused, and never fetched or past its next fetch time.
    public func isDue(at now: Date) -> Bool {
        !paused && (state.nextFetch.map { $0 <= now } ?? true)
    }
}

/// What the fetcher remembers about a source between runs.
public struct FetchState: Sendable, Hashable, Codable {
    /// Validators for a conditional GET.
    public var etag: String?
    public var lastModified: String?
    public var lastFetched: Date?
    public var nextFetch: Date?
    /// The HTTP status of the last response (nil when no response came).
    public var lastStatus: Int?
    /// Consecutive failures; drives exponential backoff. 0 when the last fetch succeeded.
    public var failures: Int
    /// Why the last fetch failed or was deferred, as shown by `source list`.
    public var lastError: String?
    /// Hash of the last body a page source was ingested with (pages are watched for new versions).
    public var contentHash: String?

    public init(etag: String? = nil, lastModified: String? = nil, lastFetched: Date? = nil, nextFetch: Date? = nil,
                lastStatus: Int? = nil, failures: Int = 0, lastError: String? = nil, contentHash: String? = nil) {
        self.etag = etag
        self.lastModified = lastModified
        self.lastFetched = lastFetched
        self.nextFetch = nextFetch
        self.lastStatus = lastStatus
        self.failures = failures
        self.lastError = lastError
        self.contentHash = contentHash
    }
}
