import DeskExtract
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One subscription in an OPML file.
public struct OPMLSubscription: Sendable, Hashable {
    public var url: String
    public var title: String?
    public var siteURL: String?
    /// Categories: the titles of the outlines it is nested in, and its `category` attribute.
    public var tags: [String]
    /// A page watched for new versions (`type="link"`) rather than a feed.
    public var isPage: Bool

    public init(url: String, title: String? = nil, siteURL: String? = nil, tags: [String] = [], isPage: Bool = false) {
        self.url = url
        self.title = title
        self.siteURL = siteURL
        self.tags = tags
        self.isPage = isPage
    }
}

/// OPML 2.0 subscription lists, in the shapes feed readers export (Miniflux, FreshRSS, Feedly, NetNewsWire):
/// nested category outlines or a `category` attribute; `xmlUrl` for feeds, `type="link"` with `url` for pages.
public enum OPML {
    public static func parse(_ data: Data) throws(FeedError) -> [OPMLSubscription] {
        let text: String
        do { text = try TextDecoding.decode(data) } catch { throw FeedError(.undecodable, "OPML file is not text") }
        let cleaned = try FeedXMLCleaner.clean(text)
        let delegate = OPMLReader()
        let parser = XMLParser(data: cleaned)
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        if !parser.parse() && delegate.subscriptions.isEmpty {
            throw FeedError(.malformed, parser.parserError.map { "\($0.localizedDescription) at line \(parser.lineNumber)" } ?? "not OPML")
        }
        guard delegate.sawOPML else { throw FeedError(.notAFeed, "no <opml> root element") }
        return delegate.subscriptions
    }

    public static func export(_ subscriptions: [OPMLSubscription], title: String = "UpdateDesk subscriptions", date: Date = Date()) -> String {
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <opml version="2.0">
          <head>
            <title>\(escape(title))</title>
            <dateCreated>\(rfc822(date))</dateCreated>
          </head>
          <body>

        """
        var groups: [String: [OPMLSubscription]] = [:]
        var order: [String] = []
        var loose: [OPMLSubscription] = []
        for s in subscriptions {
            guard let first = s.tags.first else { loose.append(s); continue }
            if groups[first] == nil { order.append(first) }
            groups[first, default: []].append(s)
        }
        for tag in order {
            out += "    <outline text=\"\(escape(tag))\" title=\"\(escape(tag))\">\n"
            for s in groups[tag] ?? [] { out += "      " + outline(s) + "\n" }
            out += "    </outline>\n"
        }
        for s in loose { out += "    " + outline(s) + "\n" }
        out += "  </body>\n</opml>\n"
        return out
    }

    static func outline(_ s: OPMLSubscription) -> String {
        let title = escape(s.title ?? s.url)
        var attributes = "text=\"\(title)\" title=\"\(title)\""
        if s.isPage {
            attributes += " type=\"link\" url=\"\(escape(s.url))\""
        } else {
            attributes += " type=\"rss\" xmlUrl=\"\(escape(s.url))\""
            if let site = s.siteURL { attributes += " htmlUrl=\"\(escape(site))\"" }
        }
        // Tags beyond the enclosing category outline travel in the category attribute.
        if s.tags.count > 1 { attributes += " category=\"\(escape(s.tags.dropFirst().map { "/" + $0 }.joined(separator: ",")))\"" }
        return "<outline \(attributes)/>"
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func rfc822(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "GMT")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return f.string(from: date)
    }
}

/// SAX reader behind `OPML.parse`.
final class OPMLReader: NSObject, XMLParserDelegate {
    var subscriptions: [OPMLSubscription] = []
    var sawOPML = false
    /// For each open outline: the category it names (nil for a subscription outline).
    private var categories: [String?] = []
    private var seen = Set<String>()

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
                attributes: [String: String] = [:]) {
        if elementName.lowercased() == "opml" { sawOPML = true }
        guard elementName == "outline" else { return }
        let a = Dictionary(attributes.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        let title = (a["title"] ?? a["text"]).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        let feedURL = a["xmlurl"]
        let pageURL = a["type"]?.lowercased() == "link" ? a["url"] : nil
        guard let url = (feedURL ?? pageURL)?.trimmingCharacters(in: .whitespacesAndNewlines), !url.isEmpty else {
            categories.append(title)  // a folder
            return
        }
        categories.append(nil)
        var tags = categories.compactMap { $0 }
        for raw in (a["category"] ?? "").split(separator: ",") {
            // "/News/World" is a path of nested categories; each step is a tag.
            for part in raw.split(separator: "/") {
                let tag = part.trimmingCharacters(in: .whitespaces)
                if !tag.isEmpty && !tags.contains(tag) { tags.append(tag) }
            }
        }
        guard seen.insert(url).inserted else { return }
        subscriptions.append(OPMLSubscription(url: url, title: title, siteURL: a["htmlurl"], tags: tags, isPage: feedURL == nil))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        if elementName == "outline", !categories.isEmpty { categories.removeLast() }
    }
}
