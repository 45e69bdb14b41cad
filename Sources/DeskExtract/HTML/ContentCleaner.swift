import DeskModel

/// Second look inside the chosen content, in the manner of Readability's "clean conditionally":
/// containers that hold more links, images, list items or form fields than prose are dropped.
struct ContentCleaner {
    /// Containers with at least this many commas are prose whatever else they hold.
    static let proseCommas = 10
    /// Link density above which a container with no content-saying class is link chrome…
    static let maxLinkDensity = 0.2
    /// …and above which even a container whose class says content is dropped.
    static let maxLinkDensityPositive = 0.5
    /// Class weight from which a container counts as saying "content".
    static let positiveWeight = 25.0
    /// Containers shorter than this (non-space chars) with no single image are dropped.
    static let minChars = 25
    /// A list counts as a list when at least this share of its text is in list items.
    static let listTextShare = 0.9
    /// A container whose text is at least this share quotation (blockquote) is kept.
    static let quotedShare = 0.8

    static let conditionalTags: Set<String> = ["form", "fieldset", "table", "ul", "ol", "div", "section", "dl"]

    var scorer: ContentScorer

    /// Marks dropped subtrees under `roots` and returns what was dropped.
    func clean(_ roots: [Node], title: String?) -> [(Node, RemovalReason)] {
        var dropped: [(Node, RemovalReason)] = []
        let titleKey = title.map(Text.key)
        var seenHeading = false
        for root in roots {
            // (node, inside a figure, inside pre/code): carried down so no walk goes back up the tree.
            var stack: [(Node, Bool, Bool)] = [(root, root.hasAncestor(["figure"]), root.hasAncestor(["pre", "code"]))]
            while let (node, inFigure, inCode) = stack.popLast() {
                guard node.isElement, node.pruned == nil else { continue }
                if let reason = verdict(node, titleKey: titleKey, seenHeading: &seenHeading, inFigure: inFigure, inCode: inCode) {
                    node.pruned = reason
                    dropped.append((node, reason))
                    continue
                }
                let f = inFigure || node.tagID == .figure, c = inCode || node.tagID == .pre || node.tagID == .code
                for child in node.children.reversed() { stack.append((child, f, c)) }
            }
        }
        return dropped
    }

    private func verdict(_ node: Node, titleKey: String?, seenHeading: inout Bool, inFigure: Bool, inCode: Bool) -> RemovalReason? {
        let info = node.info
        if info.contains(.heading) {
            defer { seenHeading = true }
            if scorer.classWeight(node) < 0 { return .boilerplate }
            if let titleKey, !seenHeading, !titleKey.isEmpty, Text.key(node.textContent()) == titleKey { return .metadata }
            if node.tagID == .h1, !seenHeading { return .metadata }
            return nil
        }
        if info.contains(.conditional), !inCode { return conditional(node, inFigure: inFigure) }
        return nil
    }

    private func conditional(_ node: Node, inFigure: Bool) -> RemovalReason? {
        let s = node.stats
        // Embedded posts and quotations (a tweet in a widget box) are quoted content, not chrome.
        if s.chars > 0, Double(s.quotedChars) >= Self.quotedShare * Double(s.chars) { return nil }
        let weight = scorer.classWeight(node)
        if weight < 0 { return reasonByLinks(s) }
        if s.commas >= Self.proseCommas { return nil }
        let isList = node.tagID == .ul || node.tagID == .ol || node.tagID == .dl
        let p = s.paragraphs, img = s.images
        if img > 1, Double(p) / Double(img) < 0.5, !inFigure { return .boilerplate }
        if !isList, s.listItems - 100 > p { return .related }
        if s.inputs > p / 3 { return .boilerplate }
        if !isList, s.chars < Self.minChars, img == 0 || img > 2, !inFigure,
           Double(s.headingChars) < 0.9 * Double(max(s.chars, 1)) { return s.chars == 0 ? nil : .boilerplate }
        if !isList, weight < Self.positiveWeight, s.linkDensity > Self.maxLinkDensity { return .related }
        if weight >= Self.positiveWeight, s.linkDensity > Self.maxLinkDensityPositive { return .related }
        if (s.embeds == 1 && s.chars < 75) || s.embeds > 1 { return .advertising }
        return nil
    }

    private func reasonByLinks(_ s: TextStats) -> RemovalReason {
        s.linkDensity > 0.5 ? .related : .boilerplate
    }
}
