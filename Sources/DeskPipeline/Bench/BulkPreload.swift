import DeskModel
import DeskStore
import DeskTracking
import Foundation

/// Grows a desk to a given size in minutes: a template desk is built by normal ingest (placement and all) of a
/// real stream, then written again and again as perturbed generations through `SQLiteStore.bulkInsert` (the same
/// rows placement writes, thousands of articles per transaction, no placement). Generation g gives every id,
/// title, sentence and URL a generation mark, salts the terms (about half get a `~g` suffix, a tenth are dropped,
/// consistently within the generation so that its stories stay stories, and common words stay shared across
/// generations as in a real desk), recomputes fingerprints from the salted words (so copies of other generations
/// are not near-duplicates), and moves every date back g days.
public struct BulkPreload: Sendable {
    public let template: BulkRows
    /// Per template article (by key), the words its fingerprints were computed from.
    let words: [Int64: [String]]

    public init(template: BulkRows, words: [Int64: [String]]) {
        self.template = template
        self.words = words
    }

    /// Builds the template: places `analyzed` normally into a fresh desk at `path` (kept: it is a normal desk).
    public static func build(from analyzed: [AnalyzedArticle], path: String, now: Date = Date()) throws -> BulkPreload {
        for ext in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + ext) }
        let store = try SQLiteStore(path: path)
        let placer = Placer()
        var dfTerms: [String: [String]] = [:]
        var fingerprintWords: [String: [String]] = [:]
        for a in analyzed {
            _ = try store.write { tx in
                let placement = try placer.place(a, memory: tx, now: now)
                dfTerms[a.article.id] = Array(placement.terms.keys)
                return try tx.apply(placement, to: a, ingestedAt: now)
            }
            fingerprintWords[a.article.id] = fingerprintText(a.article)
        }
        let rows = try store.bulkRows { dfTerms[$0] ?? [] }
        var words: [Int64: [String]] = [:]
        for article in rows.articles { words[article.key] = fingerprintWords[article.docID] ?? [] }
        return BulkPreload(template: rows, words: words)
    }

    /// The words placement fingerprints (the body; with the headline when the body is short), as `Placer` does.
    static func fingerprintText(_ article: Article) -> [String] {
        let body = Fingerprint.words(article.paragraphs.joined(separator: "\n"))
        return body.count >= Fingerprint.minimumWordsForSimHash ? body : Fingerprint.words(article.title ?? "") + body
    }

    /// Generation `g` (≥ 1) of the template, its first `limit` articles (all stories, so keys resolve).
    public func generation(_ g: Int, limit: Int? = nil) -> BulkRows {
        let shift = Double(g) * 86_400
        let mark = " [\(g)]"
        func salted(_ terms: [String]) -> [String] { terms.compactMap { Self.salt($0, g) } }
        let stories = template.stories.map { s -> BulkRows.Story in
            var out = s
            out.key = s.key
            out.title = s.title + mark
            out.firstSeen -= shift
            out.lastSeen -= shift
            out.profile = [:]
            out.postingSeen = [:]
            for (term, weight) in s.profile {
                guard let t = Self.salt(term, g) else { continue }
                out.profile[t, default: 0] += weight
                out.postingSeen[t] = max(out.postingSeen[t] ?? -.infinity, (s.postingSeen[term] ?? s.lastSeen) - shift)
            }
            return out
        }
        let decoder = JSONDecoder()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let articles = template.articles.prefix(limit ?? template.articles.count).map { a -> BulkRows.Article in
            var out = a
            out.docID = "g\(g)-" + a.docID
            out.url = a.url.map { $0 + "#g\(g)" }
            out.title = a.title.map { $0 + mark }
            out.published = a.published.map { $0 - shift }
            out.ingested -= shift
            let words = salted(self.words[a.key] ?? [])
            out.contentHash = Fingerprint.contentHash(words)
            out.simhash = Fingerprint.simhash(words)
            out.searchTitle = a.searchTitle.isEmpty ? "" : a.searchTitle + mark
            out.searchBody = a.searchBody.isEmpty ? "" : a.searchBody + mark
            out.dfTerms = salted(a.dfTerms)
            if var article = try? decoder.decode(Article.self, from: Data(a.json.utf8)) {
                article.id = out.docID
                article.url = out.url
                article.title = out.title
                article.paragraphs = article.paragraphs.map { $0 + mark }
                if let p = article.published { article.published = Sourced(p.value.addingTimeInterval(-shift), from: p.from) }
                if let data = try? encoder.encode(article) { out.json = String(decoding: data, as: UTF8.self) }
            }
            // Entity keys are salted like terms: some people and places recur in every generation, as in a desk.
            out.entities = a.entities.compactMap { e in Self.salt(e.key, g).map { BulkRows.Entity(key: $0, name: e.name, kind: e.kind) } }
            out.sentences = a.sentences.map { s in
                var o = s
                o.text = s.text + mark
                o.terms = salted(s.terms)
                o.seenAt -= shift
                return o
            }
            return out
        }
        return BulkRows(stories: stories, articles: Array(articles))
    }

    /// The term in generation g: dropped (a tenth), suffixed (about half) or kept, by a stable hash of both.
    static func salt(_ term: String, _ g: Int) -> String? {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in term.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        h = (h ^ UInt64(truncatingIfNeeded: g)) &* 0x100_0000_01b3
        h ^= h >> 29
        h = h &* 0xbf58_476d_1ce4_e5b9
        h ^= h >> 32
        if h % 10 == 0 { return nil }
        return h % 2 == 0 ? term + "~\(g)" : term
    }

    /// Writes generations from `generation` on until `store` holds `target` articles more than `held`; returns
    /// the new count and the next generation to write.
    public func grow(_ store: SQLiteStore, from held: Int, to target: Int, generation: Int,
                     progress: (Int) -> Void = { _ in }) throws -> (held: Int, generation: Int) {
        var held = held, g = generation
        while held < target {
            let rows = self.generation(g, limit: target - held)
            held += try store.bulkInsert(rows)
            g += 1
            progress(held)
        }
        return (held, g)
    }
}
