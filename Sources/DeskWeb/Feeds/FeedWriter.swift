import DeskPipeline
import Foundation

/// One feed's content, written as Atom or as JSON Feed 1.1.
struct FeedContent {
    struct Entry {
        var id: String
        var title: String
        var text: String
        var link: String?
        var updated: String
        var sources: [String]
    }
    var id: String
    var title: String
    var selfURL: String
    var pageURL: String
    var updated: String
    var entries: [Entry]

    func atom() -> String {
        func x(_ s: String) -> String { HTMLText.escape(s) }
        var out = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
        <id>\(x(id))</id>
        <title>\(x(title))</title>
        <updated>\(x(updated))</updated>
        <link rel="self" href="\(x(selfURL))"/>
        <link rel="alternate" type="text/html" href="\(x(pageURL))"/>
        <author><name>UpdateDesk</name></author>

        """
        for e in entries {
            out += "<entry>\n<id>\(x(e.id))</id>\n<title>\(x(e.title))</title>\n<updated>\(x(e.updated))</updated>\n"
            if let link = e.link { out += "<link href=\"\(x(link))\"/>\n" }
            let credit = e.sources.isEmpty ? "" : " (" + e.sources.joined(separator: ", ") + ")"
            out += "<content type=\"text\">\(x(e.text + credit))</content>\n</entry>\n"
        }
        return out + "</feed>\n"
    }

    struct JSONFeed: Encodable {
        struct Item: Encodable {
            var id: String
            var title: String
            var content_text: String
            var url: String?
            var date_published: String
            var tags: [String]
        }
        var version = "https://jsonfeed.org/version/1.1"
        var title: String
        var home_page_url: String
        var feed_url: String
        var items: [Item]
    }

    func jsonFeed() throws -> String {
        let feed = JSONFeed(title: title, home_page_url: pageURL, feed_url: selfURL, items: entries.map {
            .init(id: $0.id, title: $0.title, content_text: $0.text, url: $0.link, date_published: $0.updated, tags: $0.sources)
        })
        return String(decoding: try Responses.encoder.encode(feed), as: UTF8.self)
    }
}
