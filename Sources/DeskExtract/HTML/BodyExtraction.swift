import DeskModel

/// Runs the body passes over a page: prune chrome (`BoilerplateClassifier`), pick the content
/// (`ContentScorer`), clean inside it (`ContentCleaner`), cut it into paragraphs (`BlockCollector`).
/// When a strict pass finds too little text, looser passes follow, as Readability does.
struct BodyExtraction {
    /// A pass that yields fewer characters than this is retried with fewer rules.
    /// (Readability's 500: shorter than a short news item, longer than any chrome that survives pruning.)
    static let minBodyChars = 500
    /// A block this short saying "All rights reserved" or opening with © is a copyright line.
    static let maxLegalChars = 200
    static func isLegalLine(_ text: String) -> Bool {
        // Only the opening is lower-cased for the prefix tests (lower-casing works scalar by scalar, and no
        // opener is longer than `legalOpeningChars`); the phrase is searched with ASCII capitals lowered, which
        // answers as searching the lower-cased text for a phrase without "k" (see `Text.containsLowered`).
        let lower = Text.lowercased(String(text.prefix(Self.legalOpeningChars)))
        return Text.containsLowered(text, "all rights reserved") || lower.hasPrefix("©") || lower.hasPrefix("copyright ©")
            || lower.hasPrefix("(c) ")
    }
    /// Characters of a block's opening lower-cased for `isLegalLine` (its openers have at most 11).
    static let legalOpeningChars = 16
    /// What a looser pass must add to be preferred: this many characters and this ratio.
    static let minRetryGainChars = 100
    static let minRetryGainRatio = 1.25
    /// Blocks outside the content shorter than this are not worth a removal record (stray labels, icons)…
    static let minRecordedChars = 20
    /// …while an element dropped as chrome is recorded from this length (a short menu is still a menu).
    static let minRecordedPrunedChars = 3
    /// At most this many removal records per page.
    static let maxRemovals = 300
    /// Only blocks at least this long count as printed twice (table cells and list numbers repeat by nature).
    static let minDuplicateChars = 40
    /// Blocks up to this long whose link share exceeds `maxBlockLinkDensity` are link teasers. Prose with a
    /// linked phrase stays well below the share; a "More: headline" line or a list of links stays above it.
    static let maxTeaserChars = 300
    static let maxBlockLinkDensity = 0.6
    /// …and whose own (unlinked) text is a label at most this long ("READ MORE:", "[VIDEO]"); a linked
    /// headline followed by a sentence of its own is a summary item and stays.
    static let maxTeaserOwnChars = 40
    /// …and whose linked text reads as a headline or a call to action: at least this many words. Shorter
    /// links ("[CNET]", "HD", an @handle, a bare address) are sources and references inside the text.
    static let minTeaserLinkWords = 4

    /// Chrome whose captions describe other pages' pictures.
    static let foreignChrome: Set<RemovalReason> = [.navigation, .related, .comments, .advertising, .share,
                                                    .newsletter, .paywall, .registration, .donation, .boilerplate]

    struct Pass {
        var pruneByClass = true
        var classWeights = true
        var cleanConditionally = true
    }
    static let passes = [Pass(), Pass(pruneByClass: false), Pass(pruneByClass: false, classWeights: false),
                         Pass(pruneByClass: false, classWeights: false, cleanConditionally: false)]

    let root: Node
    let metadata: PageMetadata

    struct Result {
        var paragraphs: [String] = []
        /// Parallel to `paragraphs`.
        var kinds: [BlockKind] = []
        var removed: [Removal] = []
        var captions: [Caption] = []
        var chars: Int { paragraphs.reduce(0) { $0 + $1.count } }
        /// Whether the paragraphs hold at least `n` characters, counting no further than that (a whole body's
        /// Characters cost a grapheme walk; nearly every page passes the first test early).
        func hasChars(atLeast n: Int) -> Bool {
            var remaining = n
            for p in paragraphs {
                remaining -= Text.characters(in: p, upTo: remaining)
                if remaining <= 0 { return true }
            }
            return remaining <= 0
        }
    }

