import DeskModel
import DeskStore
import Foundation
import Logging
import PostgresNIO

/// The desk on a PostgreSQL server, for several workers and web nodes on one database.
///
/// Same schema meaning as `SQLiteStore` and the same contract tests. Reads run on any pooled session;
/// every write transaction first takes one advisory lock per desk (see `write`), so placement is serialised
/// across processes while extracting and analysing (most of the work) runs in parallel.
public final class PostgresStore: Store, @unchecked Sendable {
    public let location: PostgresLocation
    let pool: PostgresPool
    let placementLock: Int64

    public init(location: PostgresLocation, poolSize: Int = PostgresTuning.defaultPoolSize,
                logger: Logger = Logger(label: "updesk.postgres"), migrate: Bool = true) throws {
        self.location = location
        pool = PostgresPool(location: location, size: poolSize, logger: logger)
        placementLock = PostgresLocks.key("placement", location.schema)
        if migrate { try self.migrate() }
    }

    public convenience init(url: String, poolSize: Int = PostgresTuning.defaultPoolSize) throws {
        try self.init(location: PostgresLocation(url: url), poolSize: poolSize)
    }

    deinit { pool.shutdown() }

    /// Brings the schema up to date; returns the migrations applied now (empty when it already was).
    @discardableResult
    public func migrate() throws -> [String] {
        try session { try PostgresSchema.migrate($0, schema: location.schema) }
    }

