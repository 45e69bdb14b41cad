import Foundation

/// "Story S has N new sentences, the newest first seen at T": what a worker announces on commit (LISTEN/
/// NOTIFY), so a web node can show "new since you last looked" without polling.
public struct UpdateNotice: Codable, Sendable, Hashable {
    public var storyID: Int64
    public var articleID: Int64
    public var newSentences: Int

    public init(storyID: Int64, articleID: Int64, newSentences: Int) {
        self.storyID = storyID
        self.articleID = articleID
        self.newSentences = newSentences
    }

    /// One channel per desk (schema).
    public static func channel(schema: String) -> String { "updesk_updates_\(schema)" }

    var payload: String {
        String(decoding: (try? JSONEncoder().encode(self)) ?? Data(), as: UTF8.self)
    }

    init?(payload: String) {
        guard let notice = try? JSONDecoder().decode(UpdateNotice.self, from: Data(payload.utf8)) else { return nil }
        self = notice
    }
}
