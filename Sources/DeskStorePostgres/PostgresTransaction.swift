import DeskModel
import DeskStore
import Foundation
import PostgresNIO

/// One write transaction on the PostgreSQL store: the reads placement needs and applying its decision,
/// statement for statement the same as `SQLiteTransaction` (ids come back with RETURNING).
public struct PostgresTransaction: StoreTransaction {
    let session: PostgresSession

    // MARK: TrackingMemory

    static let heldColumns = "id, doc_id, source, url, title, content_hash, simhash, story_id, published"

    public func article(docID: String) throws -> HeldArticle? {
        if let held = try session.query("SELECT \(unescaped: Self.heldColumns) FROM articles WHERE doc_id = \(docID)").first.map(Self.held) {
            return held
        }
        return try session.query("""
            SELECT a.id, a.doc_id, a.source, a.url, a.title, a.content_hash, a.simhash, a.story_id, a.published
            FROM article_aliases x JOIN articles a ON a.id = x.article_id WHERE x.doc_id = \(docID)
            """).first.map(Self.held)
    }

    public func storedArticle(id: Int64) throws -> Article? {
        try session.scalar("SELECT json FROM articles WHERE id = \(id)", as: String.self).flatMap(PostgresStore.decodeArticle)
    }

    public func articles(contentHash: String) throws -> [HeldArticle] {
        try session.query("""
            SELECT \(unescaped: Self.heldColumns) FROM articles WHERE content_hash = \(contentHash) AND duplicate_of IS NULL ORDER BY id LIMIT 5
            """).map(Self.held)
    }

    public func articles(simhashBands: [Int64]) throws -> [HeldArticle] {
        guard !simhashBands.isEmpty else { return [] }
        return try session.query("""
            SELECT \(unescaped: Self.heldColumns) FROM articles a
            WHERE a.id IN (SELECT article_id FROM simhash_bands WHERE band = ANY(\(simhashBands)) LIMIT 200)
            AND a.duplicate_of IS NULL ORDER BY a.id
            """).map(Self.held)
    }

    public func nearestStories(to vector: [String: Double], activeSince: Date, limit: Int) throws -> [StoryMatch] {
        guard !vector.isEmpty, limit > 0 else { return [] }
        // 1. Candidates: a partial dot product over the vector's heaviest terms, over only the most recent
        //    postings of each term (index story_terms_recent), as in SQLite.
        let query = vector.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
            .prefix(StoryIndexTuning.candidateTerms)
        let terms = query.map(\.key), weights = query.map(\.value)
        let candidates = try session.query("""
            SELECT p.story_id FROM unnest(\(terms)::text[], \(weights)::float8[]) AS q(term, w)
            CROSS JOIN LATERAL (SELECT story_id, weight FROM story_terms st WHERE st.term = q.term AND st.last_seen >= \(activeSince.timeIntervalSince1970)
                                ORDER BY st.last_seen DESC LIMIT \(StoryIndexTuning.postingsPerTerm)) p
            GROUP BY p.story_id ORDER BY SUM(p.weight * q.w) DESC, p.story_id LIMIT \(max(limit, StoryIndexTuning.candidateStories))
            """).map { try $0.decode(Int64.self) }
        guard !candidates.isEmpty else { return [] }
        // 2. The exact cosine with each candidate's whole profile (the article vector is unit-length).
        var matches: [StoryMatch] = []
        for row in try session.query("SELECT id, profile, norm, last_seen FROM stories WHERE id = ANY(\(candidates))") {
            let (id, blob, norm, lastSeen) = try row.decode((Int64, Data?, Double, Double).self)
            let profile = ProfileCoding.decode(blob ?? Data())
            var dot = 0.0
            for (term, w) in vector { if let p = profile[term] { dot += w * p } }
            matches.append(StoryMatch(story: id, similarity: dot / max(norm, 1e-9), lastSeen: lastSeen.asDate))
        }
        matches.sort { $0.similarity > $1.similarity || ($0.similarity == $1.similarity && $0.story < $1.story) }
        return Array(matches.prefix(limit))
    }

    public func sentences(story: Int64, limit: Int) throws -> [HeldSentence] {
        try session.query("SELECT id, article_id, text, terms FROM sentences WHERE story_id = \(story) ORDER BY id DESC LIMIT \(limit)").map {
            let (id, article, text, terms) = try $0.decode((Int64, Int64, String, String).self)
            return HeldSentence(id: id, articleID: article, text: text, terms: terms.isEmpty ? nil : terms.split(separator: " ").map(String.init))
        }
    }

