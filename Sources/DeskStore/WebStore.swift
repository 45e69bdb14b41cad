import DeskModel
import Foundation

/// What the web desk keeps and reads beyond `Store`: users, where each stopped reading, article details
/// (copies, earlier versions), story activity, an entity index, watches and the webhook outbox. Kept apart
/// from `Store` so that a backend adds it on its own (SQLite now, PostgreSQL later).
public protocol WebStore: Sendable {
    // MARK: Users and seen marks
    func addUser(name: String, role: WebUser.Role, tokenHash: String, at: Date) throws -> WebUser
    func user(tokenHash: String) throws -> WebUser?
    /// Marks the story seen up to `sentenceID` (a mark never moves back).
    func markSeen(user: Int64, story: Int64, sentenceID: Int64, at: Date) throws
    func seenMark(user: Int64, story: Int64) throws -> SeenMark?
    /// For each of `stories` with new facts the user has not seen: how many, and the newest. Only the stories asked
    /// about (a page of the list) are counted: counting every story of the desk for each page view took seconds at
    /// 1M articles.
    func unseen(user: Int64, stories: [Int64]) throws -> [Int64: UnseenCount]

    // MARK: Reading more of the desk
    func articleRecord(id: Int64) throws -> ArticleRecord?
    /// The copies of an article, and the article it copies when it is one.
    func duplicates(of id: Int64) throws -> [ArticleSummary]
    /// The earlier versions of an article, oldest first.
    func versions(articleID: Int64) throws -> [StoredVersion]
    /// Stories with an article from this source.
    func storyIDs(source: String) throws -> [Int64]
    /// Articles and new facts per UTC day, oldest first.
    func activity(story: Int64) throws -> [DayActivity]
    /// New facts with ids above `afterSentence`, oldest first (what watches match).
    func updates(afterSentence: Int64, limit: Int) throws -> [UpdateItem]
    /// The id of the newest new fact of the desk (0 when none).
    func newestSentenceID() throws -> Int64

    // MARK: Entity index (filled by the web desk's indexer)
    /// Articles with ids in `after+1 ... through` whose current version is not indexed yet: (id, version), oldest
    /// first. The range lets the indexer resume where it stopped instead of scanning the whole desk each time.
    func articlesToIndex(after: Int64, through: Int64, limit: Int) throws -> [(id: Int64, version: Int)]
    /// The highest article id held (0 when none).
    func lastArticleID() throws -> Int64
    /// Replaces what is indexed for one article version.
    func indexEntities(article: Int64, version: Int, _ mentions: [EntityMention]) throws
    func entities(story: Int64, limit: Int) throws -> [EntitySummary]
    /// The entity keys indexed for one article.
    func entityKeys(article: Int64) throws -> Set<String>
    func topEntities(limit: Int) throws -> [EntitySummary]
    func entity(key: String) throws -> EntitySummary?
    func stories(entity key: String, limit: Int) throws -> [StorySummary]

    // MARK: Watches and the webhook outbox
    func addWatch(_ watch: Watch) throws -> Watch
    func watches(user: Int64?) throws -> [Watch]
    func watch(id: Int64) throws -> Watch?
    func deleteWatch(id: Int64) throws
    /// In one transaction: queues a delivery per message and moves the watch's mark to `lastSentenceID`,
    /// so a crash either keeps both or neither (nothing lost, nothing queued twice).
    func enqueue(watch: Int64, lastSentenceID: Int64, url: String?, bodies: [String], at: Date) throws
    /// Pending deliveries due at `now`, oldest first.
    func dueDeliveries(now: Date, limit: Int) throws -> [WebhookDelivery]
    func deliveries(watch: Int64) throws -> [WebhookDelivery]
    func markDelivered(id: Int64, attempts: Int, at: Date) throws
    /// Records a failed attempt: retried at `nextAttempt`, or given up (state failed) when nil.
    func markFailed(id: Int64, attempts: Int, error: String, nextAttempt: Date?) throws
}

extension WebStore {
    /// Every article whose current version is not indexed yet, oldest first.
    public func articlesToIndex(limit: Int) throws -> [(id: Int64, version: Int)] {
        try articlesToIndex(after: 0, through: .max, limit: limit)
    }
}
