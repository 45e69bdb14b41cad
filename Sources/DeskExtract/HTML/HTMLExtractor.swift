import DeskModel

/// Extracts an article from an HTML page: metadata from `<meta>`/JSON-LD/markup, the body by
/// pruning chrome and scoring candidate containers (see `BodyExtraction`).
public struct HTMLExtractor: Sendable {
    public init() {}

    public func extract(_ html: String, id: String, url: String? = nil) -> Article {
        let root = HTMLParser.parse(html)
        return extract(root: root, id: id, url: url)
    }

    /// Parses only (the first stage of `extract`), for benchmarks: returns the number of top-level nodes.
    public func parseOnly(_ html: String) -> Int {
        HTMLParser.parse(html).children.count
    }

    private func extract(root: Node, id: String, url: String?) -> Article {
        var article = Article(id: id, kind: .html, url: url)
        let md = MetadataExtractor(root: root, url: url).extract()
        article.title = md.title
        article.standfirst = md.standfirst
        article.byline = md.byline
        article.published = md.published
        article.modified = md.modified
        article.canonicalURL = md.canonicalURL
        article.language = md.language
        article.tags = md.tags

        let body = root.firstElement("body") ?? root
        let result = BodyExtraction(root: body, metadata: md).run()
        article.paragraphs = result.paragraphs
        if result.kinds.contains(where: { $0 != .paragraph }) { article.blockKinds = result.kinds }
        article.removed = result.removed
        article.captions = result.captions
        // The lead image's caption first, unless the body's captions already hold it.
        if let lead = md.leadImage, !article.captions.contains(where: { Text.key($0.text) == Text.key(lead.text) }) {
            article.captions.insert(lead, at: 0)
        }
        return article
    }
}