    /// Runs `body` on a pooled session, once more on a fresh session if the connection was lost.
    func session<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        try PostgresRetry.run { try pool.withSession(body) }
    }

    /// One transaction: BEGIN, `body`, COMMIT; the whole of it again after a serialization failure, a
    /// deadlock or a lost connection (a rolled-back attempt leaves nothing behind, so a retry is safe).
    func transaction<T>(lockPlacement: Bool, _ body: (PostgresSession) throws -> T) throws -> T {
        try PostgresRetry.run {
            try pool.withSession { session in
                try session.execute("BEGIN")
                do {
                    if lockPlacement { try session.execute("SELECT pg_advisory_xact_lock(\(placementLock))") }
                    let value = try body(session)
                    try session.execute("COMMIT")
                    return value
                } catch {
                    if !session.isBroken { _ = try? session.execute("ROLLBACK") }
                    throw error
                }
            }
        }
    }

    /// Placement reads everything placed before it (stories, copies, term statistics), and which story an
    /// article joins is only known once it is placed, so no finer lock than "the desk" can be taken up
    /// front: two copies of one breaking story placed at once by two workers would each open a story.
    /// One transaction-scoped advisory lock per desk serialises placement (a few milliseconds per article)
    /// and nothing else; readers never wait for it.
    public func write<T>(_ body: (any StoreTransaction) throws -> T) throws -> T {
        do {
            return try transaction(lockPlacement: true) { session in try body(PostgresTransaction(session: session)) }
        } catch {
            throw PostgresErrors.storeError(error)
        }
    }

    /// A placement transaction as its concrete type, for work that must commit with the placement (a queue
    /// job's completion, a notification).
    public func placementTransaction<T>(_ body: (PostgresTransaction) throws -> T) throws -> T {
        do {
            return try transaction(lockPlacement: true) { session in try body(PostgresTransaction(session: session)) }
        } catch {
            throw PostgresErrors.storeError(error)
        }
    }

    func read<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        do { return try session(body) } catch { throw PostgresErrors.storeError(error) }
    }

    public func counts() throws -> StoreCounts {
        try read { s in
            let row = try s.query("""
                SELECT (SELECT COUNT(*) FROM articles WHERE duplicate_of IS NULL),
                       (SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL),
                       (SELECT COUNT(*) FROM revisions), (SELECT COUNT(*) FROM stories),
                       (SELECT COUNT(*) FROM sentences), (SELECT COUNT(*) FROM sentences WHERE novelty = 'new')
                """)[0]
            let (a, d, r, st, n, u) = try row.decode((Int, Int, Int, Int, Int, Int).self)
            return StoreCounts(articles: a, duplicates: d, revisions: r, stories: st, sentences: n, updates: u)
        }
    }

    public func latestPublished() throws -> Date? {
        try read { s in try s.scalar("SELECT MAX(published) FROM articles", as: Double?.self)??.asDate }
    }

    static let summarySQL = """
        SELECT s.id, s.title, s.article_count, s.first_seen, s.last_seen, s.follows,
               (SELECT COUNT(DISTINCT COALESCE(a.source, a.doc_id)) FROM articles a WHERE a.story_id = s.id) AS sources,
               (SELECT COUNT(*) FROM sentences x WHERE x.story_id = s.id AND x.novelty = 'new') AS updates
        FROM stories s
        """

    static func summary(_ row: PostgresRow) throws -> StorySummary {
        let (id, title, count, first, last, follows, sources, updates) =
            try row.decode((Int64, String, Int, Double, Double, Int64?, Int, Int).self)
        return StorySummary(id: id, title: title, articleCount: count, sourceCount: sources, updateCount: updates,
                            firstSeen: first.asDate, lastSeen: last.asDate, follows: follows)
    }

    public func stories(limit: Int, offset: Int) throws -> [StorySummary] {
        try read { s in
            try s.query("\(unescaped: Self.summarySQL) ORDER BY s.last_seen DESC, s.id DESC LIMIT \(limit) OFFSET \(offset)")
                .map(Self.summary)
        }
    }

    public func story(id: Int64) throws -> StoryDetail? {
        try read { s in
            guard let row = try s.query("\(unescaped: Self.summarySQL) WHERE s.id = \(id)").first else { return nil }
            let articles = try s.query("""
                SELECT id, doc_id, title, source, url, published, ingested, duplicate_of, version FROM articles
                WHERE story_id = \(id) ORDER BY COALESCE(published, ingested), id
                """).map(Self.articleSummary)
            return StoryDetail(summary: try Self.summary(row), articles: articles,
                               updates: try Self.updates(s, story: id, since: nil, limit: 1000), timeline: try Self.timeline(s, story: id))
        }
    }

    public func updates(since: Date?, perStory: Int) throws -> [StoryUpdates] {
        try read { s in
            let floor = since?.timeIntervalSince1970 ?? -Double.greatestFiniteMagnitude
            let groups = try s.query("""
                SELECT x.story_id, COUNT(*) AS total, COUNT(DISTINCT COALESCE(a.source, a.doc_id)) AS sources
                FROM sentences x JOIN articles a ON a.id = x.article_id
                WHERE x.novelty = 'new' AND x.seen_at >= \(floor) GROUP BY x.story_id
                ORDER BY total DESC, MAX(x.seen_at) DESC
                """)
            var out: [StoryUpdates] = []
            for group in groups {
                let (id, total, sources) = try group.decode((Int64, Int, Int).self)
                guard let row = try s.query("\(unescaped: Self.summarySQL) WHERE s.id = \(id)").first else { continue }
                let items = try Self.updates(s, story: id, since: since, limit: perStory)
                if !items.isEmpty {
                    out.append(StoryUpdates(story: try Self.summary(row), items: items, total: total, sources: sources))
                }
            }
            return out
        }
    }

    /// New sentences of a story, best first, each with every source that ran it (as `SQLiteStore.updates`).
    static func updates(_ s: PostgresSession, story: Int64, since: Date?, limit: Int) throws -> [UpdateItem] {
        let floor = since?.timeIntervalSince1970 ?? -Double.greatestFiniteMagnitude
        let rows = try s.query("""
            SELECT x.id, x.text, x.score, x.seen_at, x.article_id, a.source, a.url FROM sentences x JOIN articles a ON a.id = x.article_id
            WHERE x.story_id = \(story) AND x.novelty = 'new' AND x.seen_at >= \(floor)
            ORDER BY x.score DESC, x.seen_at, x.id LIMIT \(limit)
            """)
        return try rows.map { row in
            let (sid, text, score, seen, aid, source, url) = try row.decode((Int64, String, Double, Double, Int64, String?, String?).self)
            var sources: [String] = []
            var urls: [String] = []
            func add(_ s: String?, _ u: String?) {
                if let s, !sources.contains(s) { sources.append(s) }
                if let u, !urls.contains(u) { urls.append(u) }
            }
            add(source, url)
            for other in try s.query("""
                SELECT source, url FROM articles WHERE duplicate_of = \(aid)
                UNION ALL SELECT a.source, a.url FROM sentences x JOIN articles a ON a.id = x.article_id WHERE x.evidence_id = \(sid)
                """) {
                let (os, ou) = try other.decode((String?, String?).self)
                add(os, ou)
            }
            return UpdateItem(sentenceID: sid, storyID: story, text: text, score: score, firstSeen: seen.asDate,
                              articleID: aid, sources: sources, urls: urls)
        }
    }

    public func timeline(story: Int64) throws -> [TimelineItem] {
        try read { s in try Self.timeline(s, story: story) }
    }

    static func timeline(_ s: PostgresSession, story: Int64) throws -> [TimelineItem] {
        let rows = try s.query("""
            SELECT t.date, x.text, a.source FROM timeline t JOIN sentences x ON x.id = t.sentence_id
            JOIN articles a ON a.id = x.article_id WHERE t.story_id = \(story) ORDER BY t.date, x.score DESC, x.id
            """)
        var out: [TimelineItem] = []
        for row in rows {
            let (date, text, source) = try row.decode((String, String, String?).self)
            // One entry per date: the best-scored sentence states it; the other sources are credited.
            if let last = out.last, last.date == date {
                if let source, !last.sources.contains(source) { out[out.count - 1].sources.append(source) }
                continue
            }
            out.append(TimelineItem(date: date, text: text, sources: source.map { [$0] } ?? []))
        }
        return out
    }

    public func assignments() throws -> [Assignment] {
        try read { s in
            try s.query("SELECT doc_id, story_id, opened_story FROM articles WHERE story_id IS NOT NULL ORDER BY id").map {
                let (doc, story, opened) = try $0.decode((String, Int64, Bool).self)
                return Assignment(docID: doc, storyID: story, opened: opened)
            }
        }
    }

    public func articles() throws -> [Article] {
        try read { s in try s.query("SELECT json FROM articles ORDER BY id").compactMap { Self.decodeArticle(try $0.decode(String.self)) } }
    }

    public func article(id: Int64) throws -> Article? {
        try read { s in try s.scalar("SELECT json FROM articles WHERE id = \(id)", as: String.self).flatMap(Self.decodeArticle) }
    }

    static func decodeArticle(_ json: String) -> Article? {
        try? JSONDecoder().decode(Article.self, from: Data(json.utf8))
    }

    static func articleSummary(_ row: PostgresRow) throws -> ArticleSummary {
        let (id, doc, title, source, url, published, ingested, duplicateOf, version) =
            try row.decode((Int64, String, String?, String?, String?, Double?, Double, Int64?, Int).self)
        return ArticleSummary(id: id, docID: doc, title: title, source: source, url: url, published: published?.asDate,
                              ingested: ingested.asDate, duplicateOf: duplicateOf, version: version)
    }

    /// PostgreSQL full-text search: every word required (`plainto_tsquery`, English stemming), ranked by
    /// `ts_rank_cd` over the title (weight A) and body (weight B), with a highlighted snippet of the body.
    public func search(_ query: String, limit: Int) throws -> [SearchHit] {
        let words = SearchWords.words(query)
        guard !words.isEmpty else { return [] }
        let text = words.joined(separator: " ")
        return try read { s in
            try s.query("""
                SELECT a.id, a.title, a.story_id,
                       ts_headline('english', s.body, q, 'StartSel=[, StopSel=], MaxWords=12, MinWords=4, ShortWord=2') AS snip
                FROM article_search s JOIN articles a ON a.id = s.article_id, plainto_tsquery('english', \(text)) q
                WHERE s.document @@ q ORDER BY ts_rank_cd(s.document, q) DESC, a.id LIMIT \(limit)
                """).map {
                let (id, title, story, snippet) = try $0.decode((Int64, String?, Int64?, String).self)
                return SearchHit(articleID: id, title: title, snippet: snippet, storyID: story)
            }
        }
    }

    /// The server enforces foreign keys and checks; what it cannot know: every original article is searchable,
    /// every story's counters match its articles.
    public func integrityCheck() throws -> Bool {
        try read { s in
            let unsearchable = try s.scalar("""
                SELECT COUNT(*) FROM articles a WHERE a.duplicate_of IS NULL
                AND NOT EXISTS (SELECT 1 FROM article_search x WHERE x.article_id = a.id)
                """, as: Int.self) ?? 0
            let miscounted = try s.scalar("""
                SELECT COUNT(*) FROM stories s WHERE s.article_count <>
                (SELECT COUNT(*) FROM articles a WHERE a.story_id = s.id AND a.duplicate_of IS NULL)
                """, as: Int.self) ?? 0
            return unsearchable == 0 && miscounted == 0
        }
    }
}

extension Double {
    var asDate: Date { Date(timeIntervalSince1970: self) }
}
