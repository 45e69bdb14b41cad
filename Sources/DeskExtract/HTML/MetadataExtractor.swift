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
    /// The lead picture's caption and credit, when the page gives one (see `LeadImage`). The Article
    /// model has no lead-image field; a caller may put this first among the captions.
    var leadImage: Caption?
    /// The body as JSON-LD gives it, when it does (a hint for, and a fallback of, body extraction).
    var articleBody: String?
}

/// Reads `<meta>`, `<link>`, `<title>`, JSON-LD and a few microformat conventions.
struct MetadataExtractor {
    /// A standfirst candidate element must have at least this much text (and at most `maxStandfirstChars`).
    static let minStandfirstChars = 30
    static let maxStandfirstChars = 600
    /// A "Title | Site" suffix with at most this many words is taken for the site name.
    static let maxSuffixWords = 4
    static let maxTags = 40
    /// An h1 found inside the meta title replaces it when at least this share of the title: a section
    /// label or site name around a headline is short; an h1 that is only a site logo is not most of it.
    static let minHeadlineShareOfTitle = 0.5
    /// A timed date within this many seconds of a day-only date is the same day told more precisely: a
    /// day is written in local time (UTC−12 to UTC+14) and read as midnight UTC, so 36 hours covers it.
    static let sameDayWindow: TimeInterval = 36 * 3600
    /// Dates before this year are placeholders ("0001-01-01T00:00:00Z" in templates) or epoch zero, not
    /// the date of a web page; the web had almost no news sites before it.
    static let earliestPlausibleYear = 1990

    let root: Node
    let url: String?

    /// (attribute used, key lower-cased, key as written, content) of every <meta> with content.
    let metas: [(attr: String, key: String, written: String, content: String)]
    let jsonld: JSONLD
    /// Every element of the page in document order, listed once for the readers that scan them all
    /// (standfirst, dates, byline) instead of one tree walk each.
    let elements: [Node]

    init(root: Node, url: String?) {
        self.root = root
        self.url = url
        var metas: [(String, String, String, String)] = []
        for m in root.elements(["meta"]) {
            guard let content = m.attribute("content").map(Text.trimmed), !content.isEmpty else { continue }
            for attr in ["property", "name", "itemprop", "http-equiv"] {
                if let key = m.attribute(attr), !key.isEmpty { metas.append((attr, Text.lowercased(key), key, content)); break }
            }
        }
        self.metas = metas
        self.jsonld = JSONLD(root)
        self.elements = root.kind == .document ? root.allElements() : root.descendants().filter(\.isElement)
    }

    func meta(_ keys: [String]) -> (from: String, value: String)? {
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
        md.byline = byline(article, siteName: md.siteName)
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
        if md.published == nil, let address = md.canonicalURL ?? url, let d = URLDate.date(in: address) {
            md.published = Sourced(d, from: "url")
        }
        md.language = language(article)
        md.tags = tags(article)
        if let body = JSONLD.string(article?["articleBody"]) { md.articleBody = body }
        md.leadImage = LeadImage.find(root: root, article: article, metaImage: meta(["og:image", "og:image:url", "twitter:image"])?.value)
        return md
    }

    /// The first element named `tag`: from the document's element index when `root` is the document
    /// (the same node a pre-order walk finds first, without the walk).
    func firstElement(_ tag: String) -> Node? {
        root.kind == .document ? root.elements([tag]).first : root.firstElement(tag)
    }

    // MARK: fields

    private func title(_ article: [String: Any]?, siteName: String?) -> String? {
        var candidates: [String] = []
        if let t = meta(["og:title", "twitter:title"])?.value { candidates.append(t) }
        if let t = JSONLD.string(article?["headline"]) { candidates.append(t) }
        if let h1 = firstElement("h1")?.textContent(), !h1.isEmpty { candidates.append(h1) }
        if let t = firstElement("title").map({ Text.collapse($0.children.map(\.text).joined()) }), !t.isEmpty {
            candidates.append(t)
        }
        guard let first = candidates.first(where: { !Text.collapse($0).isEmpty }) else { return nil }
        let title = stripSiteSuffix(Text.collapse(decodeEntities(first)), siteName: siteName)
        // The headline as printed, when the meta title wraps it in a section label or a site name
        // ("Opinion | Headline"): the page's h1, if the title contains it and it is most of the title.
        if let h1 = firstElement("h1").map({ Text.collapse($0.textContent()) }), !h1.isEmpty, h1.count < title.count,
           Double(h1.count) >= Self.minHeadlineShareOfTitle * Double(title.count),
           title.lowercased().contains(h1.lowercased()) {
            return h1
        }
        return title
    }

