import DeskModel

/// A small DOM of our own, built by `HTMLParser` (or, for differential tests, copied from gumbo's tree by
/// `GumboTree`). Every walk over it is iterative: pages can nest thousands of levels deep.
final class Node {
    enum Kind { case document, element, text }

    let kind: Kind
    /// The tag as a number (`.unknown` for text, the document and tags the parser does not know): comparing it
    /// costs one byte compare where comparing `tag` strings may call into the runtime.
    let tagID: HTMLTag
    // Small fields first, so that they share one word (stored properties are laid out in declaration order).
    /// Tree-builder scratch: the element is on the stack of open elements.
    @exclusivity(unchecked) var isOpen = false
    /// Why this subtree is left out of the body, if it is (per-extraction scratch, reset by `BodyExtraction`).
    @exclusivity(unchecked) var pruned: RemovalReason?
    /// The tag's families (`HTMLTags`), looked up once per node instead of once per walk.
    lazy var info: TagInfo = kind == .element ? TagInfo.of(tagID, tag) : []
    /// Lower-cased tag name for elements, "#text" for text, "#document" for the root.
    let tag: String
    /// Attributes in source order with lower-cased names.
    private(set) var attributes: [HTMLAttribute]
    /// Text of a text node; empty for elements.
    let text: String
    @exclusivity(unchecked) private(set) var children: [Node] = []
    /// The tree owns its nodes top-down; `unowned(unsafe)` spares every node the side table a weak reference
    /// costs and the unowned reference count `unowned(safe)` keeps (one atomic update per link and per free).
    /// Safe because a node is never used after its tree's root is released: every walk starts from the root.
    private(set) unowned(unsafe) var parent: Node?
    /// Position in document order, set by the parser (pre-order).
    @exclusivity(unchecked) var order: Int = 0

    // Per-extraction scratch state, reset by `BodyExtraction` before each pass (with `pruned` above).
    /// Score of the node as a candidate container (nil: not a candidate).
    @exclusivity(unchecked) var score: Double?
    /// Cached aggregate text statistics of the unpruned subtree.
    @exclusivity(unchecked) var stats = TextStats()

    /// `tagID` is looked up from `tag` when not given (the parser gives it; it must be the tag of that name).
    init(kind: Kind, tag: String, tagID: HTMLTag? = nil, attributes: [HTMLAttribute] = [],
         text: String = "") {
        self.kind = kind
        self.tagID = kind == .element ? tagID ?? HTMLTag.byName[tag] ?? .unknown : .unknown
        self.tag = tag
        self.attributes = attributes
        self.text = text
    }

    func append(_ child: Node) {
        child.parent = self
        children.append(child)
    }

    /// Inserts `child` before `reference` (one of the children), or appends it when `reference` is nil.
    func insert(_ child: Node, before reference: Node?) {
        child.parent = self
        if let reference, let i = children.lastIndex(where: { $0 === reference }) {
            children.insert(child, at: i)
        } else {
            children.append(child)
        }
    }

    /// Adds the attributes whose names the element lacks (a repeated <html> or <body> tag).
    func addMissingAttributes(_ extra: [HTMLAttribute]) {
        for a in extra where !attributes.contains(where: { $0.name == a.name }) { attributes.append(a) }
    }

    func removeFromParent() {
        guard let p = parent else { return }
        if let i = p.children.lastIndex(where: { $0 === self }) { p.children.remove(at: i) }
        parent = nil
    }

    /// Moves all children to the end of `other`'s children.
    func moveChildren(to other: Node) {
        for c in children { c.parent = other }
        other.children.append(contentsOf: children)
        children.removeAll()
    }

    /// Numbers the subtree in pre-order from `start` (self first); returns the next free number.
    @discardableResult
    func numberPreOrder(from start: Int) -> Int {
        var counter = start
        var stack: [Node] = [self]
        while let n = stack.popLast() {
            n.order = counter
            counter += 1
            n.pushChildrenReversed(onto: &stack)
        }
        return counter
    }

    var isElement: Bool { kind == .element }
    var isText: Bool { kind == .text }

