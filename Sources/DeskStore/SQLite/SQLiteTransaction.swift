import DeskModel
import Foundation
import GRDB

/// One write transaction on the SQLite store: the reads placement needs and applying its decision.
struct SQLiteTransaction: StoreTransaction {
    let db: Database
    // The story index's limits, shared with every backend (see StoryIndexTuning for how they were chosen).
    static let storyProfileTerms = StoryIndexTuning.storyProfileTerms
    static let candidateTerms = StoryIndexTuning.candidateTerms
    static let postingsPerTerm = StoryIndexTuning.postingsPerTerm
    static let candidateStories = StoryIndexTuning.candidateStories
    static let openingTitleScore = StoryIndexTuning.openingTitleScore

    /// Executes a statement through SQLite's prepared-statement cache: placement runs the same few
    /// statements for every article, and preparing them anew each time was a measurable share of ingest.
    func run(sql: String, arguments: StatementArguments = StatementArguments()) throws {
        try db.cachedStatement(sql: sql).execute(arguments: arguments)
    }

    // MARK: TrackingMemory

    func article(docID: String) throws -> HeldArticle? {
        if let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM articles WHERE doc_id = ?"), arguments: [docID]) { return Self.held(row) }
        return try Row.fetchOne(db.cachedStatement(sql: """
            SELECT a.* FROM article_aliases x JOIN articles a ON a.id = x.article_id WHERE x.doc_id = ?
            """), arguments: [docID]).map(Self.held)
    }

    func storedArticle(id: Int64) throws -> Article? {
        guard let json = try String.fetchOne(db.cachedStatement(sql: "SELECT json FROM articles WHERE id = ?"), arguments: [id]) else { return nil }
        return try? JSONDecoder().decode(Article.self, from: Data(json.utf8))
    }

