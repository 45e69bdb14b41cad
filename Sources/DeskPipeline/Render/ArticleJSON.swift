import DeskModel
import Foundation

/// The JSON shape of an extracted article, as `updesk extract --format json|jsonl` writes it.
/// Dates are ISO 8601 strings or null; `published_from` / `modified_from` say where each was found.
public enum ArticleJSON {
    struct Wire: Encodable {
        var id: String
        var url: String?
        var canonical_url: String?
        var source: String?
        var kind: String
        var title: String?
        var standfirst: String?
        var byline: String?
        var published: String?
        var published_from: String?
        var modified: String?
        var modified_from: String?
        var language: String?
        var tags: [String]
        var body: String
        var block_kinds: [BlockKind]?
        var captions: [Caption]
        var removed: [Removal]

        func encode(to encoder: Encoder) throws {
            // Explicit nulls: a consumer sees every field, present or not.
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(url, forKey: .url)
            try c.encode(canonical_url, forKey: .canonical_url)
            try c.encode(source, forKey: .source)
            try c.encode(kind, forKey: .kind)
            try c.encode(title, forKey: .title)
            try c.encode(standfirst, forKey: .standfirst)
            try c.encode(byline, forKey: .byline)
            try c.encode(published, forKey: .published)
            try c.encode(published_from, forKey: .published_from)
            try c.encode(modified, forKey: .modified)
            try c.encode(modified_from, forKey: .modified_from)
            try c.encode(language, forKey: .language)
            try c.encode(tags, forKey: .tags)
            try c.encode(body, forKey: .body)
            try c.encode(block_kinds, forKey: .block_kinds)
            try c.encode(captions, forKey: .captions)
            try c.encode(removed, forKey: .removed)
        }
        enum CodingKeys: String, CodingKey {
            case id, url, canonical_url, source, kind, title, standfirst, byline, published, published_from, modified,
                 modified_from, language, tags, body, block_kinds, captions, removed
        }
    }

    static func wire(_ a: Article) -> Wire {
        Wire(id: a.id, url: a.url, canonical_url: a.canonicalURL, source: a.source, kind: a.kind.rawValue,
             title: a.title, standfirst: a.standfirst, byline: a.byline,
             published: a.published.map { ISO8601.string($0.value) }, published_from: a.published?.from,
             modified: a.modified.map { ISO8601.string($0.value) }, modified_from: a.modified?.from,
             language: a.language, tags: a.tags, body: a.body, block_kinds: a.blockKinds, captions: a.captions, removed: a.removed)
    }

    /// One compact line (JSON Lines).
    public static func line(_ article: Article) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(wire(article))) ?? Data(), as: UTF8.self)
    }

    /// A pretty-printed array.
    public static func array(_ articles: [Article]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .prettyPrinted]
        return String(decoding: (try? encoder.encode(articles.map(wire))) ?? Data(), as: UTF8.self)
    }
}

public enum ISO8601 {
    public static func string(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
    public static func day(_ date: Date) -> String {
        String(string(date).prefix(10))
    }
}
