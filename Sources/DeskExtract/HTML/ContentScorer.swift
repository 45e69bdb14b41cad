/// Picks the element that holds the article body, in the manner of Readability: every paragraph-like
/// block gives points to its nearest ancestors, each ancestor's total is discounted by its link
/// density, and the best one (plus siblings that look like more of the same) is the content.
struct ContentScorer {
    /// Blocks shorter than this (in non-space characters) give no points: captions, labels, buttons.
    /// (Readability's value; 25 keeps one-line teasers out while any sentence of prose counts.)
    static let minBlockChars = 25
    /// How many ancestor levels a block's points reach, and the divider per level (1, 2, then 3·level).
    static let ancestorLevels = 5
    /// Candidates whose score is within this share of the best are "alternatives"; when at least
    /// `minAlternatives` of them share an ancestor, that ancestor is the content (split bodies).
    static let alternativeShare = 0.75
    static let minAlternatives = 3
    /// Siblings of the top candidate join when their score reaches this share of the top score
    /// (and at least `siblingMinScore`).
    static let siblingShare = 0.2
    static let siblingMinScore = 10.0
    /// A sibling paragraph without a score joins when longer than this with link density below
    /// `siblingMaxLinkDensity`, or when shorter, link-free and ending a sentence.
    static let siblingParagraphChars = 80
    static let siblingMaxLinkDensity = 0.25
    /// Class/id weight for words that say content (+) or chrome (−); Readability's scale.
    static let classWeightStep = 25.0
    /// Extra points for a container the page itself marks as the body (itemprop=articleBody, <article>).
    static let hintBonus = 25.0

    var useClassWeights = true
    var hints: Set<ObjectIdentifier> = []

    static let positiveWords = ["article", "body", "content", "entry", "hentry", "h-entry", "main", "page",
                                "pagination", "post", "text", "blog", "story"]
    static let negativeWords = ["-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "foot",
                                "footnote", "gdpr", "masthead", "media", "meta", "outbrain", "promo", "related",
                                "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping",
                                "tags", "tool", "widget"]

    func classWeight(_ node: Node) -> Double {
        useClassWeights ? node.classWeight : 0
    }

    /// The class/id weight of `node` (cached as `Node.classWeight`: passes and the cleaner ask it repeatedly).
    static func classWeight(of node: Node) -> Double {
        var weight = 0.0
        for v in [node.lowerClass, node.lowerID] where !v.isEmpty {
            if negativeWords.contains(where: { Text.contains(v, $0) }) { weight -= classWeightStep }
            if positiveWords.contains(where: { Text.contains(v, $0) }) { weight += classWeightStep }
        }
        return weight
    }

    private func baseScore(_ node: Node) -> Double {
        var s: Double
        switch node.tagID {
        case .div, .article, .main, .section: s = 5
        case .pre, .td, .blockquote: s = 3
        case .address, .ol, .ul, .dl, .dd, .dt, .li, .form: s = -3
        case .h1, .h2, .h3, .h4, .h5, .h6, .th: s = -5
        default: s = 0
        }
        s += classWeight(node)
        if hints.contains(ObjectIdentifier(node)) { s += Self.hintBonus }
        return s
    }

    /// Elements scored as paragraphs in their own right.
    static let paragraphTags: Set<String> = ["p", "pre"]
    /// Containers that count as a paragraph when they hold no block of their own.
    static let leafContainerTags: Set<String> = ["div", "section", "article", "main", "center", "td", "blockquote"]
    /// Containers whose loose inline text (between their blocks) counts as paragraphs.
    static let runContainerTags: Set<String> = leafContainerTags.union(["body", "form"])

