import DeskModel
import Foundation

/// Extracts an article from a plain-text scrape (the visible text of a page, blocks on their own lines).
public struct ScrapeExtractor: Sendable {
    public init() {}

    public func extract(_ text: String, id: String) -> Article {
        // Placeholder: every non-empty block is body.
        let paragraphs = text.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return Article(id: id, kind: .text, paragraphs: paragraphs)
    }
}
