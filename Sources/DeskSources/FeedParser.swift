import DeskExtract
import Foundation

/// Bytes of a feed in any supported format to a `Feed`: the charset is found by `TextDecoding` (the HTTP
/// header's charset, then the XML declaration's, valid UTF-8 winning over both), JSON Feed is told by its
/// opening brace, and XML is cleaned (`FeedXMLCleaner`) before parsing.
public enum FeedParser {
    public static func parse(_ data: Data, contentType: String? = nil, url: URL? = nil) throws(FeedError) -> Feed {
        let text: String
        do {
            text = try TextDecoding.decode(data, declared: contentType)
        } catch {
            throw FeedError(.undecodable, error == .empty ? "empty" : "binary data")
        }
        return try parse(text: text, url: url)
    }

    public static func parse(text: String, url: URL? = nil) throws(FeedError) -> Feed {
        if JSONFeedParser.looksLikeJSONFeed(text) { return try JSONFeedParser.parse(text, feedURL: url) }
        return try XMLFeedParser.parse(try FeedXMLCleaner.clean(text), feedURL: url)
    }

    /// Whether a response looks like a feed rather than a page: by media type, else by its first element.
    public static func looksLikeFeed(_ data: Data, contentType: String?) -> Bool {
        let type = contentType?.lowercased() ?? ""
        if type.contains("rss") || type.contains("atom") || type.contains("feed+json") { return true }
        let head = String(decoding: data.prefix(2048), as: UTF8.self).lowercased()
        if head.contains("jsonfeed.org/version") { return true }
        guard !head.contains("<html") else { return false }
        return head.contains("<rss") || head.contains("<rdf:rdf") || head.contains("<feed")
    }
}
