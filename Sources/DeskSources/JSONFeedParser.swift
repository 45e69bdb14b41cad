import Foundation

/// JSON Feed 1.0 and 1.1, read leniently: numeric ids, `author` (1.0) or `authors` (1.1), relative URLs
/// resolved against the feed's address, `content_text` when there is no `content_html`.
enum JSONFeedParser {
    static func looksLikeJSONFeed(_ text: String) -> Bool {
        text.drop { $0.isWhitespace || $0 == "\u{FEFF}" }.first == "{"
    }

    static func parse(_ text: String, feedURL: URL?) throws(FeedError) -> Feed {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        } catch {
            throw FeedError(.malformed, "invalid JSON: \(error.localizedDescription)")
        }
        guard let root = object as? [String: Any] else { throw FeedError(.notAFeed, "JSON that is not an object") }
        guard let version = root["version"] as? String, version.contains("jsonfeed.org") else {
            throw FeedError(.notAFeed, "JSON without a jsonfeed.org version")
        }
        var feed = Feed(format: .jsonFeed, title: (root["title"] as? String).map(HTMLText.plain),
                        siteURL: (root["home_page_url"] as? String).flatMap { URLCanonicalizer.resolve($0, base: feedURL) })
        for case let item as [String: Any] in root["items"] as? [Any] ?? [] {
            var entry = FeedEntry()
            if let id = item["id"] as? String { entry.guid = id } else if let id = item["id"] as? NSNumber { entry.guid = id.stringValue }
            let link = (item["url"] as? String) ?? (item["external_url"] as? String)
            entry.link = link.flatMap { URLCanonicalizer.resolve($0, base: feedURL) }
            entry.title = (item["title"] as? String).map(HTMLText.plain)
            entry.summary = item["summary"] as? String
            if let html = item["content_html"] as? String, !html.isEmpty {
                entry.content = html
            } else if let plain = item["content_text"] as? String, !plain.isEmpty {
                entry.content = plain.split(separator: "\n", omittingEmptySubsequences: true)
                    .map { "<p>\(XMLFeedParser.escapeText(String($0)))</p>" }.joined(separator: "\n")
            }
            entry.published = FeedDates.parse(item["date_published"] as? String)
            entry.updated = FeedDates.parse(item["date_modified"] as? String)
            let authors = (item["authors"] as? [[String: Any]]) ?? (item["author"] as? [String: Any]).map { [$0] } ?? []
            entry.author = authors.compactMap { $0["name"] as? String }.first
            feed.entries.append(entry)
        }
        feed.dropDuplicateIdentities()
        return feed
    }
}
