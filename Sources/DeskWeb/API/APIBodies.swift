import DeskModel

/// What ingest answers: per document what the desk did, and what it could not read.
public struct IngestResult: Codable, Sendable {
    public struct Outcome: Codable, Sendable {
        public var docID: String
        public var action: String
        public var articleID: Int64
        public var storyID: Int64?
        public var openedStory: Bool
        public var newSentences: Int
    }
    public struct Rejected: Codable, Sendable {
        public var line: Int
        public var error: String
    }
    public var stored: Int
    public var duplicates: Int
    public var revised: Int
    public var unchanged: Int
    public var storiesOpened: Int
    public var newSentences: Int
    public var outcomes: [Outcome]
    public var rejected: [Rejected]
    /// Documents handed to the job queue for workers to place (PostgreSQL desks); absent when placed here.
    public var queued: Int?
}

/// A new user, with its token: shown this once, stored only hashed.
public struct NewUser: Codable, Sendable {
    public var id: Int64
    public var name: String
    public var role: String
    public var token: String
}

public struct Me: Codable, Sendable {
    public var id: Int64
    public var name: String
    public var role: String
}

public struct NewUserRequest: Codable, Sendable {
    public var name: String
    public var role: String?
}

public struct WatchRequest: Codable, Sendable {
    public var name: String
    public var query: String?
    public var entities: [String]?
    public var sources: [String]?
    public var webhookURL: String?
}

/// A watch as the API shows it; `secret` only in the answer that made it.
public struct WatchView: Codable, Sendable {
    public var id: Int64
    public var name: String
    public var query: String
    public var entities: [String]
    public var sources: [String]
    public var webhookURL: String?
    public var secret: String?
    public var lastSentenceID: Int64
    public var created: String
    public var deliveries: [DeliveryView]?
}

public struct DeliveryView: Codable, Sendable {
    public var id: Int64
    public var state: String
    public var attempts: Int
    public var lastError: String?
    public var nextAttempt: String
}

public struct SeenResult: Codable, Sendable {
    public var storyID: Int64
    public var lastSentenceID: Int64
    public var unseen: Int
}

/// `POST /api/accounts`: a password account (admin only). The password is hashed at once and never stored.
public struct NewAccountRequest: Codable, Sendable {
    public var name: String
    public var role: String?
    public var password: String
}
