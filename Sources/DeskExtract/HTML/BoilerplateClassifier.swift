import DeskModel

/// Decides, from markup alone (tag, role, class, id, visibility), whether an element is page chrome
/// rather than article text, and what kind. Words are matched against the tokens of class and id
/// ("related-articles" → related, articles), so a word never matches inside an unrelated longer word
/// unless it is listed as a prefix.
struct BoilerplateClassifier {
    /// A large block of plain prose is kept even when its class mentions chrome ("post has-share-bar"):
    /// at least this many paragraphs…
    static let protectedParagraphs = 4
    /// …and this many characters of text, with less than `protectedLinkDensity` of it in links.
    /// (Chosen so a typical 3-item related box or comment form never qualifies, while any real body does.)
    static let protectedChars = 1200
    static let protectedLinkDensity = 0.35
    /// Class words that only mark metadata (byline, dates, tags) apply to short blocks only.
    static let metadataMaxChars = 300
    /// Longest aside taken for a pull quote.
    static let maxPullQuoteChars = 300
    /// An element marked itemprop=description up to this long is the standfirst, not body.
    static let maxStandfirstChars = 600
    /// A class that also names content ("article-related", "post-share") vetoes removal from this many
    /// paragraphs up: chrome boxes rarely hold two real <p>s, bodies nearly always do.
    static let contentVetoParagraphs = 2

    /// Tokens (exact) → reason.
    static let exact: [String: RemovalReason] = [
        "nav": .navigation, "navbar": .navigation, "navigation": .navigation, "menu": .navigation, "menus": .navigation,
        "breadcrumb": .navigation, "breadcrumbs": .navigation, "crumbs": .navigation, "masthead": .navigation,
        "topbar": .navigation, "pagination": .navigation, "pager": .navigation, "skip": .navigation, "skiplink": .navigation,
        "toolbar": .share, "tools": .share, "share": .share, "shares": .share, "sharing": .share, "social": .share,
        "addthis": .share, "sharethis": .share, "print": .share, "follow": .share,
        "related": .related, "recommended": .related, "recommendations": .related, "outbrain": .related,
        "taboola": .related, "popular": .related, "trending": .related, "sidebar": .related,
        "rail": .related, "teasers": .related, "more": .related, "readmore": .related,
        "comment": .comments, "comments": .comments, "disqus": .comments, "discussion": .comments, "replies": .comments,
        "respond": .comments,
        "newsletter": .newsletter, "newsletters": .newsletter, "subscribe": .newsletter, "subscription": .newsletter,
        "signup": .newsletter, "optin": .newsletter,
        "ad": .advertising, "ads": .advertising, "advert": .advertising, "adverts": .advertising,
        "advertisement": .advertising, "advertising": .advertising, "sponsor": .advertising, "sponsored": .advertising,
        "promo": .advertising, "cta": .advertising, "promotion": .advertising, "dfp": .advertising, "banner": .advertising, "adslot": .advertising,
        "cookie": .legal, "cookies": .legal, "gdpr": .legal, "consent": .legal, "copyright": .legal, "legal": .legal,
        "paywall": .paywall, "meter": .paywall,
        "login": .registration, "register": .registration, "registration": .registration,
        "donate": .donation, "donation": .donation,
        "footer": .boilerplate, "modal": .boilerplate, "popup": .boilerplate, "overlay": .boilerplate,
        "hidden": .boilerplate, "hide": .boilerplate, "sronly": .boilerplate, "visuallyhidden": .boilerplate,
        "byline": .metadata, "dateline": .metadata, "timestamp": .metadata, "tags": .metadata, "tag": .metadata,
        "author": .metadata, "authors": .metadata, "meta": .metadata, "date": .metadata, "published": .metadata,
        "keywords": .metadata, "topics": .metadata,
        "caption": .caption, "captions": .caption, "credit": .caption, "credits": .caption, "photocredit": .caption,
        "figcaption": .caption,
    ]
    /// Token prefixes → reason, for words that come glued to others ("socialShare", "adContainer").
    static let prefixes: [(String, RemovalReason)] = [
        ("breadcrumb", .navigation), ("share", .share), ("social", .share), ("related", .related),
        ("recommend", .related), ("comment", .comments), ("newsletter", .newsletter), ("subscri", .newsletter),
        ("advert", .advertising), ("sponsor", .advertising), ("cookie", .legal), ("outbrain", .related),
        ("taboola", .related), 
    ]
    /// Word parts that mark chrome wherever they sit in a token ("newsCaption", "imgcaption").
    static let infixes: [(String, RemovalReason)] = [("caption", .caption)]
    /// Tokens saying a block is the content itself; they veto class-based removal.
    static let contentWords: Set<String> = ["article", "body", "content", "main", "story", "post", "entry", "text",
                                            "articlebody", "storybody", "postbody", "entrycontent"]

    /// Words of responsive class names ("hidden-xs", "hide-mobile").
    static let breakpointWords: Set<String> = ["xs", "sm", "md", "lg", "xl", "xxl", "mobile", "desktop", "tablet",
                                               "phone", "small", "medium", "large", "print", "screen"]

