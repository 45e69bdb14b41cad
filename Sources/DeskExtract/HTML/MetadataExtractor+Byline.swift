import Foundation

/// Where a page names its authors, strongest first.
extension MetadataExtractor {
    /// The first byline candidate that names a person: JSON-LD authors that are not organisations, author
    /// meta tags, rel/itemprop author markup, then byline-classed elements.
    func byline(_ article: [String: Any]?, siteName: String?) -> String? {
        let publisher = JSONLD.string((article?["publisher"] as? [String: Any])?["name"])
        let cleaner = BylineCleaner(siteName: siteName, publisher: publisher, url: url ?? canonical())
        let people = JSONLD.personNames(article?["author"]).compactMap(cleaner.clean)
        if !people.isEmpty { return people.joined(separator: ", ") }
        for key in ["author", "article:author", "byl", "dc.creator", "sailthru.author", "parsely-author"] {
            for m in metas where m.key == key {
                if let t = cleaner.clean(m.content) { return t }
            }
        }
        for node in elements {
            let rel = node.attribute("rel").map(Text.lowercased) ?? ""
            let itemprop = node.attribute("itemprop").map(Text.lowercased) ?? ""
            if Text.contains(rel, "author") || itemprop == "author" || itemprop == "creator" {
                if let name = node.descendants().first(where: { $0.attribute("itemprop") == "name" }),
                   let t = cleaner.clean(name.attribute("content") ?? name.textContent()) { return t }
                if let t = cleaner.clean(node.textContent()) { return t }
            }
        }
        // Byline-classed elements, outside forms and comment threads (where "author" labels a field); the
        // innermost name-classed part first, as the whole block often runs on into roles and agencies.
        var stack: [Node] = [root]
        while let node = stack.popLast() {
            guard node.kind != .text else { continue }
            if node.isElement {
                if node.tagID == .form || node.info.contains(.nonContent) { continue }
                // Only a class naming one of these words can stop or end the walk here: skip the split otherwise.
                if !Self.bylineWalkWords.contains(where: { Text.contains(node.classAndID, $0) }) {
                    node.pushChildrenReversed(onto: &stack)
                    continue
                }
                let tokens = BoilerplateClassifier.tokens(node.classAndID)
                if tokens.contains(where: { $0.hasPrefix("comment") || $0 == "related" || $0.hasPrefix("respond") }) { continue }
                if Self.isBylineClass(tokens) {
                    let inner = node.descendants(includeSelf: false).filter { d in
                        d.isElement && (Self.isBylineClass(BoilerplateClassifier.tokens(d.classAndID))
                            || BoilerplateClassifier.tokens(d.classAndID).contains("name"))
                    }
                    for candidate in inner + [node] {
                        if let t = cleaner.clean(candidate.textContent()) { return t }
                    }
                    continue
                }
            }
            node.pushChildrenReversed(onto: &stack)
        }
        return nil
    }

    /// Word parts that the byline walk's class tests look for (`isBylineClass`, comment and related
    /// boxes). Class and id are lower-cased, so a token holding one holds its bytes.
    static let bylineWalkWords = ["byline", "author", "comment", "related", "respond"]

    static func isBylineClass(_ tokens: [String]) -> Bool {
        tokens.contains { $0 == "byline" || $0 == "author" || $0 == "authors" || $0.hasPrefix("byline") }
    }

    /// Words after which a byline line goes on with dates or roles ("Jane Doe Published 11:04 a.m.").
    static let bylineTailMarkers = [" published", " updated", " posted", " monday", " tuesday", " wednesday", " thursday",
                                    " friday", " saturday", " sunday", " | ", " on "]

    static func cutBylineTail(_ s: String) -> String {
        let lower = Text.lowercased(s)
        var cut = lower.utf8.count
        for m in bylineTailMarkers {
            if let r = Text.firstOffset(of: m, in: lower), r < cut { cut = r }
        }
        let offset = lower.distance(from: lower.startIndex, to: Text.index(lower, byteOffset: cut))
        return String(s.prefix(offset)).trimmingCharacters(in: CharacterSet(charactersIn: " ,;-–—|"))
    }
}
