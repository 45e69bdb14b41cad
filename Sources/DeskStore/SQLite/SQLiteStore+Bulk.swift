import DeskModel
import Foundation
import GRDB

/// Bulk reading and writing of whole desks (benchmarks that need a desk of a million articles). Writes the same
/// rows as placement does (stories, story_terms, articles, simhash_bands, article_search, sentences, timeline,
/// term_df, the documents counter, the entity index) but many articles per transaction with cached statements, without placing.
/// Not for ingest: nothing is judged, the rows are taken as given. Revisions and aliases are not copied.
extension SQLiteStore {
    /// Articles written per transaction: large enough that commits cost nothing, small enough that the WAL stays
    /// small (it is checkpointed between transactions).
    static let bulkArticlesPerTransaction = 5_000

    /// The desk's rows. `dfTerms(docID)` gives the terms placement counted for a new article (they are not stored).
    public func bulkRows(dfTerms: (String) -> [String]) throws -> BulkRows {
        try read { db in
            var stories: [Int64: BulkRows.Story] = [:]
            var order: [Int64] = []
            for row in try Row.fetchAll(db, sql: """
                SELECT id, title, first_seen, last_seen, article_count, follows, title_score, profile FROM stories ORDER BY id
                """) {
                let id: Int64 = row["id"]
                order.append(id)
                stories[id] = BulkRows.Story(key: id, title: row["title"], firstSeen: row["first_seen"], lastSeen: row["last_seen"],
                                             articleCount: row["article_count"], follows: row["follows"], titleScore: row["title_score"],
                                             profile: ProfileCoding.decode(row["profile"] ?? Data()), postingSeen: [:])
            }
            for row in try Row.fetchAll(db, sql: "SELECT term, story_id, last_seen FROM story_terms") {
                let story: Int64 = row["story_id"]
                stories[story]?.postingSeen[row["term"]] = row["last_seen"]
            }
            var sentences: [Int64: [BulkRows.Sentence]] = [:]
            var dates: [Int64: [String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT sentence_id, date FROM timeline ORDER BY id") {
                dates[row["sentence_id"], default: []].append(row["date"])
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT id, article_id, idx, text, terms, novelty, evidence_id, score, seen_at FROM sentences ORDER BY id
                """) {
                let id: Int64 = row["id"]
                let terms: String = row["terms"]
                sentences[row["article_id"], default: []].append(BulkRows.Sentence(
                    key: id, index: row["idx"], text: row["text"], terms: terms.isEmpty ? [] : terms.split(separator: " ").map(String.init),
                    novelty: row["novelty"], evidence: row["evidence_id"], score: row["score"], seenAt: row["seen_at"], dates: dates[id] ?? []))
            }
            var entities: [Int64: [BulkRows.Entity]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT article_id, key, name, kind FROM web_entities ORDER BY rowid") {
                entities[row["article_id"], default: []].append(BulkRows.Entity(key: row["key"], name: row["name"], kind: row["kind"]))
            }
            var search: [Int64: (String, String)] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT rowid, title, body FROM article_search") {
                search[row["rowid"]] = (row["title"], row["body"])
            }
            var articles: [BulkRows.Article] = []
            for row in try Row.fetchAll(db, sql: "SELECT * FROM articles ORDER BY id") {
                let id: Int64 = row["id"]
                let docID: String = row["doc_id"]
                let simhash: Int64 = row["simhash"]
                let duplicateOf: Int64? = row["duplicate_of"]
                articles.append(BulkRows.Article(
                    key: id, docID: docID, source: row["source"], url: row["url"], title: row["title"], published: row["published"],
                    ingested: row["ingested"], contentHash: row["content_hash"], simhash: UInt64(bitPattern: simhash), story: row["story_id"],
                    openedStory: row["opened_story"], duplicateOf: duplicateOf, similarity: row["similarity"], version: row["version"],
                    json: row["json"], searchTitle: search[id]?.0 ?? "", searchBody: search[id]?.1 ?? "",
                    dfTerms: duplicateOf == nil ? dfTerms(docID) : [], sentences: sentences[id] ?? [], entities: entities[id] ?? []))
            }
            return BulkRows(stories: order.compactMap { stories[$0] }, articles: articles)
        }
    }

    /// Writes `rows` as new stories and articles (fresh ids; keys mapped), `bulkArticlesPerTransaction` articles per
    /// transaction. Returns the number of articles written.
    @discardableResult
    public func bulkInsert(_ rows: BulkRows) throws -> Int {
        var storyIDs: [Int64: Int64] = [:]
        var articleIDs: [Int64: Int64] = [:]
        var sentenceIDs: [Int64: Int64] = [:]
        do {
            try pool.write { db in
                for story in rows.stories {
                    let norm = story.profile.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
                    try db.cachedStatement(sql: """
                        INSERT INTO stories (title, first_seen, last_seen, article_count, follows, title_score, profile, norm)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """).execute(arguments: [story.title, story.firstSeen, story.lastSeen, story.articleCount,
                                                 story.follows.flatMap { storyIDs[$0] }, story.titleScore,
                                                 ProfileCoding.encode(story.profile), norm])
                    let id = db.lastInsertedRowID
                    storyIDs[story.key] = id
                    let posting = try db.cachedStatement(sql: "INSERT INTO story_terms (term, story_id, weight, last_seen) VALUES (?, ?, ?, ?)")
                    for (term, weight) in story.profile {
                        try posting.execute(arguments: [term, id, weight, story.postingSeen[term] ?? story.lastSeen])
                    }
                }
            }
            var start = 0
            while start < rows.articles.count {
                let end = min(rows.articles.count, start + Self.bulkArticlesPerTransaction)
                try pool.write { db in
                    var df: [String: Int] = [:]
                    var documents = 0
                    for article in rows.articles[start..<end] {
                        try db.cachedStatement(sql: """
                            INSERT INTO articles (doc_id, source, url, title, published, ingested, content_hash, simhash, story_id,
                                                  opened_story, duplicate_of, similarity, version, json)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """).execute(arguments: [article.docID, article.source, article.url, article.title, article.published,
                                                     article.ingested, article.contentHash, Int64(bitPattern: article.simhash),
                                                     article.story.flatMap { storyIDs[$0] }, article.openedStory,
                                                     article.duplicateOf.flatMap { articleIDs[$0] }, article.similarity,
                                                     article.version, article.json])
                        let id = db.lastInsertedRowID
                        articleIDs[article.key] = id
                        if article.duplicateOf == nil {
                            let band = try db.cachedStatement(sql: "INSERT OR IGNORE INTO simhash_bands (band, article_id) VALUES (?, ?)")
                            for key in SimHashBands.keys(article.simhash) { try band.execute(arguments: [key, id]) }
                            try db.cachedStatement(sql: "INSERT INTO article_search (rowid, title, body) VALUES (?, ?, ?)")
                                .execute(arguments: [id, article.searchTitle, article.searchBody])
                            documents += 1
                            for term in article.dfTerms { df[term, default: 0] += 1 }
                            let mention = try db.cachedStatement(sql: "INSERT INTO web_entities (article_id, key, name, kind) VALUES (?, ?, ?, ?)")
                            for e in article.entities { try mention.execute(arguments: [id, e.key, e.name, e.kind]) }
                            try db.cachedStatement(sql: "INSERT INTO web_entity_index (article_id, version) VALUES (?, ?)")
                                .execute(arguments: [id, article.version])
                        }
                        guard let story = article.story.flatMap({ storyIDs[$0] }) else { continue }
                        let insertSentence = try db.cachedStatement(sql: """
                            INSERT INTO sentences (article_id, story_id, idx, text, terms, novelty, evidence_id, score, seen_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """)
                        let insertDate = try db.cachedStatement(sql: "INSERT INTO timeline (story_id, date, sentence_id) VALUES (?, ?, ?)")
                        for s in article.sentences {
                            try insertSentence.execute(arguments: [id, story, s.index, s.text, s.terms.joined(separator: " "), s.novelty,
                                                                   s.evidence.flatMap { sentenceIDs[$0] }, s.score, s.seenAt])
                            let sid = db.lastInsertedRowID
                            sentenceIDs[s.key] = sid
                            for date in s.dates { try insertDate.execute(arguments: [story, date, sid]) }
                        }
                    }
                    let upsert = try db.cachedStatement(sql: "INSERT INTO term_df (term, df) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET df = df + excluded.df")
                    for (term, count) in df { try upsert.execute(arguments: [term, count]) }
                    try db.execute(sql: "INSERT INTO counters (name, value) VALUES ('documents', ?) ON CONFLICT(name) DO UPDATE SET value = value + excluded.value",
                                   arguments: [documents])
                }
                start = end
            }
        } catch {
            throw StoreError.from(error)
        }
        return rows.articles.count
    }

    /// The desk's shape: rows per table placement writes, the sum of document frequencies and the documents
    /// counter (what a bulk-grown desk must share with one grown by ingest).
    public func shape() throws -> [String: Int] {
        try read { db in
            var out: [String: Int] = [:]
            for table in ["stories", "story_terms", "articles", "simhash_bands", "article_search", "sentences", "timeline", "term_df",
                          "web_entities", "web_entity_index"] {
                out[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
            }
            out["term_df.sum"] = try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(df), 0) FROM term_df") ?? 0
            out["documents"] = try Int.fetchOne(db, sql: "SELECT value FROM counters WHERE name = 'documents'") ?? 0
            out["duplicates"] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL") ?? 0
            out["new sentences"] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sentences WHERE novelty = 'new'") ?? 0
            return out
        }
    }
}