    static func tokens(_ s: String) -> [String] {
        // ASCII (nearly every class list): split on bytes, no Character iteration.
        if let ascii = asciiTokens(s) { return ascii }
        var out: [String] = []
        var cur = ""
        for ch in s.lowercased() {
            if ch.isLetter || ch.isNumber { cur.append(ch) } else if !cur.isEmpty { out.append(cur); cur = "" }
        }
        if !cur.isEmpty { out.append(cur) }
        return out
    }

    /// `tokens` for an all-ASCII string, read in place (nil for any other string): each run of letters and
    /// digits becomes one token, lower-cased; a run without capitals is copied as it stands.
    private static func asciiTokens(_ s: String) -> [String]? {
        var s = s
        return s.withUTF8 { p -> [String]? in
            var out: [String] = []
            var start = -1, upper = false
            func flush(_ end: Int) {
                let run = UnsafeBufferPointer(rebasing: p[start..<end])
                out.append(upper ? String(decoding: run.lazy.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
                                 : String(decoding: run, as: UTF8.self))
                start = -1; upper = false
            }
            for i in 0..<p.count {
                let b = p[i]
                if b >= 0x80 { return nil }
                let isUpper = b >= 0x41 && b <= 0x5A
                if isUpper || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
                    if start < 0 { start = i }
                    upper = upper || isUpper
                } else if start >= 0 {
                    flush(i)
                }
            }
            if start >= 0 { flush(p.count) }
            return out
        }
    }

    /// Reason to drop the element, looking only at the element itself (not at its ancestors). Without
    /// `useClasses`, only tag, role, visibility and schema.org markup count (the looser retry passes).
    func reason(for node: Node, useClasses: Bool = true) -> RemovalReason? {
        guard node.isElement else { return nil }
        if let r = tagReason(node) { return r }
        if isHidden(node) { return .boilerplate }
        if let role = node.attribute("role").map(Text.lowercased) {
            switch role {
            case "navigation", "menu", "menubar", "search", "banner": return .navigation
            case "complementary": return .related
            case "contentinfo": return .legal
            case "dialog", "alert", "alertdialog": return .boilerplate
            default: break
            }
        }
        if node.tagID == .body || node.tagID == .html || node.tagID == .a { return nil }
        // schema.org's summary of the article: the standfirst, kept in its own field.
        if node.attribute("itemprop").map(Text.lowercased) == "description", node.stats.chars <= Self.maxStandfirstChars,
           node.stats.paragraphs <= 2 { return .metadata }
        return useClasses ? classReason(node) : nil
    }

    private func tagReason(_ node: Node) -> RemovalReason? {
        switch node.tagID {
        case .nav: return .navigation
        case .aside: return isLargeProse(node) || isPullQuote(node) ? nil : .related
        case .footer:
            if isLargeProse(node) { return nil }
            let text = node.textContent()
            return ["©", "copyright", "rights reserved", "privacy", "terms of"].contains(where: { Text.containsLowered(text, $0) }) ? .legal : .trailing
        case .header:
            if isLargeProse(node) { return nil }
            // An article's own header holds headline and byline; the page's holds the menus.
            return node.hasAncestor(["article", "main"]) ? .metadata : .navigation
        case .form:
            // Some frameworks wrap the whole page in one form; only small forms are chrome.
            if isLargeProse(node) { return nil }
            let text = node.textContent()
            return Text.containsLowered(text, "newsletter") || Text.containsLowered(text, "subscribe")
                || Text.containsLowered(text, "sign up") ? .newsletter : .boilerplate
        case .figcaption: return .caption
        case .dialog, .menu: return .boilerplate
        default: return nil
        }
    }

    private func isHidden(_ node: Node) -> Bool {
        if node.attribute("hidden") != nil { return true }
        if node.attribute("aria-hidden").map(Text.lowercased) == "true", node.stats.images == 0 { return true }
        if let raw = node.attribute("style") {
            let style = String(decoding: Text.lowercased(raw).utf8.filter { $0 != 0x20 }, as: UTF8.self)
            if Text.contains(style, "display:none") || Text.contains(style, "visibility:hidden") { return true }
        }
        return false
    }

    /// A short, link-free aside that opens with a quotation mark is a pull quote: part of the text.
    func isPullQuote(_ node: Node) -> Bool {
        guard node.stats.linkChars == 0, node.stats.inputs == 0, node.stats.chars <= Self.maxPullQuoteChars else { return false }
        guard let first = node.textContent().first else { return false }
        return "“\"«„‘'「".contains(first)
    }

    func isLargeProse(_ node: Node) -> Bool {
        node.stats.paragraphs >= Self.protectedParagraphs && node.stats.chars >= Self.protectedChars
            && node.stats.linkDensity < Self.protectedLinkDensity
    }

    func classReason(_ node: Node) -> RemovalReason? {
        let words = Self.classWords(node.classAndID)
        guard let reason = words.found else { return nil }
        // "hidden-xs", "hide-on-mobile": responsive classes hide a block on some screens only.
        if reason == .boilerplate, words.hides, words.namesBreakpoint { return nil }
        let saysContent = words.saysContent
        // "article-related" with a few links is chrome; "article-body has-share" with paragraphs is not.
        if saysContent, node.stats.paragraphs >= Self.contentVetoParagraphs { return nil }
        if reason == .metadata, node.stats.chars > Self.metadataMaxChars { return nil }
        if isLargeProse(node) { return nil }
        return reason
    }
}