    func articles(contentHash: String) throws -> [HeldArticle] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM articles WHERE content_hash = ? AND duplicate_of IS NULL ORDER BY id LIMIT 5"),
                         arguments: [contentHash]).map(Self.held)
    }

    func articles(simhashBands: [Int64]) throws -> [HeldArticle] {
        guard !simhashBands.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: simhashBands.count).joined(separator: ",")
        return try Row.fetchAll(db.cachedStatement(sql: """
            SELECT a.* FROM articles a WHERE a.id IN (SELECT article_id FROM simhash_bands WHERE band IN (\(marks)) LIMIT 200)
            AND a.duplicate_of IS NULL
            """), arguments: StatementArguments(simhashBands)).map(Self.held)
    }

    func nearestStories(to vector: [String: Double], activeSince: Date, limit: Int) throws -> [StoryMatch] {
        guard !vector.isEmpty, limit > 0 else { return [] }
        // 1. Candidates: a partial dot product over the vector's heaviest terms, reading only the most recent
        //    postings of each term (index story_terms_recent), so common terms cannot make the cost grow.
        let query = vector.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.prefix(Self.candidateTerms)
        let values = Array(repeating: "(?, ?)", count: query.count).joined(separator: ",")
        var args: [any DatabaseValueConvertible] = []
        for (term, weight) in query { args.append(term); args.append(weight) }
        args.append(activeSince.timeIntervalSince1970)
        args.append(Self.postingsPerTerm)
        args.append(max(limit, Self.candidateStories))
        let candidates = try Int64.fetchAll(db.cachedStatement(sql: """
            WITH q(term, w) AS (VALUES \(values))
            SELECT st.story_id FROM q JOIN story_terms st ON st.term = q.term AND st.story_id IN (
                SELECT p.story_id FROM story_terms p WHERE p.term = q.term AND p.last_seen >= ?
                ORDER BY p.last_seen DESC LIMIT ?)
            GROUP BY st.story_id ORDER BY SUM(st.weight * q.w) DESC, st.story_id LIMIT ?
            """), arguments: StatementArguments(args))
        // 2. The exact cosine with each candidate's whole profile (the article vector is unit-length).
        var matches: [StoryMatch] = []
        for id in candidates {
            guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT profile, norm, last_seen FROM stories WHERE id = ?"), arguments: [id]) else { continue }
            let profile = ProfileCoding.decode(row["profile"] ?? Data())
            let norm: Double = row["norm"]
            var dot = 0.0
            for (term, w) in vector { if let p = profile[term] { dot += w * p } }
            matches.append(StoryMatch(story: id, similarity: dot / max(norm, 1e-9),
                                      lastSeen: Date(timeIntervalSince1970: row["last_seen"])))
        }
        matches.sort { $0.similarity > $1.similarity || ($0.similarity == $1.similarity && $0.story < $1.story) }
        return Array(matches.prefix(limit))
    }

    func sentences(story: Int64, limit: Int) throws -> [HeldSentence] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT id, article_id, text, terms FROM sentences WHERE story_id = ? ORDER BY id DESC LIMIT ?"),
                         arguments: [story, limit]).map { row in
            let terms: String = row["terms"]
            return HeldSentence(id: row["id"], articleID: row["article_id"], text: row["text"],
                                terms: terms.isEmpty ? nil : terms.split(separator: " ").map(String.init))
        }
    }

    func articles(story: Int64, source: String, limit: Int) throws -> [HeldArticle] {
        // The story's newest articles by id (index articles_story), filtered by source: bounded whatever the story's size.
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM (SELECT * FROM articles WHERE story_id = ? AND duplicate_of IS NULL ORDER BY id DESC LIMIT ?)
            WHERE lower(source) = lower(?) LIMIT ?
            """), arguments: [story, Self.sameSourceScan, source, limit]).map(Self.held)
    }

    func sentences(story: Int64, after: Int64, limit: Int) throws -> [HeldSentence] {
        // Index range scan on sentences_story (story_id, id): only what the caller has not seen.
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT id, article_id, text, terms FROM sentences WHERE story_id = ? AND id > ? ORDER BY id DESC LIMIT ?
            """), arguments: [story, after, limit]).reversed().map { row in
            let terms: String = row["terms"]
            return HeldSentence(id: row["id"], articleID: row["article_id"], text: row["text"],
                                terms: terms.isEmpty ? nil : terms.split(separator: " ").map(String.init))
        }
    }

    /// Newest articles of a story scanned for earlier versions from the same source.
    static let sameSourceScan = 64

    func documentFrequencies(_ terms: [String]) throws -> (counts: [String: Int], total: Int) {
        var counts: [String: Int] = [:]
        if !terms.isEmpty {
            let marks = Array(repeating: "?", count: terms.count).joined(separator: ",")
            for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT term, df FROM term_df WHERE term IN (\(marks))"), arguments: StatementArguments(terms)) {
                counts[row["term"]] = row["df"]
            }
        }
        let total = try Int.fetchOne(db.cachedStatement(sql: "SELECT value FROM counters WHERE name = 'documents'")) ?? 0
        return (counts, total)
    }

    // MARK: Applying a placement

    func apply(_ placement: Placement, to analyzed: AnalyzedArticle, ingestedAt: Date) throws -> PlacementOutcome {
        let article = analyzed.article
        let seenAt = (article.published?.value ?? ingestedAt).timeIntervalSince1970
        switch placement.disposition {
        case .unchanged(let id):
            return PlacementOutcome(action: .unchanged, articleID: id, storyID: placement.storyID, openedStory: false, newSentences: 0)

        case .duplicate(let original, let similarity):
            let id = try insertArticle(article, placement: placement, storyID: placement.storyID, opened: false,
                                       duplicateOf: original, similarity: similarity, ingestedAt: ingestedAt)
            if let story = placement.storyID { try touch(story: story, at: seenAt, countArticle: false) }
            return PlacementOutcome(action: .duplicate, articleID: id, storyID: placement.storyID, openedStory: false, newSentences: 0)

        case .revision(let id):
            // An earlier version read again (a stream replayed, or a restart after a crash re-reading what came
            // before the newer version) is already held: storing it would turn the clock back and depend on where
            // the previous run stopped.
            if try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM revisions WHERE article_id = ? AND content_hash = ? LIMIT 1"),
                                 arguments: [id, placement.contentHash]) == true {
                return PlacementOutcome(action: .unchanged, articleID: id, storyID: placement.storyID, openedStory: false, newSentences: 0)
            }
            let old = try String.fetchOne(db.cachedStatement(sql: "SELECT json FROM articles WHERE id = ?"), arguments: [id]) ?? "{}"
            let oldVersion = try Int.fetchOne(db.cachedStatement(sql: "SELECT version FROM articles WHERE id = ?"), arguments: [id]) ?? 1
            let oldHash = try String.fetchOne(db.cachedStatement(sql: "SELECT content_hash FROM articles WHERE id = ?"), arguments: [id]) ?? ""
            let oldSentences = try String.fetchAll(db.cachedStatement(sql: Self.articleSentencesQuery), arguments: [id])
            let newTexts = analyzed.sentences.map(\.text)
            let changes = RevisionSentences(old: oldSentences, new: newTexts)
            let added = changes.added, removed = changes.removed
            try run(sql: """
                INSERT INTO revisions (article_id, version, content_hash, json, added, removed, created, diff, correction)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, oldVersion, oldHash, old, Self.json(added), Self.json(removed), ingestedAt.timeIntervalSince1970,
                                 placement.revision.map { Self.json($0) }, placement.revision?.isCorrection ?? false])
            try run(sql: """
                UPDATE articles SET title = ?, url = COALESCE(?, url), published = COALESCE(?, published), content_hash = ?,
                simhash = ?, version = version + 1, json = ? WHERE id = ?
                """, arguments: [article.title, article.url, article.published?.value.timeIntervalSince1970, placement.contentHash,
                                 Int64(bitPattern: placement.simhash), StoredArticleJSON.encode(article), id])
            try run(sql: Self.deleteBandsQuery, arguments: [id])
            try insertBands(article: id, simhash: placement.simhash)
            try run(sql: """
                INSERT OR IGNORE INTO article_aliases (doc_id, article_id)
                SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM articles WHERE doc_id = ?)
                """, arguments: [article.id, id, article.id])
            try indexEntities(article: id, version: oldVersion + 1, analyzed.indexedEntities)
            try run(sql: "DELETE FROM article_search WHERE rowid = ?", arguments: [id])
            try run(sql: "INSERT INTO article_search (rowid, title, body) VALUES (?, ?, ?)", arguments: [id, article.title ?? "", article.body])
            var stored = 0
            if let story = placement.storyID {
                let addedSet = Set(added)
                let fresh = placement.sentences.filter { $0.novelty != .restated && addedSet.contains($0.text) }
                stored = try insertSentences(fresh, article: id, story: story, seenAt: ingestedAt.timeIntervalSince1970,
                                             timeline: placement.timeline)
                try touch(story: story, at: ingestedAt.timeIntervalSince1970, countArticle: false)
            }
            return PlacementOutcome(action: .revised, articleID: id, storyID: placement.storyID, openedStory: false, newSentences: stored)

        case .new:
            var storyID = placement.storyID
            var opened = false
            if storyID == nil {
                try run(sql: "INSERT INTO stories (title, first_seen, last_seen, follows, title_score) VALUES (?, ?, ?, ?, ?)",
                        arguments: [article.title ?? analyzed.sentences.first?.text ?? article.id, seenAt, seenAt,
                                    placement.follows, Self.openingTitleScore])
                storyID = db.lastInsertedRowID
                opened = true
            } else if let title = article.title, !title.isEmpty {
                // The most representative headline: one more central to the story than the current title's.
                try run(sql: "UPDATE stories SET title = ?, title_score = ? WHERE id = ? AND title_score < ?",
                        arguments: [title, placement.storySimilarity, storyID, placement.storySimilarity])
            }
            let story = storyID!
            let id = try insertArticle(article, placement: placement, storyID: story, opened: opened, duplicateOf: nil,
                                       similarity: placement.storySimilarity, ingestedAt: ingestedAt)
            try indexEntities(article: id, version: 1, analyzed.indexedEntities)
            try countDocument(terms: Array(placement.terms.keys))
            try mergeProfile(story: story, terms: placement.terms, at: seenAt)
            try touch(story: story, at: seenAt, countArticle: true)
            let stored = try insertSentences(placement.sentences, article: id, story: story, seenAt: seenAt, timeline: placement.timeline)
            return PlacementOutcome(action: .stored, articleID: id, storyID: story, openedStory: opened, newSentences: stored)
        }
    }

    func insertArticle(_ article: Article, placement: Placement, storyID: Int64?, opened: Bool, duplicateOf: Int64?,
                       similarity: Double, ingestedAt: Date) throws -> Int64 {
        try run(sql: """
            INSERT INTO articles (doc_id, source, url, title, published, ingested, content_hash, simhash, story_id, opened_story,
                                  duplicate_of, similarity, json)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [article.id, article.source, article.url ?? article.canonicalURL, article.title,
                             article.published?.value.timeIntervalSince1970, ingestedAt.timeIntervalSince1970,
                             placement.contentHash, Int64(bitPattern: placement.simhash), storyID, opened, duplicateOf,
                             similarity, StoredArticleJSON.encode(article)])
        let id = db.lastInsertedRowID
        if duplicateOf == nil {
            // A fresh row id has no bands to delete.
            try insertBands(article: id, simhash: placement.simhash)
            try run(sql: "INSERT INTO article_search (rowid, title, body) VALUES (?, ?, ?)", arguments: [id, article.title ?? "", article.body])
        }
        return id
    }

    /// Per-article lookups of placement, each served by an index (`v6-article-lookups`): without one, every new
    /// article scanned all the desk's bands (0.2 s per article at 1M articles). Pinned in PlacementQueryPlanTests.
    static let deleteBandsQuery = "DELETE FROM simhash_bands WHERE article_id = ?"
    static let articleSentencesQuery = "SELECT text FROM sentences WHERE article_id = ? ORDER BY idx"
    static let placementLookups = ["deleteBands": deleteBandsQuery, "articleSentences": articleSentencesQuery]

    func insertBands(article: Int64, simhash: UInt64) throws {
        let keys = SimHashBands.keys(simhash)
        try run(sql: "INSERT OR IGNORE INTO simhash_bands (band, article_id) VALUES " + Self.marks(rows: keys.count, columns: 2),
                arguments: StatementArguments(keys.flatMap { [$0, article] }))
    }

    func insertSentences(_ sentences: [Placement.PlacedSentence], article: Int64, story: Int64, seenAt: Double,
                         timeline: [Placement.TimelineEntry]) throws -> Int {
        // Multi-row inserts (one statement per chunk instead of one per row); RETURNING gives each sentence's id
        // by its index, which the timeline rows point to.
        var ids: [Int: Int64] = [:]
        for chunk in Self.chunks(sentences, rows: Self.rowsPerStatement) {
            var args: [(any DatabaseValueConvertible)?] = []
            args.reserveCapacity(chunk.count * 9)
            for s in chunk {
                args += [article, story, s.index, s.text, s.terms.joined(separator: " "), s.novelty.rawValue, s.evidence, s.score, seenAt]
            }
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                INSERT INTO sentences (article_id, story_id, idx, text, terms, novelty, evidence_id, score, seen_at)
                VALUES \(Self.marks(rows: chunk.count, columns: 9)) RETURNING idx, id
                """), arguments: StatementArguments(args))
            for row in rows { ids[row["idx"]] = row["id"] }
        }
        let entries = timeline.compactMap { entry in ids[entry.sentenceIndex].map { (entry.date, $0) } }
        for chunk in Self.chunks(entries, rows: Self.rowsPerStatement) {
            try run(sql: "INSERT INTO timeline (story_id, date, sentence_id) VALUES " + Self.marks(rows: chunk.count, columns: 3),
                    arguments: StatementArguments(chunk.flatMap { [story, $0.0, $0.1] as [any DatabaseValueConvertible] }))
        }
        return sentences.filter { $0.novelty == .new }.count
    }

    /// The web desk's entity index for one article version, written with the placement (multi-row): the web
    /// desk's `EntityIndexer` then only fills in articles stored before the index was kept at ingest.
    func indexEntities(article: Int64, version: Int, _ mentions: [EntityMention]) throws {
        try run(sql: "DELETE FROM web_entities WHERE article_id = ?", arguments: [article])
        for chunk in Self.chunks(mentions, rows: Self.rowsPerStatement) {
            try run(sql: "INSERT INTO web_entities (article_id, key, name, kind) VALUES " + Self.marks(rows: chunk.count, columns: 4),
                    arguments: StatementArguments(chunk.flatMap { [article, $0.key, $0.text, $0.kind.rawValue] as [any DatabaseValueConvertible] }))
        }
        try run(sql: """
            INSERT INTO web_entity_index (article_id, version) VALUES (?, ?)
            ON CONFLICT (article_id) DO UPDATE SET version = excluded.version
            """, arguments: [article, version])
    }

    func countDocument(terms: [String]) throws {
        try run(sql: "INSERT INTO counters (name, value) VALUES ('documents', 1) ON CONFLICT(name) DO UPDATE SET value = value + 1")
        for chunk in Self.chunks(terms, rows: Self.rowsPerStatement) {
            try run(sql: "INSERT INTO term_df (term, df) VALUES " + Self.marks(rows: chunk.count, columns: 1, constant: "1")
                        + " ON CONFLICT(term) DO UPDATE SET df = df + 1",
                    arguments: StatementArguments(chunk))
        }
    }

    func mergeProfile(story: Int64, terms: [String: Double], at seen: Double) throws {
        let old = ProfileCoding.decode(try Data.fetchOne(db.cachedStatement(sql: "SELECT profile FROM stories WHERE id = ?"), arguments: [story]) ?? Data())
        var profile = old
        for (t, w) in terms { profile[t, default: 0] += w }
        let top = profile.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.prefix(Self.storyProfileTerms)
        let kept = Dictionary(uniqueKeysWithValues: top.map { ($0.key, $0.value) })
        let norm = kept.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        try run(sql: "UPDATE stories SET profile = ?, norm = ? WHERE id = ?", arguments: [ProfileCoding.encode(kept), norm, story])
        // Only postings that changed are written: the article's own terms, and terms that fell out of the profile.
        let dropped = old.keys.filter { kept[$0] == nil }
        for chunk in Self.chunks(dropped, rows: Self.rowsPerStatement) {
            try run(sql: "DELETE FROM story_terms WHERE story_id = ? AND term IN (\(Array(repeating: "?", count: chunk.count).joined(separator: ",")))",
                    arguments: StatementArguments([story] + chunk.map { $0 as any DatabaseValueConvertible }))
        }
        let changed = kept.filter { terms[$0.key] != nil || old[$0.key] == nil }.sorted { $0.key < $1.key }
        for chunk in Self.chunks(changed, rows: Self.rowsPerStatement) {
            var args: [any DatabaseValueConvertible] = []
            args.reserveCapacity(chunk.count * 4)
            for (t, w) in chunk { args += [t, story, w, seen] }
            try run(sql: "INSERT INTO story_terms (term, story_id, weight, last_seen) VALUES " + Self.marks(rows: chunk.count, columns: 4) + """
                 ON CONFLICT(term, story_id) DO UPDATE SET weight = excluded.weight, last_seen = MAX(last_seen, excluded.last_seen)
                """, arguments: StatementArguments(args))
        }
    }

    func touch(story: Int64, at seen: Double, countArticle: Bool) throws {
        try run(sql: """
            UPDATE stories SET last_seen = MAX(last_seen, ?), first_seen = MIN(first_seen, ?), article_count = article_count + ? WHERE id = ?
            """, arguments: [seen, seen, countArticle ? 1 : 0, story])
        // The story's postings carry its recency (candidate search reads each term's most recent postings). Only
        // postings staler than `postingRefreshSeconds` are rewritten: rewriting all ~300 of them for every article
        // was most of the store stage (each one moves in the index story_terms_recent).
        try run(sql: "UPDATE story_terms SET last_seen = ? WHERE story_id = ? AND last_seen < ?",
                arguments: [seen, story, seen - Self.postingRefreshSeconds])
    }

    /// How stale a story's posting recency may be. Recency only orders a term's postings when more than
    /// `postingsPerTerm` stories share the term; an hour is small against the 4-day quiet window and the
    /// 400-day horizon it is compared with, and a story's postings are then rewritten at most once an hour of
    /// news time instead of for every article (an article's own terms are always written with its time).
    static let postingRefreshSeconds = 3_600.0

    // MARK: Multi-row statements

    /// Rows per multi-row statement: a statement per row was most of the store stage; 128 rows of up to 9 values stay
    /// far below SQLite's bound on parameters (32,766), and a few statement shapes cover every size (cached).
    static let rowsPerStatement = 128

    /// `(?, ?), (?, ?)` for `rows` rows of `columns` parameters, each row optionally ending with a constant.
    static func marks(rows: Int, columns: Int, constant: String? = nil) -> String {
        var row = "(" + Array(repeating: "?", count: columns).joined(separator: ", ")
        if let constant { row += ", " + constant }
        row += ")"
        return Array(repeating: row, count: rows).joined(separator: ", ")
    }

    static func chunks<C: Collection>(_ items: C, rows: Int) -> [C.SubSequence] {
        var out: [C.SubSequence] = []
        var start = items.startIndex
        while start != items.endIndex {
            let end = items.index(start, offsetBy: rows, limitedBy: items.endIndex) ?? items.endIndex
            out.append(items[start..<end])
            start = end
        }
        return out
    }

    // MARK: Row mapping

    static func held(_ row: Row) -> HeldArticle {
        let simhash: Int64 = row["simhash"]
        return HeldArticle(id: row["id"], docID: row["doc_id"], source: row["source"], url: row["url"], title: row["title"],
                           contentHash: row["content_hash"], simhash: UInt64(bitPattern: simhash), storyID: row["story_id"],
                           published: (row["published"] as Double?).map { Date(timeIntervalSince1970: $0) })
    }

    static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self)
    }
}
