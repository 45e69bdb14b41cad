import DeskModel
import Foundation

/// What a page says about its article outside the body: headline, dates, author, canonical address…
struct PageMetadata {
    var title: String?
    var standfirst: String?
    var byline: String?
    var published: Sourced<Date>?
    var modified: Sourced<Date>?
    var canonicalURL: String?
    var language: String?
    var tags: [String] = []
    var siteName: String?
    /// The body as JSON-LD gives it, when it does (a hint for, and a fallback of, body extraction).
    var articleBody: String?
}

/// Reads `<meta>`, `<link>`, `<title>`, JSON-LD and a few microformat conventions.
struct MetadataExtractor {
    /// A byline longer than this is a bio or a paragraph, not a byline.
    static let maxBylineChars = 120
    /// A standfirst candidate element must have at least this much text (and at most `maxStandfirstChars`).
    static let minStandfirstChars = 30
    static let maxStandfirstChars = 600
    /// A "Title | Site" suffix with at most this many words is taken for the site name.
    static let maxSuffixWords = 4
    static let maxTags = 40

    let root: Node
    let url: String?

    /// (attribute used, key lower-cased, key as written, content) of every <meta> with content.
    private let metas: [(attr: String, key: String, written: String, content: String)]
    private let jsonld: JSONLD

    init(root: Node, url: String?) {
        self.root = root
        self.url = url
        var metas: [(String, String, String, String)] = []
        for m in root.elements(["meta"]) {
            guard let content = m.attribute("content")?.trimmingCharacters(in: .whitespacesAndNewlines), !content.isEmpty else { continue }
            for attr in ["property", "name", "itemprop", "http-equiv"] {
                if let key = m.attribute(attr), !key.isEmpty { metas.append((attr, key.lowercased(), key, content)); break }
            }
        }
        self.metas = metas
        self.jsonld = JSONLD(root)
    }

    private func meta(_ keys: [String]) -> (from: String, value: String)? {
        for k in keys {
            if let m = metas.first(where: { $0.key == k }) { return ("meta[\(m.attr)=\(m.written)]", m.content) }
        }
        return nil
    }

    func extract() -> PageMetadata {
        var md = PageMetadata()
        let article = jsonld.article
        md.siteName = meta(["og:site_name", "application-name"])?.value
            ?? JSONLD.string((article?["publisher"] as? [String: Any])?["name"])
        md.title = title(article, siteName: md.siteName)
        md.standfirst = standfirst(article)
        md.byline = byline(article)
        md.published = date(metaKeys: ["article:published_time", "og:article:published_time", "datepublished",
                                       "article.published", "pubdate", "publishdate", "publish-date", "publish_date",
                                       "date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.created",
                                       "sailthru.date", "parsely-pub-date", "og:published_time", "originalpublicationdate",
                                       "article:published", "datecreated"],
                            jsonKey: "datePublished", itemprop: "datePublished", timeFallback: true)
        md.modified = date(metaKeys: ["article:modified_time", "og:updated_time", "datemodified", "last-modified",
                                      "dcterms.modified", "article.updated", "article:modified"],
                           jsonKey: "dateModified", itemprop: "dateModified", timeFallback: false)
        md.canonicalURL = canonical()
        md.language = language(article)
        md.tags = tags(article)
        if let body = JSONLD.string(article?["articleBody"]) { md.articleBody = body }
        return md
    }

    // MARK: fields

    private func title(_ article: [String: Any]?, siteName: String?) -> String? {
        var candidates: [String] = []
        if let t = meta(["og:title", "twitter:title"])?.value { candidates.append(t) }
        if let t = JSONLD.string(article?["headline"]) { candidates.append(t) }
        if let h1 = root.firstElement("h1")?.textContent(), !h1.isEmpty { candidates.append(h1) }
        if let t = root.firstElement("title").map({ Text.collapse($0.children.map(\.text).joined()) }), !t.isEmpty {
            candidates.append(t)
        }
        guard let first = candidates.first(where: { !Text.collapse($0).isEmpty }) else { return nil }
        return stripSiteSuffix(Text.collapse(decodeEntities(first)), siteName: siteName)
    }