    func attribute(_ name: String) -> String? {
        // Lengths first: they differ for most names, and comparing them is a load where `==` on two different
        // strings calls into the runtime.
        let count = name.utf8.count
        for a in attributes where a.name.utf8.count == count && a.name == name { return a.value }
        return nil
    }

    /// Class and id together, lower-cased: what the boilerplate and scoring patterns look at.
    lazy var classAndID: String = Text.lowercasedPair(attribute("class") ?? "", attribute("id") ?? "")
    lazy var lowerClass: String = Text.lowercased(attribute("class") ?? "")
    lazy var lowerID: String = Text.lowercased(attribute("id") ?? "")
    /// `ContentScorer.classWeight(of:)`, computed once per node.
    lazy var classWeight: Double = ContentScorer.classWeight(of: self)
    /// `Text.measure` of a text node's text (it never changes; the passes ask for it repeatedly).
    lazy var measured: (chars: Int, commas: Int) = Text.measure(text)

    /// Ancestors from the parent upwards.
    var ancestors: [Node] {
        var out: [Node] = []
        var p = parent
        while let n = p { out.append(n); p = n.parent }
        return out
    }

    /// Whether an ancestor has one of `tags` (walks up to the root: use on few nodes only).
    func hasAncestor(_ tags: Set<String>) -> Bool {
        var p = parent
        while let n = p {
            if tags.contains(n.tag) { return true }
            p = n.parent
        }
        return false
    }

    /// All nodes of the subtree in document order (pre-order), self first; `skip` prunes the walk.
    func descendants(includeSelf: Bool = true, skip: (Node) -> Bool = { _ in false }) -> [Node] {
        var out: [Node] = []
        var stack: [Node] = [self]
        while let n = stack.popLast() {
            if n !== self || includeSelf {
                if skip(n) { continue }
                out.append(n)
            }
            n.pushChildrenReversed(onto: &stack)
        }
        return out
    }

    /// Children last-first, so that popping yields them in document order.
    @inline(__always) func pushChildrenReversed(onto stack: inout [Node]) {
        var i = children.count - 1
        while i >= 0 { stack.append(children[i]); i -= 1 }
    }

    /// On the document node: its elements by tag, in document order, built by the first `elements` call (the
    /// metadata readers ask the whole page for <meta>, <link>, <time>, <script> in turn). The tree is not
    /// restructured after parsing, only marked, so the index stays valid.
    private var elementIndex: [[Node]]?
    /// On the document node: all its elements in document order, listed by the same walk as `elementIndex`.
    private var elementList: [Node]?

    /// On the document node: all elements in document order (one walk for every reader that scans them all).
    func allElements() -> [Node] {
        precondition(kind == .document)
        buildElementIndex()
        return elementList!
    }

    private func buildElementIndex() {
        guard elementIndex == nil else { return }
        // Known tags by number; elements of other tags are found by a scan of `list`.
        var index = [[Node]](repeating: [], count: HTMLTag.allCases.count)
        var list: [Node] = []
        var stack: [Node] = []
        pushChildrenReversed(onto: &stack)
        while let n = stack.popLast() {
            guard n.kind == .element else { continue }
            list.append(n)
            if n.tagID != .unknown { index[Int(n.tagID.rawValue)].append(n) }
            n.pushChildrenReversed(onto: &stack)
        }
        elementIndex = index
        elementList = list
    }

    /// On the document node, after `buildElementIndex`: its elements named `tag`, in document order.
    private func indexed(_ tag: String) -> [Node] {
        if let id = HTMLTag.byName[tag] { return elementIndex![Int(id.rawValue)] }
        return elementList!.filter { $0.tag == tag }
    }

    /// Elements of the subtree with one of `tags`, in document order.
    func elements(_ tags: Set<String>) -> [Node] {
        if kind == .document {
            buildElementIndex()
            if tags.count == 1, let tag = tags.first { return indexed(tag) }
            return tags.flatMap { indexed($0) }.sorted { $0.order < $1.order }
        }
        var out: [Node] = []
        var stack: [Node] = []
        pushChildrenReversed(onto: &stack)
        while let n = stack.popLast() {
            guard n.kind == .element else { continue }
            if tags.contains(n.tag) { out.append(n) }
            n.pushChildrenReversed(onto: &stack)
        }
        return out
    }

