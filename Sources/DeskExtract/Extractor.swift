import DeskModel
import Foundation

/// The extract stage: a raw document in, one clean `Article` out. Plain-text scrapes and HTML are told
/// apart before this point (`InputKindSniffer`); a record's own metadata wins over what extraction finds.
public struct Extractor: Sendable {
    let scrape = ScrapeExtractor()
    let html = HTMLExtractor()

    public init() {}

    public func extract(_ document: RawDocument) -> Article {
        var article: Article
        switch document.kind {
        case .html: article = html.extract(document.text, id: document.id, url: document.url)
        case .text where document.text.allSatisfy(\.isWhitespace):
            // A headline-only item (a feed entry without a body): nothing to extract.
            article = Article(id: document.id, kind: .text)
        case .text: article = scrape.extract(Self.withTitleLine(document), id: document.id)
        }
        article.id = document.id
        if let url = document.url { article.url = url }
        if let source = document.source { article.source = source }
        if let title = document.title, !title.isEmpty {
            if article.title == nil { article.title = title }
            // A record's title is the headline; drop a body line that only repeats it.
            if article.paragraphs.first == title { article.paragraphs.removeFirst() }
            article.title = title
        }
        if let published = document.published { article.published = Sourced(published, from: "record") }
        article.title = article.title.map(TextSanitizer.title)
        article.paragraphs = article.paragraphs.map(TextSanitizer.body)
        if article.source == nil, let url = article.url ?? article.canonicalURL, let host = URL(string: url)?.host {
            article.source = host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
        }
        return article
    }

    /// A scrape starts with the page's title line. A record's text is usually the body alone, with the
    /// headline in its `title`: put the headline first so the scrape reads the way the extractor expects.
    static func withTitleLine(_ document: RawDocument) -> String {
        guard let title = document.title?.trimmingCharacters(in: .whitespacesAndNewlines), !title.isEmpty else { return document.text }
        let firstLine = document.text.split(whereSeparator: \.isNewline).first { !$0.allSatisfy(\.isWhitespace) }
        if firstLine?.trimmingCharacters(in: .whitespaces) == title { return document.text }
        return title + "\n\n" + document.text
    }
}