    public func documentFrequencies(_ terms: [String]) throws -> (counts: [String: Int], total: Int) {
        var counts: [String: Int] = [:]
        if !terms.isEmpty {
            for row in try session.query("SELECT term, df FROM term_df WHERE term = ANY(\(terms))") {
                let (term, df) = try row.decode((String, Int).self)
                counts[term] = df
            }
        }
        let total = try session.scalar("SELECT value FROM counters WHERE name = 'documents'", as: Int.self) ?? 0
        return (counts, total)
    }

    // MARK: Applying a placement

    public func apply(_ placement: Placement, to analyzed: AnalyzedArticle, ingestedAt: Date) throws -> PlacementOutcome {
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
            // before the newer version) is already held: storing it would turn the clock back (as SQLite).
            if try session.scalar("SELECT 1 FROM revisions WHERE article_id = \(id) AND content_hash = \(placement.contentHash) LIMIT 1",
                                  as: Int32.self) != nil {
                return PlacementOutcome(action: .unchanged, articleID: id, storyID: placement.storyID, openedStory: false, newSentences: 0)
            }
            guard let old = try session.query("SELECT json, version, content_hash FROM articles WHERE id = \(id)").first else {
                throw StoreError(.query, "article \(id) to revise is not held")
            }
            let (oldJSON, oldVersion, oldHash) = try old.decode((String, Int64, String).self)
            let oldSentences = try session.query("SELECT text FROM sentences WHERE article_id = \(id) ORDER BY idx").map { try $0.decode(String.self) }
            let newTexts = analyzed.sentences.map(\.text)
            let changes = RevisionSentences(old: oldSentences, new: newTexts)
            let added = changes.added, removed = changes.removed
            let diff = placement.revision.map { Self.json($0) }
            try session.execute("""
                INSERT INTO revisions (article_id, version, content_hash, json, added, removed, created, diff, correction)
                VALUES (\(id), \(oldVersion), \(oldHash), \(oldJSON), \(Self.json(added)), \(Self.json(removed)),
                        \(ingestedAt.timeIntervalSince1970), \(diff), \(placement.revision?.isCorrection ?? false))
                """)
            try session.execute("""
                UPDATE articles SET title = \(article.title), url = COALESCE(\(article.url), url),
                published = COALESCE(\(article.published?.value.timeIntervalSince1970), published), content_hash = \(placement.contentHash),
                simhash = \(Int64(bitPattern: placement.simhash)), version = version + 1, json = \(StoredArticleJSON.encode(article)) WHERE id = \(id)
                """)
            try replaceBands(article: id, simhash: placement.simhash)
            try indexEntities(article: id, version: Int(oldVersion) + 1, analyzed.indexedEntities)
            try session.execute("""
                INSERT INTO article_aliases (doc_id, article_id)
                SELECT \(article.id), \(id) WHERE NOT EXISTS (SELECT 1 FROM articles WHERE doc_id = \(article.id))
                ON CONFLICT (doc_id) DO NOTHING
                """)
            try session.execute("""
                INSERT INTO article_search (article_id, title, body) VALUES (\(id), \(article.title ?? ""), \(article.body))
                ON CONFLICT (article_id) DO UPDATE SET title = excluded.title, body = excluded.body
                """)
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
                let title = article.title ?? analyzed.sentences.first?.text ?? article.id
                storyID = try session.scalar("""
                    INSERT INTO stories (title, first_seen, last_seen, follows, title_score)
                    VALUES (\(title), \(seenAt), \(seenAt), \(placement.follows), \(StoryIndexTuning.openingTitleScore)) RETURNING id
                    """, as: Int64.self)
                opened = true
            } else if let title = article.title, !title.isEmpty {
                // The most representative headline: one more central to the story than the current title's.
                try session.execute("""
                    UPDATE stories SET title = \(title), title_score = \(placement.storySimilarity)
                    WHERE id = \(storyID) AND title_score < \(placement.storySimilarity)
                    """)
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
        let id = try session.scalar("""
            INSERT INTO articles (doc_id, source, url, title, published, ingested, content_hash, simhash, story_id, opened_story,
                                  duplicate_of, similarity, json)
            VALUES (\(article.id), \(article.source), \(article.url ?? article.canonicalURL), \(article.title),
                    \(article.published?.value.timeIntervalSince1970), \(ingestedAt.timeIntervalSince1970), \(placement.contentHash),
                    \(Int64(bitPattern: placement.simhash)), \(storyID), \(opened), \(duplicateOf), \(similarity), \(StoredArticleJSON.encode(article)))
            RETURNING id
            """, as: Int64.self)!
        if duplicateOf == nil {
            try replaceBands(article: id, simhash: placement.simhash)
            try session.execute("INSERT INTO article_search (article_id, title, body) VALUES (\(id), \(article.title ?? ""), \(article.body))")
        }
        return id
    }