    func stripSiteSuffix(_ title: String, siteName: String?) -> String {
        let host = url.flatMap { URL(string: $0)?.host }.map(Text.key) ?? ""
        let siteKey = siteName.map(Text.key) ?? ""
        for sep in [" | ", " - ", " – ", " — ", " :: ", " · ", " // "] {
            guard let r = title.range(of: sep, options: .backwards) else { continue }
            let head = String(title[..<r.lowerBound]), tail = String(title[r.upperBound...])
            let tailKey = Text.key(tail)
            guard !tailKey.isEmpty, !head.isEmpty else { continue }
            let namesSite = (!siteKey.isEmpty && (tailKey == siteKey || siteKey.contains(tailKey) || tailKey.contains(siteKey)))
                || (!host.isEmpty && tailKey.count >= 3 && host.contains(tailKey))
            let shortPipe = sep == " | " && tail.split(separator: " ").count <= Self.maxSuffixWords
            if namesSite || shortPipe { return stripSiteSuffix(head, siteName: siteName) }
        }
        return title
    }

    private func standfirst(_ article: [String: Any]?) -> String? {
        if let d = meta(["og:description", "description", "twitter:description"])?.value { return Text.collapse(decodeEntities(d)) }
        if let d = JSONLD.string(article?["description"]) { return Text.collapse(d) }
        let words = ["standfirst", "dek", "deck", "subtitle", "subheadline", "sub-headline", "subhead", "lede", "summary", "excerpt", "intro"]
        for node in root.descendants() where node.isElement && node.tag != "meta" {
            let tokens = BoilerplateClassifier.tokens(node.classAndID)
            guard tokens.contains(where: { words.contains($0) }) else { continue }
            let t = node.textContent()
            if (Self.minStandfirstChars...Self.maxStandfirstChars).contains(t.count) { return t }
        }
        return nil
    }

    private func byline(_ article: [String: Any]?) -> String? {
        func clean(_ s: String) -> String? {
            var t = Self.cutBylineTail(Text.collapse(s))
            if t.lowercased().hasPrefix("by ") { t = String(t.dropFirst(3)) }
            if t.isEmpty || t.count > Self.maxBylineChars || t.hasPrefix("http") || t.contains("://") { return nil }
            return t
        }
        if let a = meta(["author", "article:author", "byl", "dc.creator", "sailthru.author", "parsely-author"]), let t = clean(a.value) { return t }
        let names = JSONLD.names(article?["author"]).compactMap(clean)
        if !names.isEmpty { return names.joined(separator: ", ") }
        for node in root.descendants() where node.isElement {
            let rel = node.attribute("rel")?.lowercased() ?? ""
            let itemprop = node.attribute("itemprop")?.lowercased() ?? ""
            if rel.contains("author") || itemprop == "author" || itemprop == "creator" {
                if let name = node.descendants().first(where: { $0.attribute("itemprop") == "name" }),
                   let t = clean(name.attribute("content") ?? name.textContent()) { return t }
                if let t = clean(node.textContent()) { return t }
            }
        }
        // Byline-classed elements, outside forms and comment threads (where "author" labels a field).
        var stack: [Node] = [root]
        while let node = stack.popLast() {
            guard node.kind != .text else { continue }
            if node.isElement {
                if node.tag == "form" || HTMLTags.nonContent.contains(node.tag) { continue }
                let tokens = BoilerplateClassifier.tokens(node.classAndID)
                if tokens.contains(where: { $0.hasPrefix("comment") || $0 == "related" || $0.hasPrefix("respond") }) { continue }
                if tokens.contains(where: { $0 == "byline" || $0 == "author" || $0 == "authors" || $0.hasPrefix("byline") }),
                   let t = clean(node.textContent()) { return t }
            }
            stack.append(contentsOf: node.children.reversed())
        }
        return nil
    }

    /// Words after which a byline line goes on with dates or roles ("Jane Doe Published 11:04 a.m.").
    static let bylineTailMarkers = [" published", " updated", " posted", " monday", " tuesday", " wednesday", " thursday",
                                    " friday", " saturday", " sunday", " | ", " on "]

