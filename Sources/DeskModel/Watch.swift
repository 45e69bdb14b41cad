import Foundation

/// A saved query that fires on new updates. `query` is keywords with AND/OR/NOT (see WatchQuery);
/// `entities` and `sources` narrow it further (any of each must match when given).
public struct Watch: Codable, Sendable, Hashable {
    public var id: Int64
    public var userID: Int64
    public var name: String
    public var query: String
    public var entities: [String]
    public var sources: [String]
    /// Where matches are POSTed, signed with `secret` (nil: the watch is read as a feed only).
    public var webhookURL: String?
    /// The HMAC-SHA256 key for the webhook; shown once when the watch is made.
    public var secret: String?
    /// The newest update (sentence id) already matched: updates after it are the watch's next matches.
    public var lastSentenceID: Int64
    public var created: Date
    public init(id: Int64, userID: Int64, name: String, query: String, entities: [String] = [], sources: [String] = [],
                webhookURL: String? = nil, secret: String? = nil, lastSentenceID: Int64 = 0, created: Date) {
        self.id = id
        self.userID = userID
        self.name = name
        self.query = query
        self.entities = entities
        self.sources = sources
        self.webhookURL = webhookURL
        self.secret = secret
        self.lastSentenceID = lastSentenceID
        self.created = created
    }
}

/// One webhook message waiting in (or gone from) the outbox.
public struct WebhookDelivery: Codable, Sendable, Hashable {
    public enum State: String, Codable, Sendable { case pending, delivered, failed }
    public var id: Int64
    public var watchID: Int64
    public var url: String
    public var body: String
    public var state: State
    public var attempts: Int
    public var nextAttempt: Date
    public var lastError: String?
    public var created: Date
    public init(id: Int64, watchID: Int64, url: String, body: String, state: State, attempts: Int, nextAttempt: Date,
                lastError: String?, created: Date) {
        self.id = id
        self.watchID = watchID
        self.url = url
        self.body = body
        self.state = state
        self.attempts = attempts
        self.nextAttempt = nextAttempt
        self.lastError = lastError
        self.created = created
    }
}