    func replaceBands(article: Int64, simhash: UInt64) throws {
        try session.execute("DELETE FROM simhash_bands WHERE article_id = \(article)")
        let bands = SimHashBands.keys(simhash)
        try session.execute("""
            INSERT INTO simhash_bands (band, article_id) SELECT DISTINCT b, \(article) FROM unnest(\(bands)::bigint[]) AS b
            ON CONFLICT DO NOTHING
            """)
    }

    func insertSentences(_ sentences: [Placement.PlacedSentence], article: Int64, story: Int64, seenAt: Double,
                         timeline: [Placement.TimelineEntry]) throws -> Int {
        var ids: [Int: Int64] = [:]
        var fresh = 0
        for s in sentences {
            ids[s.index] = try session.scalar("""
                INSERT INTO sentences (article_id, story_id, idx, text, terms, novelty, evidence_id, score, seen_at)
                VALUES (\(article), \(story), \(s.index), \(s.text), \(s.terms.joined(separator: " ")), \(s.novelty.rawValue),
                        \(s.evidence), \(s.score), \(seenAt)) RETURNING id
                """, as: Int64.self)
            if s.novelty == .new { fresh += 1 }
        }
        for entry in timeline {
            guard let sid = ids[entry.sentenceIndex] else { continue }
            try session.execute("INSERT INTO timeline (story_id, date, sentence_id) VALUES (\(story), \(entry.date), \(sid))")
        }
        return fresh
    }

    /// The web desk's entity index for one article version, written with the placement (as SQLite): the web
    /// nodes' indexers then only fill in articles stored before the index was kept at ingest.
    func indexEntities(article: Int64, version: Int, _ mentions: [EntityMention]) throws {
        try PostgresStore.writeEntities(session, article: article, version: version, mentions)
    }

    func countDocument(terms: [String]) throws {
        try session.execute("INSERT INTO counters (name, value) VALUES ('documents', 1) ON CONFLICT (name) DO UPDATE SET value = counters.value + 1")
        guard !terms.isEmpty else { return }
        // One statement for all terms, sorted so two writers (if ever unserialised) lock rows in the same order.
        try session.execute("""
            INSERT INTO term_df (term, df) SELECT t, 1 FROM unnest(\(terms.sorted())::text[]) AS t
            ON CONFLICT (term) DO UPDATE SET df = term_df.df + 1
            """)
    }

    func mergeProfile(story: Int64, terms: [String: Double], at seen: Double) throws {
        let blob = try session.scalar("SELECT profile FROM stories WHERE id = \(story)", as: Data?.self) ?? nil
        let old = ProfileCoding.decode(blob ?? Data())
        var profile = old
        for (t, w) in terms { profile[t, default: 0] += w }
        let top = profile.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.prefix(StoryIndexTuning.storyProfileTerms)
        let kept = Dictionary(uniqueKeysWithValues: top.map { ($0.key, $0.value) })
        let norm = kept.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        try session.execute("UPDATE stories SET profile = \(ProfileCoding.encode(kept)), norm = \(norm) WHERE id = \(story)")
        // Only postings that changed are written: the article's own terms, and terms that fell out of the profile.
        let dropped = old.keys.filter { kept[$0] == nil }
        if !dropped.isEmpty {
            try session.execute("DELETE FROM story_terms WHERE story_id = \(story) AND term = ANY(\(dropped))")
        }
        let changed = kept.filter { terms[$0.key] != nil || old[$0.key] == nil }.sorted { $0.key < $1.key }
        if !changed.isEmpty {
            try session.execute("""
                INSERT INTO story_terms (term, story_id, weight, last_seen)
                SELECT t, \(story), w, \(seen) FROM unnest(\(changed.map(\.key))::text[], \(changed.map(\.value))::float8[]) AS x(t, w)
                ON CONFLICT (term, story_id) DO UPDATE SET weight = excluded.weight,
                    last_seen = GREATEST(story_terms.last_seen, excluded.last_seen)
                """)
        }
    }

    func touch(story: Int64, at seen: Double, countArticle: Bool) throws {
        try session.execute("""
            UPDATE stories SET last_seen = GREATEST(last_seen, \(seen)), first_seen = LEAST(first_seen, \(seen)),
            article_count = article_count + \(countArticle ? 1 : 0) WHERE id = \(story)
            """)
        try session.execute("UPDATE story_terms SET last_seen = \(seen) WHERE story_id = \(story) AND last_seen < \(seen)")
    }

    // MARK: Row mapping

    static func held(_ row: PostgresRow) throws -> HeldArticle {
        let (id, doc, source, url, title, hash, simhash, story, published) =
            try row.decode((Int64, String, String?, String?, String?, String, Int64, Int64?, Double?).self)
        return HeldArticle(id: id, docID: doc, source: source, url: url, title: title, contentHash: hash,
                           simhash: UInt64(bitPattern: simhash), storyID: story, published: published?.asDate)
    }

    static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self)
    }
}