    func run() -> Result {
        let all = root.descendants()
        var best: Result?
        for pass in Self.passes {
            let r = run(pass, nodes: all)
            if r.hasChars(atLeast: Self.minBodyChars) { return r }
            // A looser pass replaces a stricter one only when it finds clearly more text, not just the chrome
            // the stricter one dropped.
            if best == nil || (r.chars >= best!.chars + Self.minRetryGainChars
                               && Double(r.chars) >= Double(best!.chars) * Self.minRetryGainRatio) { best = r }
        }
        var result = best ?? Result()
        // The page's own JSON-LD body is the fallback when markup yields less.
        if let ld = metadata.articleBody, !result.hasChars(atLeast: Self.minBodyChars), ld.count > result.chars {
            result.paragraphs = ld.split(whereSeparator: \.isNewline).map { Text.collapse(String($0)) }.filter { !$0.isEmpty }
            result.kinds = Array(repeating: .paragraph, count: result.paragraphs.count)
        }
        return result
    }

    static let headingTags: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]
    static let quoteTags: Set<String> = ["blockquote"]

    /// The kind of block a node makes: subheads, list items (ordered or not), quotes, preformatted text.
    static func kind(of owner: Node) -> BlockKind {
        if owner.info.contains(.heading) { return .subhead }
        if owner.tagID == .pre { return .preformatted }
        if owner.tagID == .li { return owner.parent?.tagID == .ol ? .orderedItem : .listItem }
        if owner.tagID == .blockquote || owner.hasAncestor(quoteTags) { return .quote }
        return .paragraph
    }

    private func run(_ pass: Pass, nodes: [Node]) -> Result {
        for n in nodes { n.pruned = nil; n.score = nil }
        TextStats.compute(nodes: nodes)
        var removed: [(Node, RemovalReason)] = []

        // 1. Chrome, top-down: a pruned element takes its subtree with it.
        let classifier = BoilerplateClassifier()
        var stack: [Node] = [root]
        while let n = stack.popLast() {
            if n !== root, n.isElement {
                if n.info.contains(.nonContent) { continue }
                if let reason = classifier.reason(for: n, useClasses: pass.pruneByClass) {
                    n.pruned = reason
                    removed.append((n, reason))
                    continue
                }
            }
            n.pushChildrenReversed(onto: &stack)
        }
        TextStats.update(afterPruning: removed.map(\.0), under: root)
        // Captions of the article: not those inside chrome that belongs to other pages (teasers, ads).
        // (Unpruned nodes, nearly all, are answered without hashing a reason.)
        let captions = CaptionExtractor.captions(in: root) { n in n.pruned.map(Self.foreignChrome.contains) ?? false }

        // 2. The content container(s).
        var scorer = ContentScorer()
        scorer.useClassWeights = pass.classWeights
        let (hintSet, headlined) = hints()
        scorer.hints = hintSet
        // The <article> that carries the headline bounds the search when it holds a body's worth of text:
        // pages that list several stories (or append full "next" stories) keep their own in it.
        let scope = headlined.flatMap { $0.stats.chars >= Self.minBodyChars ? $0 : nil } ?? root
        let roots = scorer.pick(in: scope) ?? [scope]

        // 3. Chrome inside the content.
        if pass.cleanConditionally {
            removed += ContentCleaner(scorer: scorer).clean(roots, title: metadata.title)
        }

        // 4. Paragraphs.
        var result = Result()
        result.captions = captions
        let collector = BlockCollector()
        var previousKey = ""
        let titleKey = metadata.title.map(Text.key) ?? ""
        let standfirstKey = metadata.standfirst.map(Text.key) ?? ""
        for block in collector.blocks(roots) {
            let key = Text.key(block.text)
            if !titleKey.isEmpty, key == titleKey {
                result.removed.append(Removal(text: Text.truncate(block.text), reason: .metadata)); continue
            }
            // A short block that is mostly a link is a teaser ("READ MORE: Other story"), not prose.
            if block.chars <= Self.maxTeaserChars, block.linkDensity > Self.maxBlockLinkDensity,
               block.chars - block.linkChars <= Self.maxTeaserOwnChars, block.linkWords >= Self.minTeaserLinkWords {
                result.removed.append(Removal(text: Text.truncate(block.text), reason: .related)); continue
            }
            // A copyright line closing the text.
            if block.chars <= Self.maxLegalChars, Self.isLegalLine(block.text) {
                result.removed.append(Removal(text: Text.truncate(block.text), reason: .legal)); continue
            }
            // A block printed twice in a row (mobile and desktop copies); repeats further apart are content.
            if key == previousKey, Text.characters(in: key, upTo: Self.minDuplicateChars) >= Self.minDuplicateChars {
                result.removed.append(Removal(text: Text.truncate(block.text), reason: .duplicate)); continue
            }
            previousKey = key
            result.paragraphs.append(block.text)
            result.kinds.append(Self.kind(of: block.owner))
        }

        // Date lines at either edge of the body belong to `published`, not to the text.
        while let first = result.paragraphs.first, DatelineDetector.isDateline(first) {
            result.removed.append(Removal(text: first, reason: .metadata)); result.paragraphs.removeFirst(); result.kinds.removeFirst()
        }
        while let last = result.paragraphs.last, DatelineDetector.isDateline(last) {
            result.removed.append(Removal(text: last, reason: .metadata)); result.paragraphs.removeLast(); result.kinds.removeLast()
        }

        // 5. What was dropped: pruned blocks, then everything outside the content.
        var records: [Removal] = []
        for (node, reason) in removed {
            let saved = node.pruned
            node.pruned = nil
            let text = node.textContent()
            node.pruned = saved
            if Text.characters(in: text, upTo: Self.minRecordedPrunedChars) >= Self.minRecordedPrunedChars {
                records.append(Removal(text: Text.truncate(text), reason: reason))
            }
        }
        let firstOrder = roots.map(\.order).min() ?? 0
        for r in roots { r.pruned = .duplicate }  // hide the content while listing the rest
        for block in collector.blocks([root])
        where Text.characters(in: block.text, upTo: Self.minRecordedChars) >= Self.minRecordedChars {
            let key = Text.key(block.text)
            let isMetadata = (!titleKey.isEmpty && key == titleKey) || (!standfirstKey.isEmpty && key == standfirstKey)
            let reason: RemovalReason = isMetadata ? .metadata : (block.owner.order < firstOrder ? .leading : .trailing)
            records.append(Removal(text: Text.truncate(block.text), reason: reason))
        }
        for r in roots { r.pruned = nil }
        result.removed = Array((records + result.removed).prefix(Self.maxRemovals))
        return result
    }

    /// Containers the page marks as its body: itemprop=articleBody, and the <article> that carries the
    /// page's headline (else the <article> with the most text).
    private func hints() -> (Set<ObjectIdentifier>, headlined: Node?) {
        var out: Set<ObjectIdentifier> = []
        var biggest: Node?
        var headlined: Node?
        let titleKey = metadata.title.map(Text.key) ?? ""
        var stack: [(Node, Node?)] = [(root, nil)]  // (node, nearest <article> above it)
        while let (n, article) = stack.popLast() {
            guard n.isElement || n.kind == .document, n.pruned == nil else { continue }
            if let p = n.attribute("itemprop").map(Text.lowercased), p == "articlebody" { out.insert(ObjectIdentifier(n)) }
            if n.tagID == .article, n.stats.chars > (biggest?.stats.chars ?? 0) { biggest = n }
            if headlined == nil, let article, n.info.contains(.heading), !titleKey.isEmpty,
               Text.key(n.textContent()) == titleKey { headlined = article }
            let inner = n.tagID == .article ? n : article
            for c in n.children.reversed() { stack.append((c, inner)) }
        }
        if let a = headlined ?? biggest { out.insert(ObjectIdentifier(a)) }
        return (out, headlined)
    }
}