    func stripSiteSuffix(_ title: String, siteName: String?) -> String {
        let host = url.flatMap { URL(string: $0)?.host }.map(Text.key) ?? ""
        let siteKey = siteName.map(Text.key) ?? ""
        for sep in [" | ", " - ", " – ", " — ", " :: ", " · ", " // "] {
            // The last occurrence, searched byte-wise (Foundation's `range(of:options: .backwards)` on Linux
            // costs tens of thousands of instructions per call; the separators are fixed strings).
            guard let at = Text.lastOffset(of: sep, in: title) else { continue }
            let u = title.utf8
            let head = String(Substring(u[..<u.index(u.startIndex, offsetBy: at)]))
            let tail = String(Substring(u[u.index(u.startIndex, offsetBy: at + sep.utf8.count)...]))
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
        for node in elements where node.tagID != .meta {
            let tokens = BoilerplateClassifier.tokens(node.classAndID)
            guard tokens.contains(where: { words.contains($0) }) else { continue }
            let t = node.textContent()
            if (Self.minStandfirstChars...Self.maxStandfirstChars).contains(t.count) { return t }
        }
        return nil
    }

    /// The first date the sources give, strongest first. A source that gives only a day ("2019-11-19")
    /// yields to a weaker one that gives a time on that day (JSON-LD "2019-11-19T07:43:27-05:00").
    private func date(metaKeys: [String], jsonKey: String, itemprop: String, timeFallback: Bool) -> Sourced<Date>? {
        var dayOnly: Sourced<Date>?
        func consider(_ raw: String, _ from: @autoclosure () -> String) -> Sourced<Date>? {
            guard let d = Self.plausibleDate(raw) else { return nil }
            let found = Sourced(d, from: from())
            guard raw.contains(":") else {
                if dayOnly == nil { dayOnly = found }
                return nil
            }
            guard let day = dayOnly else { return found }
            return abs(d.timeIntervalSince(day.value)) <= Self.sameDayWindow ? found : day
        }
        for k in metaKeys {
            for m in metas where m.key == k {
                if let r = consider(m.content, "meta[\(m.attr)=\(m.written)]") { return r }
            }
        }
        for o in jsonld.objects where o[jsonKey] != nil {
            if let s = JSONLD.string(o[jsonKey]), let r = consider(s, "json-ld \(jsonKey)") { return r }
        }
        for node in elements where node.attribute("itemprop") == itemprop {
            let raw = node.attribute("datetime") ?? node.attribute("content") ?? node.textContent()
            if let r = consider(raw, "\(node.tag)[itemprop=\(itemprop)]") { return r }
        }
        guard timeFallback else { return dayOnly }
        let times = root.elements(["time"])
        for t in times.filter({ $0.attribute("pubdate") != nil }) + times {
            if let raw = t.attribute("datetime"), let r = consider(raw, "time[datetime]") { return r }
        }
        for node in elements where Self.dateClassWords.contains(where: { Text.contains(node.classAndID, $0) }) {
            let tokens = BoilerplateClassifier.tokens(node.classAndID)
            guard tokens.contains(where: { ["date", "published", "dateline", "timestamp", "pubdate"].contains($0) }),
                  !tokens.contains(where: { ["modified", "updated", "update"].contains($0) }) else { continue }
            // A machine-readable value on the element (abbr title, hidden input value) before its text.
            for attr in ["datetime", "title", "value", "content"] {
                if let raw = node.attribute(attr), let r = consider(raw, "\(node.tag)[\(attr)].\(tokens.joined(separator: "."))") { return r }
            }
            let t = node.textContent()
            if t.count <= 60, let r = consider(t, "\(node.tag).\(tokens.joined(separator: ".")) text") { return r }
        }
        return dayOnly
    }

    /// Word parts every date class token below holds ("date", "dateline", "pubdate", "published",
    /// "timestamp"): an element whose lower-cased class and id hold none of them is skipped unsplit.
    static let dateClassWords = ["date", "published", "timestamp"]

    /// A parsed date, unless it is a placeholder from before the web.
    static func plausibleDate(_ raw: String) -> Date? {
        guard let d = DateParser.parse(raw) else { return nil }
        return utcCalendar.component(.year, from: d) >= earliestPlausibleYear ? d : nil
    }

    /// The Gregorian calendar in UTC, made once (date checks ask it for years and days).
    static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    func canonical() -> String? {
        var found: String?
        for l in root.elements(["link"]) where (l.attribute("rel") ?? "").lowercased().split(separator: " ").contains("canonical") {
            if let h = l.attribute("href"), !h.isEmpty { found = h; break }
        }
        if found == nil { found = meta(["og:url"])?.value }
        guard let raw = found.map(Text.trimmed) else { return nil }
        if let base = url.flatMap(URL.init(string:)), let abs = URL(string: raw, relativeTo: base) { return abs.absoluteString }
        return raw
    }

    private func language(_ article: [String: Any]?) -> String? {
        let html = firstElement("html")
        let candidates: [String?] = [
            html?.attribute("lang"), html?.attribute("xml:lang"),
            meta(["content-language", "og:locale", "language", "dc.language", "inlanguage"])?.value,
            JSONLD.string(article?["inLanguage"]),
            jsonld.objects.lazy.compactMap { JSONLD.string($0["inLanguage"]) }.first,
        ]
        for raw in candidates.compactMap({ $0 }) {
            let code = raw.lowercased().trimmingCharacters(in: .whitespaces).prefix { $0.isLetter }
            if code.count == 2 || code.count == 3 { return String(code.prefix(2)) }
        }
        return nil
    }

    /// Meta content is already entity-decoded by the parser; JSON-LD and some double-escaped content is not.
    func decodeEntities(_ s: String) -> String {
        guard Text.contains(s, "&") else { return s }
        return s.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&#039;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
    }
}