    /// Returns the content roots (top candidate and joining siblings) in document order, or nil if no
    /// block scored at all.
    func pick(in body: Node) -> [Node]? {
        var candidates: [Node] = []
        func credit(_ start: Node?, _ points: Double) {
            var level = 0
            var node = start
            while let n = node, level < Self.ancestorLevels, n.kind == .element {
                if n.score == nil { n.score = baseScore(n); candidates.append(n) }
                let divider = level == 0 ? 1.0 : (level == 1 ? 2.0 : Double(level) * 3)
                n.score! += points / divider
                if n === body { break }  // points stay inside the searched scope
                node = n.parent
                level += 1
            }
        }
        func points(_ chars: Int, _ commas: Int) -> Double {
            1 + Double(commas + 1) + Double(min(chars / 100, 3))
        }

        for node in body.descendants(skip: { $0.pruned != nil || $0.info.contains(.nonContent) }) {
            guard node.isElement else { continue }
            let info = node.info
            let isLeaf = info.contains(.scoredParagraph) || (info.contains(.leafContainer) && node.stats.blocks == 1)
            if isLeaf {
                if node.parent?.tagID == .p || node.parent?.tagID == .pre { continue }
                guard node.stats.chars >= Self.minBlockChars else { continue }
                credit(node.parent, points(node.stats.chars, node.stats.commas))
            } else if info.contains(.runContainer) {
                // Inline text directly inside a container with blocks: one virtual paragraph per run.
                var chars = 0, commas = 0
                func flush() {
                    if chars >= Self.minBlockChars { credit(node, points(chars, commas)) }
                    chars = 0; commas = 0
                }
                for c in node.children {
                    if c.pruned != nil { continue }
                    if c.isText || (c.isElement && !c.info.contains(.block) && c.stats.blocks == 0) {
                        if c.tagID == .br { continue }
                        chars += c.stats.chars; commas += c.stats.commas
                    } else {
                        flush()
                    }
                }
                flush()
            }
        }
        if candidates.isEmpty { return nil }
        for c in candidates { c.score! *= 1 - c.stats.linkDensity }
        let ranked = candidates.sorted { ($0.score!, -$0.order) > ($1.score!, -$1.order) }
        var top = ranked[0]
        if top === body { return [body] }
        let topScore = top.score!

        // Several near-equal candidates under one ancestor: the body is split; take the ancestor.
        let alternatives = ranked.dropFirst().prefix(4).filter { $0.score! / topScore >= Self.alternativeShare }
        if alternatives.count >= Self.minAlternatives {
            let ancestorSets = alternatives.map { Set($0.ancestors.map(ObjectIdentifier.init)) }
            var p = top.parent
            while let node = p, node !== body, node.kind == .element {
                let shared = ancestorSets.filter { $0.contains(ObjectIdentifier(node)) }.count
                if shared >= Self.minAlternatives { top = node; break }
                p = node.parent
            }
        }
        if top.score == nil { top.score = baseScore(top) }

        // Climb while the parent scores better (its points come from more of the body).
        var lastScore = top.score!
        let threshold = lastScore / 3
        var p = top.parent
        while let node = p, node !== body, node.kind == .element {
            guard let s = node.score else { p = node.parent; continue }
            if s < threshold { break }
            if s > lastScore { top = node; break }
            lastScore = s
            p = node.parent
        }
        // A lone child says nothing its parent does not.
        while let parent = top.parent, parent !== body, parent.kind == .element,
              parent.children.filter({ $0.isElement && $0.pruned == nil }).count == 1 {
            top = parent
        }
        if top.score == nil { top.score = baseScore(top) }

        guard let parent = top.parent else { return [top] }
        let finalTop = top.score!
        let siblingThreshold = max(Self.siblingMinScore, finalTop * Self.siblingShare)
        let topClass = top.attribute("class") ?? ""
        var roots: [Node] = []
        for sibling in parent.children where sibling.isElement && sibling.pruned == nil {
            if sibling === top { roots.append(sibling); continue }
            // An <article> is a self-contained composition: the next one over is another story.
            if sibling.tagID == .article, top.tagID == .article { continue }
            var bonus = 0.0
            if !topClass.isEmpty, sibling.attribute("class") == topClass { bonus = finalTop * Self.siblingShare }
            if let s = sibling.score, s + bonus >= siblingThreshold { roots.append(sibling); continue }
            if sibling.tagID == .p {
                let chars = sibling.stats.chars, ld = sibling.stats.linkDensity
                if chars > Self.siblingParagraphChars, ld < Self.siblingMaxLinkDensity {
                    roots.append(sibling)
                } else if chars > 0, chars <= Self.siblingParagraphChars, ld == 0 {
                    let t = sibling.textContent(skipPruned: true)
                    if t.hasSuffix(".") || Text.contains(t, ". ") { roots.append(sibling) }
                }
            }
        }
        return roots
    }
}