    func firstElement(_ tag: String) -> Node? {
        var stack: [Node] = [self]
        while let n = stack.popLast() {
            if n !== self, n.isElement, n.tag == tag { return n }
            n.pushChildrenReversed(onto: &stack)
        }
        return nil
    }

    /// Text of the subtree, whitespace collapsed; `skipPruned` leaves out pruned subtrees.
    func textContent(skipPruned: Bool = false) -> String {
        var parts: [String] = []
        var stack: [Node] = [self]
        while let n = stack.popLast() {
            if skipPruned, n.pruned != nil { continue }
            if n.isText { parts.append(n.text); continue }
            let info = n.info
            if info.contains(.nonContent) { continue }
            if info.contains(.breaking) { parts.append(" ") }
            n.pushChildrenReversed(onto: &stack)
        }
        return Text.collapse(parts.joined())
    }
}

/// Aggregates over an unpruned subtree, computed bottom-up by `TextStats.compute`.
struct TextStats {
    var chars = 0
    var linkChars = 0
    var commas = 0
    var paragraphs = 0
    var images = 0
    var listItems = 0
    var inputs = 0
    var embeds = 0
    var headingChars = 0
    /// Block-level elements in the subtree, the node itself included.
    var blocks = 0
    /// Characters inside <blockquote>s.
    var quotedChars = 0

    /// Share of the text that sits inside links.
    var linkDensity: Double { chars == 0 ? 0 : Double(linkChars) / Double(chars) }

    static func add(_ a: inout TextStats, _ b: TextStats) {
        a.chars += b.chars; a.linkChars += b.linkChars; a.commas += b.commas
        a.paragraphs += b.paragraphs; a.images += b.images; a.listItems += b.listItems
        a.inputs += b.inputs; a.embeds += b.embeds; a.headingChars += b.headingChars; a.blocks += b.blocks
        a.quotedChars += b.quotedChars
    }

    /// Fills `stats` of every node under `root`, skipping pruned subtrees (they count as empty).
    static func compute(_ root: Node) {
        compute(nodes: root.descendants())
    }

    /// The same over `nodes`, the subtree's nodes in pre-order (as `descendants()` lists them).
    static func compute(nodes: [Node]) {
        var i = nodes.count - 1
        while i >= 0 {
            let n = nodes[i]
            i -= 1
            n.stats = of(n)
        }
    }

    /// The stats of `n` from its children's (already computed) stats.
    @inline(__always) static func of(_ n: Node) -> TextStats {
        var s = TextStats()
        if n.pruned != nil { return s }
        if n.isText {
            // Text straight inside a script, style or other non-content element counts for nothing: its parent
            // ignores its children's stats and no pass reads its own, so it is not measured (scripts are most
            // of a page's bytes).
            if let p = n.parent, p.info.contains(.nonContent) { return s }
            let (chars, commas) = n.measured
            s.chars = chars
            s.commas = commas
            return s
        }
        let info = n.info
        if info.contains(.nonContent) { return s }
        for c in n.children { add(&s, c.stats) }
        if info.contains(.block) { s.blocks += 1 }
        if !info.isDisjoint(with: TagInfo.counted) {
            if info.contains(.link) { s.linkChars = s.chars }
            if info.contains(.paragraph) { s.paragraphs += 1 }
            if info.contains(.image) { s.images += 1 }
            if info.contains(.listItem) { s.listItems += 1 }
            if info.contains(.input) { s.inputs += 1 }
            if info.contains(.embed) { s.embeds += 1 }
            if info.contains(.heading) { s.headingChars = s.chars }
            if info.contains(.quote) { s.quotedChars = s.chars }
        }
        return s
    }

    /// After `pruned` (nodes under `root`, none inside another) were marked on a tree whose stats were computed
    /// without them: the same stats `compute` would give now, recomputing only the pruned nodes and their
    /// ancestors up to `root` (nothing else changes), deepest first.
    static func update(afterPruning pruned: [Node], under root: Node) {
        guard !pruned.isEmpty else { return }
        var dirty: [Node] = []
        var seen: Set<ObjectIdentifier> = []
        for p in pruned {
            p.stats = TextStats()
            guard p !== root else { continue }
            var a = p.parent
            while let n = a, seen.insert(ObjectIdentifier(n)).inserted {
                dirty.append(n)
                if n === root { break }
                a = n.parent
            }
        }
        dirty.sort { $0.order > $1.order }
        for n in dirty { n.stats = of(n) }
    }
}

