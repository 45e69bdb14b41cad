import DeskModel

/// Extracts an article from an HTML page.
public struct HTMLExtractor: Sendable {
    public init() {}

    public func extract(_ html: String, id: String, url: String? = nil) -> Article {
        Article(id: id, kind: .html, url: url)
    }
}
