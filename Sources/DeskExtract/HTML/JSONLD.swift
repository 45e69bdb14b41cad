import Foundation

/// The schema.org objects of a page's `<script type="application/ld+json">` blocks.
struct JSONLD {
    /// Every object found, flattened out of arrays and `@graph`s, in page order.
    var objects: [[String: Any]] = []

    init(_ root: Node) {
        for script in root.elements(["script"]) {
            guard let type = script.attribute("type").map(Text.lowercased), Text.contains(type, "ld+json") else { continue }
            let raw = script.children.map(\.text).joined()
            guard let value = Self.decode(raw) else { continue }
            var queue: [Any] = [value]
            while !queue.isEmpty {
                let v = queue.removeFirst()
                if let a = v as? [Any] { queue.append(contentsOf: a) }
                if let o = v as? [String: Any] {
                    objects.append(o)
                    if let g = o["@graph"] { queue.append(g) }
                    if let m = o["mainEntity"] as? [String: Any] { queue.append(m) }
                }
            }
        }
    }

    private static func decode(_ raw: String) -> Any? {
        var text = Text.trimmed(raw)
        if text.hasPrefix("<![CDATA[") { text = String(text.dropFirst(9)) }
        if text.hasSuffix("]]>") { text = String(text.dropLast(3)) }
        if text.hasPrefix("//<![CDATA[") { text = String(text.dropFirst(11)) }
        if text.hasSuffix("//]]>") { text = String(text.dropLast(5)) }
        if let v = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) { return v }
        // Raw line breaks and tabs inside strings are a common fault; outside strings they are whitespace.
        let cleaned = String(text.unicodeScalars.map { $0.value < 0x20 ? " " : Character($0) })
        return try? JSONSerialization.jsonObject(with: Data(cleaned.utf8), options: [.fragmentsAllowed])
    }

    static func types(_ o: [String: Any]) -> [String] {
        if let t = o["@type"] as? String { return [t] }
        if let t = o["@type"] as? [String] { return t }
        return []
    }

    /// The object describing the article: an *Article/*Posting/Report type, else anything with a headline.
    var article: [String: Any]? {
        let articleTypes = ["article", "posting", "report", "review", "blog"]
        if let o = objects.first(where: { Self.types($0).contains { t in articleTypes.contains { t.lowercased().contains($0) } } }) {
            return o
        }
        return objects.first { $0["headline"] != nil }
    }

    /// A string value, or the first string of an array, or a name/@value inside an object.
    static func string(_ v: Any?) -> String? {
        switch v {
        case let s as String: return s.isEmpty ? nil : s
        case let a as [Any]: return a.lazy.compactMap { string($0) }.first
        case let o as [String: Any]: return string(o["name"]) ?? string(o["@value"])
        default: return nil
        }
    }

    /// Names in an author value, leaving out those typed as organisations (a publisher named as author).
    static func personNames(_ v: Any?) -> [String] {
        switch v {
        case let a as [Any]: return a.flatMap { personNames($0) }
        case let o as [String: Any]:
            let organisation = types(o).contains { ["organization", "newsmediaorganization", "corporation"].contains($0.lowercased()) }
            return organisation ? [] : names(o)
        default: return names(v)
        }
    }

    /// Names of people or organisations in an author value.
    static func names(_ v: Any?) -> [String] {
        switch v {
        case let s as String: return s.isEmpty ? [] : [s]
        case let a as [Any]: return a.flatMap { names($0) }
        case let o as [String: Any]: return string(o["name"]).map { [$0] } ?? []
        default: return []
        }
    }
}
