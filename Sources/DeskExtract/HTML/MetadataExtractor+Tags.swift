import Foundation

/// Tags from `article:tag`, keyword metas and JSON-LD `keywords`, without the site's internal ones.
extension MetadataExtractor {
    func tags(_ article: [String: Any]?) -> [String] {
        var raw: [String] = metas.filter { $0.key == "article:tag" }.flatMap { Self.splitList(decodeEntities($0.content), commaNeedsNoSpace: true) }
        for m in metas where m.key == "keywords" || m.key == "news_keywords" {
            raw += Self.splitList(decodeEntities(m.content), commaNeedsNoSpace: false)
        }
        switch article?["keywords"] {
        case let s as String: raw += Self.splitList(decodeEntities(s), commaNeedsNoSpace: false)
        case let a as [Any]: raw += a.compactMap { $0 as? String }.map(decodeEntities)
        default: break
        }
        var seen: Set<String> = []
        var out: [String] = []
        for t in raw {
            let tag = Text.collapse(t)
            guard !tag.isEmpty, !Self.isInternalTag(tag), seen.insert(tag.lowercased()).inserted else { continue }
            out.append(tag)
            if out.count >= Self.maxTags { break }
        }
        return out
    }

    /// Splits a keyword list. One `article:tag` holds one tag, which may contain ", " ("Elections,
    /// Governors"), so there only commas without a following space separate ("Hong Kong,Protest").
    static func splitList(_ s: String, commaNeedsNoSpace: Bool) -> [String] {
        var out: [String] = []
        var current = ""
        let chars = Array(s)
        for (i, ch) in chars.enumerated() {
            let next = i + 1 < chars.count ? chars[i + 1] : " "
            if ch == ";" || (ch == "," && (!commaNeedsNoSpace || next != " ")) {
                out.append(current)
                current = ""
            } else {
                current.append(ch)
            }
        }
        out.append(current)
        return out
    }

    /// Tags for the site's machinery, not for readers: "@hp-top-stories", "_no-apple-news", "ctp_video",
    /// "/article", "@post-id:1913719", entity-typed "Mark Esper GOVERNMENT_FIGURE PERSON"; and tags cut
    /// short by broken escaping ("PG&amp" of "PG&E").
    static func isInternalTag(_ tag: String) -> Bool {
        tag.hasPrefix("@") || tag.hasPrefix("/") || Text.contains(tag, "_") || tag.count < 2 || tag.hasSuffix("&") || Text.contains(tag, "&amp")
    }
}