    static func cutBylineTail(_ s: String) -> String {
        let lower = s.lowercased()
        var cut = lower.endIndex
        for m in bylineTailMarkers {
            if let r = lower.range(of: m), r.lowerBound < cut { cut = r.lowerBound }
        }
        let offset = lower.distance(from: lower.startIndex, to: cut)
        return String(s.prefix(offset)).trimmingCharacters(in: CharacterSet(charactersIn: " ,;-–—|"))
    }

    private func date(metaKeys: [String], jsonKey: String, itemprop: String, timeFallback: Bool) -> Sourced<Date>? {
        for k in metaKeys {
            for m in metas where m.key == k {
                if let d = DateParser.parse(m.content) { return Sourced(d, from: "meta[\(m.attr)=\(m.written)]") }
            }
        }
        for o in jsonld.objects where o[jsonKey] != nil {
            if let s = JSONLD.string(o[jsonKey]), let d = DateParser.parse(s) { return Sourced(d, from: "json-ld \(jsonKey)") }
        }
        for node in root.descendants() where node.isElement && node.attribute("itemprop") == itemprop {
            let raw = node.attribute("datetime") ?? node.attribute("content") ?? node.textContent()
            if let d = DateParser.parse(raw) { return Sourced(d, from: "\(node.tag)[itemprop=\(itemprop)]") }
        }
        guard timeFallback else { return nil }
        let times = root.elements(["time"])
        for t in times.filter({ $0.attribute("pubdate") != nil }) + times {
            if let raw = t.attribute("datetime"), let d = DateParser.parse(raw) { return Sourced(d, from: "time[datetime]") }
        }
        for node in root.descendants() where node.isElement {
            let tokens = BoilerplateClassifier.tokens(node.classAndID)
            guard tokens.contains(where: { ["date", "published", "dateline", "timestamp", "pubdate"].contains($0) }) else { continue }
            let t = node.textContent()
            if t.count <= 60, let d = DateParser.parse(t) { return Sourced(d, from: "\(node.tag).\(tokens.joined(separator: ".")) text") }
        }
        return nil
    }

    private func canonical() -> String? {
        var found: String?
        for l in root.elements(["link"]) where (l.attribute("rel") ?? "").lowercased().split(separator: " ").contains("canonical") {
            if let h = l.attribute("href"), !h.isEmpty { found = h; break }
        }
        if found == nil { found = meta(["og:url"])?.value }
        guard let raw = found?.trimmingCharacters(in: .whitespacesAndNewlines) else { return nil }
        if let base = url.flatMap(URL.init(string:)), let abs = URL(string: raw, relativeTo: base) { return abs.absoluteString }
        return raw
    }

    private func language(_ article: [String: Any]?) -> String? {
        let raw = root.firstElement("html")?.attribute("lang")
            ?? root.firstElement("html")?.attribute("xml:lang")
            ?? meta(["content-language", "og:locale", "language", "dc.language"])?.value
            ?? JSONLD.string(article?["inLanguage"])
        guard let raw else { return nil }
        let code = raw.lowercased().prefix { $0.isLetter }
        return code.count == 2 || code.count == 3 ? String(code.prefix(2)) : nil
    }

    private func tags(_ article: [String: Any]?) -> [String] {
        var raw: [String] = metas.filter { $0.key == "article:tag" }.map(\.content)
        for m in metas where m.key == "keywords" || m.key == "news_keywords" {
            raw += m.content.split(whereSeparator: { $0 == "," || $0 == ";" }).map(String.init)
        }
        switch article?["keywords"] {
        case let s as String: raw += s.split(whereSeparator: { $0 == "," || $0 == ";" }).map(String.init)
        case let a as [Any]: raw += a.compactMap { $0 as? String }
        default: break
        }
        var seen: Set<String> = []
        var out: [String] = []
        for t in raw {
            let tag = Text.collapse(t)
            guard !tag.isEmpty, seen.insert(tag.lowercased()).inserted else { continue }
            out.append(tag)
            if out.count >= Self.maxTags { break }
        }
        return out
    }

    /// Meta content is already entity-decoded by the parser; JSON-LD and some double-escaped content is not.
    private func decodeEntities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        return s.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&#039;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
    }
}
