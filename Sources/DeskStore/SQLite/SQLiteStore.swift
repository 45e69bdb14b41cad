import DeskModel
import Foundation
import GRDB

/// The embedded default store: one SQLite file in WAL mode (readers never block the writer), FTS5 for search.
public final class SQLiteStore: Store {
    let pool: DatabasePool
    public let path: String

    /// How the database is opened.
    public struct Options: Sendable {
        /// Open without writing: no migration; every write fails with `StoreError.readOnly`.
        public var readOnly = false
        /// A quota: writes that would grow the file past this fail as `StoreError.diskFull`, atomically.
        public var maxSizeBytes: Int?
        public init(readOnly: Bool = false, maxSizeBytes: Int? = nil) {
            self.readOnly = readOnly
            self.maxSizeBytes = maxSizeBytes
        }
    }

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    public init(path: String, options: Options = Options()) throws {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw StoreError(.open, "cannot create folder \(folder): \(error.localizedDescription)")
            }
        }
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        config.readonly = options.readOnly
        let maxSize = options.maxSizeBytes
        config.prepareDatabase { db in
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA synchronous = NORMAL") }
            if let maxSize {
                let pageSize = try Int.fetchOne(db.cachedStatement(sql: "PRAGMA page_size")) ?? 4096
                try db.execute(sql: "PRAGMA max_page_count = \(max(1, maxSize / pageSize))")
            }
        }
        do {
            pool = try DatabasePool(path: path, configuration: config)
            if options.readOnly {
                guard try pool.read({ try $0.tableExists("articles") }) else {
                    throw StoreError(.open, "\(path) holds no desk (run any writing command on it first)")
                }
            } else {
                try SQLiteSchema.migrator.migrate(pool)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.from(error)
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.read(body) } catch { throw StoreError.from(error) }
    }

    public func write<T>(_ body: (any StoreTransaction) throws -> T) throws -> T {
        do {
            return try pool.write { db in try body(SQLiteTransaction(db: db)) }
        } catch {
            throw StoreError.from(error)
        }
    }

    public func counts() throws -> StoreCounts {
        try read { db in
            let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT (SELECT COUNT(*) FROM articles WHERE duplicate_of IS NULL) AS a,
                       (SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL) AS d,
                       (SELECT COUNT(*) FROM revisions) AS r,
                       (SELECT COUNT(*) FROM stories) AS s,
                       (SELECT COUNT(*) FROM sentences) AS n,
                       (SELECT COUNT(*) FROM sentences WHERE novelty = 'new') AS u
                """))!
            return StoreCounts(articles: row["a"], duplicates: row["d"], revisions: row["r"], stories: row["s"],
                               sentences: row["n"], updates: row["u"])
        }
    }

    /// The revisions stored for the article with this document id, oldest first.
    public func revisions(docID: String) throws -> [RevisionRecord] {
        try read { db in
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT r.version, r.created, r.correction, r.diff FROM revisions r JOIN articles a ON a.id = r.article_id
                WHERE a.doc_id = ? OR a.id IN (SELECT article_id FROM article_aliases WHERE doc_id = ?) ORDER BY r.version
                """), arguments: [docID, docID]).map { row in
                let diff: String? = row["diff"]
                return RevisionRecord(replacedVersion: row["version"], created: Date(timeIntervalSince1970: row["created"]),
                                      isCorrection: row["correction"],
                                      verdict: diff.flatMap { try? JSONDecoder().decode(RevisionVerdict.self, from: Data($0.utf8)) })
            }
        }
    }

    public func latestPublished() throws -> Date? {
        try read { db in
            try Double.fetchOne(db.cachedStatement(sql: "SELECT MAX(published) FROM articles")).map { Date(timeIntervalSince1970: $0) }
        }
    }

    static let summarySQL = """
        SELECT s.id, s.title, s.article_count, s.first_seen, s.last_seen, s.follows,
               (SELECT COUNT(DISTINCT COALESCE(a.source, a.doc_id)) FROM articles a WHERE a.story_id = s.id) AS sources,
               (SELECT COUNT(*) FROM sentences x WHERE x.story_id = s.id AND x.novelty = 'new') AS updates
        FROM stories s
        """

    static func summary(_ row: Row) -> StorySummary {
        StorySummary(id: row["id"], title: row["title"], articleCount: row["article_count"], sourceCount: row["sources"],
                     updateCount: row["updates"], firstSeen: Date(timeIntervalSince1970: row["first_seen"]),
                     lastSeen: Date(timeIntervalSince1970: row["last_seen"]), follows: row["follows"])
    }

    /// The stories list, newest activity first: walks the `stories_recent` index and computes the counts of the
    /// listed stories only (its query plan is pinned in a test).
    public static let storiesListQuery = summarySQL + " ORDER BY s.last_seen DESC, s.id DESC LIMIT ? OFFSET ?"

    public func stories(limit: Int, offset: Int) throws -> [StorySummary] {
        try read { db in
            try Row.fetchAll(db.cachedStatement(sql: Self.storiesListQuery), arguments: [limit, offset]).map(Self.summary)
        }
    }

    /// The story holding the most articles (ties: the oldest), for benchmarks; a scan of the stories table.
    public func largestStory() throws -> StorySummary? {
        try read { db in
            try Row.fetchOne(db.cachedStatement(sql: Self.summarySQL + " WHERE s.id = (SELECT id FROM stories ORDER BY article_count DESC, id LIMIT 1)"))
                .map(Self.summary)
        }
    }

    public func story(id: Int64) throws -> StoryDetail? {
        try read { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: Self.summarySQL + " WHERE s.id = ?"), arguments: [id]) else { return nil }
            let articles = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM articles WHERE story_id = ? ORDER BY COALESCE(published, ingested), id"),
                                            arguments: [id]).map(Self.articleSummary)
            let updates = try Self.updates(db, story: id, since: nil, limit: 1000)
            return StoryDetail(summary: Self.summary(row), articles: articles, updates: updates, timeline: try Self.timeline(db, story: id))
        }
    }

    public func updates(since: Date?, perStory: Int) throws -> [StoryUpdates] {
        try read { db in
            let groups = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT x.story_id, COUNT(*) AS total, COUNT(DISTINCT COALESCE(a.source, a.doc_id)) AS sources
                FROM sentences x JOIN articles a ON a.id = x.article_id
                WHERE x.novelty = 'new' AND x.seen_at >= ? GROUP BY x.story_id
                ORDER BY total DESC, MAX(x.seen_at) DESC
                """), arguments: [since?.timeIntervalSince1970 ?? -Double.greatestFiniteMagnitude])
            var out: [StoryUpdates] = []
            for group in groups {
                let id: Int64 = group["story_id"]
                guard let row = try Row.fetchOne(db.cachedStatement(sql: Self.summarySQL + " WHERE s.id = ?"), arguments: [id]) else { continue }
                let items = try Self.updates(db, story: id, since: since, limit: perStory)
                if !items.isEmpty {
                    out.append(StoryUpdates(story: Self.summary(row), items: items, total: group["total"], sources: group["sources"]))
                }
            }
            return out
        }
    }

    /// New sentences of a story, best first, each with every source that ran it: the article's own source,
    /// its copies' sources, and the sources whose sentences restated it.
    static func updates(_ db: Database, story: Int64, since: Date?, limit: Int) throws -> [UpdateItem] {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT x.id, x.text, x.score, x.seen_at, x.article_id, a.source, a.url FROM sentences x JOIN articles a ON a.id = x.article_id
            WHERE x.story_id = ? AND x.novelty = 'new' AND x.seen_at >= ?
            ORDER BY x.score DESC, x.seen_at, x.id LIMIT ?
            """), arguments: [story, since?.timeIntervalSince1970 ?? -Double.greatestFiniteMagnitude, limit])
        return try rows.map { row in
            let sid: Int64 = row["id"]
            let aid: Int64 = row["article_id"]
            var sources: [String] = []
            var urls: [String] = []
            func add(_ s: String?, _ u: String?) {
                if let s, !sources.contains(s) { sources.append(s) }
                if let u, !urls.contains(u) { urls.append(u) }
            }
            add(row["source"], row["url"])
            for other in try Row.fetchAll(db.cachedStatement(sql: """
                SELECT source, url FROM articles WHERE duplicate_of = ?
                UNION ALL SELECT a.source, a.url FROM sentences x JOIN articles a ON a.id = x.article_id WHERE x.evidence_id = ?
                """), arguments: [aid, sid]) {
                add(other["source"], other["url"])
            }
            return UpdateItem(sentenceID: sid, storyID: story, text: row["text"], score: row["score"],
                              firstSeen: Date(timeIntervalSince1970: row["seen_at"]), articleID: aid, sources: sources, urls: urls)
        }
    }

    public func timeline(story: Int64) throws -> [TimelineItem] {
        try read { db in try Self.timeline(db, story: story) }
    }

    static func timeline(_ db: Database, story: Int64) throws -> [TimelineItem] {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT t.date, x.text, x.score, a.source FROM timeline t JOIN sentences x ON x.id = t.sentence_id
            JOIN articles a ON a.id = x.article_id WHERE t.story_id = ? ORDER BY t.date, x.score DESC, x.id
            """), arguments: [story])
        var out: [TimelineItem] = []
        for row in rows {
            let date: String = row["date"]
            let source: String? = row["source"]
            // One entry per date: the best-scored sentence states it; the other sources are credited.
            if let last = out.last, last.date == date {
                if let source, !last.sources.contains(source) { out[out.count - 1].sources.append(source) }
                continue
            }
            out.append(TimelineItem(date: date, text: row["text"], sources: source.map { [$0] } ?? []))
        }
        return out
    }

    public func assignments() throws -> [Assignment] {
        try read { db in
            // Ids that arrived as new versions of a held article belong to its story (and opened nothing).
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT doc_id, story_id, opened_story FROM (
                    SELECT doc_id, story_id, opened_story, id AS k, 0 AS alias FROM articles WHERE story_id IS NOT NULL
                    UNION ALL
                    SELECT x.doc_id, a.story_id, 0, a.id, 1 FROM article_aliases x JOIN articles a ON a.id = x.article_id
                    WHERE a.story_id IS NOT NULL)
                ORDER BY k, alias, doc_id
                """))
                .map { Assignment(docID: $0["doc_id"], storyID: $0["story_id"], opened: $0["opened_story"]) }
        }
    }

    public func articles() throws -> [Article] {
        try read { db in
            try String.fetchAll(db.cachedStatement(sql: "SELECT json FROM articles ORDER BY id")).compactMap(Self.decodeArticle)
        }
    }

    public func article(id: Int64) throws -> Article? {
        try read { db in
            try String.fetchOne(db.cachedStatement(sql: "SELECT json FROM articles WHERE id = ?"), arguments: [id]).flatMap(Self.decodeArticle)
        }
    }

    static func decodeArticle(_ json: String) -> Article? {
        try? JSONDecoder().decode(Article.self, from: Data(json.utf8))
    }

    static func articleSummary(_ row: Row) -> ArticleSummary {
        ArticleSummary(id: row["id"], docID: row["doc_id"], title: row["title"], source: row["source"], url: row["url"],
                       published: (row["published"] as Double?).map { Date(timeIntervalSince1970: $0) },
                       ingested: Date(timeIntervalSince1970: row["ingested"]), duplicateOf: row["duplicate_of"],
                       version: row["version"])
    }

    public func search(_ query: String, limit: Int) throws -> [SearchHit] {
        let match = FTSQuery.escape(query)
        guard !match.isEmpty else { return [] }
        return try read { db in
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT s.rowid AS id, a.title, a.story_id, snippet(article_search, 1, '[', ']', '…', 12) AS snip
                FROM article_search s JOIN articles a ON a.id = s.rowid
                WHERE article_search MATCH ? ORDER BY bm25(article_search, 2.0, 1.0) LIMIT ?
                """), arguments: [match, limit]).map {
                SearchHit(articleID: $0["id"], title: $0["title"], snippet: $0["snip"], storyID: $0["story_id"])
            }
        }
    }

    public func integrityCheck() throws -> Bool {
        try read { db in
            let result = try String.fetchAll(db.cachedStatement(sql: "PRAGMA integrity_check"))
            let fk = try Row.fetchAll(db.cachedStatement(sql: "PRAGMA foreign_key_check"))
            return result == ["ok"] && fk.isEmpty
        }
    }
}

/// Turns what a person types into a safe FTS5 query: every word a quoted term, all required.
enum FTSQuery {
    static func escape(_ query: String) -> String {
        var words: [String] = []
        var current = ""
        for ch in query {
            if ch.isLetter || ch.isNumber { current.append(ch) } else if !current.isEmpty { words.append(current); current = "" }
        }
        if !current.isEmpty { words.append(current) }
        return words.prefix(16).map { "\"\($0)\"" }.joined(separator: " ")
    }
}
