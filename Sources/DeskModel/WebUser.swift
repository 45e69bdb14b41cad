import Foundation

/// A person (or a program) reading the desk. Identified by an API token that is only ever stored hashed;
/// the browser carries the same token in a cookie.
public struct WebUser: Codable, Sendable, Hashable {
    public enum Role: String, Codable, Sendable, CaseIterable { case reader, editor, admin }
    public var id: Int64
    public var name: String
    public var role: Role
    public var created: Date
    public init(id: Int64, name: String, role: Role, created: Date) {
        self.id = id
        self.name = name
        self.role = role
        self.created = created
    }
}

/// Where a user stopped reading a story: the newest update (sentence id) that was on the page when they
/// marked it seen. Ids only grow, so "new since you last looked" is every update with a larger id, whatever
/// the dates in the stream say.
public struct SeenMark: Codable, Sendable, Hashable {
    public var storyID: Int64
    public var lastSentenceID: Int64
    public var at: Date
    public init(storyID: Int64, lastSentenceID: Int64, at: Date) {
        self.storyID = storyID
        self.lastSentenceID = lastSentenceID
        self.at = at
    }
}

/// How much of a story a user has not seen yet.
public struct UnseenCount: Codable, Sendable, Hashable {
    public var storyID: Int64
    /// New facts added after the user's mark (all of them when the user never looked).
    public var count: Int
    /// The newest of them, if any.
    public var newest: String?
    public init(storyID: Int64, count: Int, newest: String?) {
        self.storyID = storyID
        self.count = count
        self.newest = newest
    }
}
