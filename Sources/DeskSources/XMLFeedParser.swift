import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// RSS 0.9x/1.0/2.0 and Atom 1.0 from cleaned XML (`FeedXMLCleaner`), through Foundation's SAX parser with
/// external entities off. Names are matched without their namespace prefix (`content:encoded`, `dc:date`,
/// `atom:link`), which is how feeds in the wild actually vary.
final class XMLFeedParser: NSObject, XMLParserDelegate {
    private let feedURL: URL?
    private var format: Feed.Format?
    private var feed = Feed(format: .rss2)
    private var entry: FeedEntry?
    /// Open elements (local names) and the xml:base in force inside each.
    private var stack: [(name: String, base: URL?)] = []
    /// The element whose text is being gathered, its depth, and the text (child markup serialised).
    private var capture: (name: String, depth: Int, attributes: [String: String], text: String)?
    private var linkTaken = false
    private var failure: String?

    init(feedURL: URL?) {
        self.feedURL = feedURL
    }

    static func parse(_ data: Data, feedURL: URL?) throws(FeedError) -> Feed {
        let delegate = XMLFeedParser(feedURL: feedURL)
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = delegate
        let ok = parser.parse()
        if let failure = delegate.failure { throw FeedError(.notAFeed, failure) }
        guard let format = delegate.format else { throw FeedError(.notAFeed, "no rss, RDF or feed root element") }
        // A parse error after entries were read (truncated feed) keeps what was read.
        if !ok && delegate.feed.entries.isEmpty {
            throw FeedError(.malformed, parser.parserError.map { "\($0.localizedDescription) at line \(parser.lineNumber)" } ?? "unknown error")
        }
        var feed = delegate.feed
        feed.format = format
        feed.dropDuplicateIdentities()
        return feed
    }

    static func local(_ name: String) -> String {
        name.firstIndex(of: ":").map { String(name[name.index(after: $0)...]) } ?? name
    }

    private var base: URL? { stack.last?.base ?? feedURL }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
                attributes: [String: String] = [:]) {
        let name = Self.local(elementName)
        var elementBase = base
        if let xmlBase = attributes["xml:base"], let resolved = URL(string: xmlBase, relativeTo: base) { elementBase = resolved.absoluteURL }
        if stack.isEmpty {
            switch name {
            case "rss": format = attributes["version"].map { $0.hasPrefix("0.9") ? .rss090 : .rss2 } ?? .rss2
            case "RDF": format = .rss1
            case "feed": format = .atom
            default:
                failure = "the root element is <\(elementName)>"
                parser.abortParsing()
            }
        }
        stack.append((name, elementBase))
        if var open = capture {
            open.text += "<" + elementName + attributes.map { " \($0.key)=\"\(Self.escapeAttribute($0.value))\"" }.joined() + ">"
            capture = open
            return
        }
        if name == "item" || name == "entry" {
            entry = FeedEntry()
            linkTaken = false
            if let about = attributes["rdf:about"] { entry?.guid = about }
            return
        }
        if name == "link", let href = attributes["href"] {  // Atom link (also atom:link inside RSS)
            let rel = attributes["rel"] ?? "alternate"
            guard rel == "alternate" else { return }
            let resolved = URLCanonicalizer.resolve(href, base: elementBase)
            if entry != nil {
                if !linkTaken { entry?.link = resolved; linkTaken = true }
            } else if feed.siteURL == nil, stack.count <= 3 {
                feed.siteURL = resolved
            }
            return
        }
        if Self.captured.contains(name) { capture = (name, stack.count, attributes, "") }
    }

    /// Elements whose text is read.
    static let captured: Set<String> = ["title", "link", "guid", "id", "description", "summary", "encoded", "content",
                                        "pubDate", "published", "issued", "date", "updated", "modified", "author", "creator"]

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard let open = capture else { return }
        capture?.text += open.depth == stack.count ? string : Self.escapeText(string)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        capture?.text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        let name = Self.local(elementName)
        defer { stack.removeLast() }
        if let open = capture {
            if open.depth == stack.count {
                capture = nil
                take(open.name, open.text, open.attributes)
            } else {
                capture?.text += "</\(elementName)>"
            }
            return
        }
        if (name == "item" || name == "entry"), var done = entry {
            if done.link == nil, let guid = done.guid, guid.hasPrefix("http") { done.link = URLCanonicalizer.resolve(guid, base: base) }
            feed.entries.append(done)
            entry = nil
        }
    }

    private func take(_ name: String, _ raw: String, _ attributes: [String: String]) {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return }
        guard entry != nil else {
            // Channel or feed level: only its own title and link.
            if name == "title", feed.title == nil, stack.count <= 3 { feed.title = HTMLText.plain(text) }
            if name == "link", feed.siteURL == nil, stack.count <= 3 { feed.siteURL = URLCanonicalizer.resolve(text, base: base) }
            return
        }
        switch name {
        case "title": entry?.title = HTMLText.plain(text)
        case "link": if !linkTaken { entry?.link = URLCanonicalizer.resolve(text, base: base); linkTaken = true }
        case "guid", "id": entry?.guid = text
        case "description", "summary": if entry?.summary == nil { entry?.summary = text }
        case "encoded", "content": if entry?.content == nil { entry?.content = text }
        case "pubDate", "published", "issued", "date": if entry?.published == nil { entry?.published = FeedDates.parse(text) }
        case "updated", "modified": entry?.updated = FeedDates.parse(text)
        case "author", "creator":
            guard entry?.author == nil else { break }
            // Atom's <author> holds <name> and <email>: the name is the author.
            if let start = text.range(of: "<name>"), let end = text.range(of: "</name>", range: start.upperBound..<text.endIndex) {
                entry?.author = HTMLText.plain(String(text[start.upperBound..<end.lowerBound]))
            } else {
                entry?.author = HTMLText.plain(text)
            }
        default: break
        }
    }

    static func escapeText(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    }

    static func escapeAttribute(_ s: String) -> String {
        escapeText(s).replacingOccurrences(of: "\"", with: "&quot;")
    }
}
