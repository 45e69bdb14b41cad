import DeskExtract
import Foundation

/// A feed entry as a document for the ingest pipeline, the same `RawDocument` a JSONL record becomes.
enum EntryDocument {
    /// The document id: a GUID that is a URL, else the canonical link; a GUID that is not a URL is scoped
    /// by the feed (GUIDs like "1234" are unique only within their feed). Never the title.
    static func id(for entry: FeedEntry, feedURL: String, key: String) -> String {
        if let guid = entry.guid?.trimmingCharacters(in: .whitespacesAndNewlines), !guid.isEmpty {
            if let canonical = URLCanonicalizer.canonical(guid), guid.lowercased().hasPrefix("http") { return canonical }
            return feedURL + "#" + guid
        }
        if let link = entry.link, let canonical = URLCanonicalizer.canonical(link) { return canonical }
        return feedURL + "#" + key
    }

    /// The key remembered for the entry: its identity, else (no GUID, no link) a hash of its content.
    static func key(for entry: FeedEntry) -> String {
        entry.identity ?? "hash:" + StableHash.hex([entry.summary, entry.content, entry.published?.description])
    }

    /// Fingerprint of what the entry says; a change (an edited article) is ingested as a revision.
    static func hash(of entry: FeedEntry) -> String {
        StableHash.hex([entry.title, entry.link, entry.summary, entry.content])
    }

    static func document(for entry: FeedEntry, id: String, feedURL: String, source: String?, fullPage: (html: String, url: String)?) -> RawDocument {
        let published = entry.published ?? entry.updated
        if let fullPage {
            return RawDocument(id: id, origin: fullPage.url, kind: .html, text: fullPage.html, url: fullPage.url, source: source,
                               title: entry.title, published: published)
        }
        let body = entry.content ?? entry.summary
        guard let body, !HTMLText.plain(body).isEmpty else {
            // A headline-only item: the pipeline tells it by its title.
            return RawDocument(id: id, origin: feedURL, kind: .text, text: "", url: entry.link, source: source,
                               title: entry.title, published: published)
        }
        let title = entry.title.map(XMLFeedParser.escapeText) ?? ""
        let html = """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>\(title)</title></head>
        <body><article><h1>\(title)</h1>
        \(Self.paragraphs(body))
        </article></body></html>
        """
        return RawDocument(id: id, origin: feedURL, kind: .html, text: html, url: entry.link, source: source,
                           title: entry.title, published: published)
    }

    /// Body HTML as given; plain text (a summary without markup) split into paragraphs.
    static func paragraphs(_ body: String) -> String {
        if body.contains("<") { return body }
        return body.components(separatedBy: "\n\n").map { "<p>\(XMLFeedParser.escapeText($0))</p>" }.joined(separator: "\n")
    }
}