/// Tag families.
enum HTMLTags {
    /// Never text of the page.
    static let nonContent: Set<String> = ["script", "style", "noscript", "template", "svg", "math", "canvas",
                                          "iframe", "object", "embed", "head", "title", "meta", "link", "select",
                                          "textarea", "option", "button", "input"]
    /// Elements that start a new block of text.
    static let block: Set<String> = ["p", "div", "section", "article", "main", "header", "footer", "aside", "nav",
                                     "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
                                     "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "td", "th",
                                     "figure", "figcaption", "form", "fieldset", "address", "hr", "center",
                                     "details", "summary", "body", "html", "caption", "legend", "menu", "hgroup"]
    /// Elements that separate words even when inline.
    static let breaking: Set<String> = block.union(["br", "img", "td", "th"])
    static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]
}

/// Tag families and the tags `TextStats` counts, as bits.
struct TagInfo: OptionSet {
    let rawValue: UInt16
    static let nonContent = TagInfo(rawValue: 1 << 0)
    static let block = TagInfo(rawValue: 1 << 1)
    static let breaking = TagInfo(rawValue: 1 << 2)
    static let link = TagInfo(rawValue: 1 << 3)
    static let paragraph = TagInfo(rawValue: 1 << 4)
    static let image = TagInfo(rawValue: 1 << 5)
    static let listItem = TagInfo(rawValue: 1 << 6)
    static let input = TagInfo(rawValue: 1 << 7)
    static let embed = TagInfo(rawValue: 1 << 8)
    static let heading = TagInfo(rawValue: 1 << 9)
    static let quote = TagInfo(rawValue: 1 << 10)
    static let counted: TagInfo = [.link, .paragraph, .image, .listItem, .input, .embed, .heading, .quote]
    // The tag sets the body passes test on every element, as bits (a set lookup hashes the tag each time).
    /// `ContentScorer.paragraphTags`.
    static let scoredParagraph = TagInfo(rawValue: 1 << 11)
    /// `ContentScorer.leafContainerTags`.
    static let leafContainer = TagInfo(rawValue: 1 << 12)
    /// `ContentScorer.runContainerTags`.
    static let runContainer = TagInfo(rawValue: 1 << 13)
    /// `ContentCleaner.conditionalTags`.
    static let conditional = TagInfo(rawValue: 1 << 14)

    private static let table: [String: TagInfo] = {
        var t: [String: TagInfo] = [:]
        for tag in HTMLTags.nonContent { t[tag, default: []].insert(.nonContent) }
        for tag in HTMLTags.block { t[tag, default: []].insert(.block) }
        for tag in HTMLTags.breaking { t[tag, default: []].insert(.breaking) }
        let counted: [(TagInfo, [String])] = [
            (.link, ["a"]), (.paragraph, ["p"]), (.image, ["img", "picture"]), (.listItem, ["li"]),
            (.input, ["input", "select", "textarea", "button"]), (.embed, ["iframe", "embed", "object", "video"]),
            (.heading, ["h1", "h2", "h3", "h4", "h5", "h6"]), (.quote, ["blockquote"]),
        ]
        for (bit, tags) in counted { for tag in tags { t[tag, default: []].insert(bit) } }
        let passes: [(TagInfo, Set<String>)] = [
            (.scoredParagraph, ContentScorer.paragraphTags), (.leafContainer, ContentScorer.leafContainerTags),
            (.runContainer, ContentScorer.runContainerTags), (.conditional, ContentCleaner.conditionalTags),
        ]
        for (bit, tags) in passes { for tag in tags { t[tag, default: []].insert(bit) } }
        return t
    }()

    /// By tag number, for the tags the parser knows.
    private static let byID: [TagInfo] = HTMLTag.allCases.map { $0 == .unknown ? [] : table[$0.name] ?? [] }

    static func of(_ id: HTMLTag, _ tag: String) -> TagInfo {
        id != .unknown ? byID[Int(id.rawValue)] : table[tag] ?? []
    }
}
