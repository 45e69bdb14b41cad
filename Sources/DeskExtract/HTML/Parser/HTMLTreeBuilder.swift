/// Builds our `Node` DOM from `HTMLTokenizer`'s tokens with the HTML5 tree-construction rules that shape article
/// pages (see `HTMLTreeBuilder+Body` for the per-tag rules, `+Formatting` for mis-nested formatting elements).
/// Everything is iterative, and the stack of open elements is capped at `maxDepth`, so every scope walk is bounded
/// and work stays linear in the input even for pathological nesting.
final class HTMLTreeBuilder {
    /// Elements nested deeper than this are left out of the tree (their text is kept, attached at the cap), as
    /// `GumboTree` does with the same constant: real pages stay far below it.
    static let maxDepth = GumboTree.maxDepth
    /// Entries kept on the list of active formatting elements after the last marker. The spec bounds only
    /// identical entries (three); distinct ones could grow without end and make every reopening quadratic. Real
    /// pages rarely have more than a handful open at once; 64 leaves a wide margin.
    static let maxActiveFormatting = 64

    enum Namespace: UInt8 { case html, svg, math }
    enum Phase { case initial, inHead, afterHead, inBody }

    struct FormattingEntry {
        /// nil for a marker.
        var node: Node?
        var tag: HTMLTag
        var attributes: [HTMLAttribute]
    }

    let document = Node(kind: .document, tag: "#document")
    // The builder's state is read on every token; like the stack below it is never accessed overlappingly, so
    // `@exclusivity(unchecked)` spares each read and write a dynamic exclusivity check (a runtime call).
    @exclusivity(unchecked) var htmlNode: Node?
    @exclusivity(unchecked) var headNode: Node?
    @exclusivity(unchecked) var bodyNode: Node?
    @exclusivity(unchecked) var formNode: Node?
    @exclusivity(unchecked) var phase = Phase.initial
    /// No doctype seen: quirks mode (a <table> then does not close an open <p>).
    @exclusivity(unchecked) var quirks = true
    /// Drop one leading newline of the next text (after <pre>, <listing>, <textarea>).
    @exclusivity(unchecked) var ignoreLF = false

    // The stack of open elements, as three parallel arrays. The builder is single-threaded and never hands
    // these out inout across calls: `@exclusivity(unchecked)` drops the runtime access checks on hot state.
    @exclusivity(unchecked) var stack: [Node] = []
    @exclusivity(unchecked) var stackTags: [HTMLTag] = []
    @exclusivity(unchecked) var stackNS: [Namespace] = []
    /// Open HTML elements per tag: most scope checks end here without walking the stack.
    @exclusivity(unchecked) var openCount = [Int32](repeating: 0, count: HTMLTag.allCases.count)
    @exclusivity(unchecked) var formatting: [FormattingEntry] = []
    /// Names of elements opened beyond `maxDepth` (not in the tree), with a count per name.
    @exclusivity(unchecked) var overflow: [String] = []
    @exclusivity(unchecked) var overflowCounts: [String: Int] = [:]

    // Text is gathered until something else is inserted, so adjacent character tokens make one text node.
    @exclusivity(unchecked) private var pendingText = ""
    @exclusivity(unchecked) private var pendingWhitespace = false
    @exclusivity(unchecked) private var pendingParent: Node?
    @exclusivity(unchecked) private var pendingBefore: Node?

    @exclusivity(unchecked) var tokenizer: HTMLTokenizer
    /// Nodes are numbered as they are created, which is pre-order while every insertion extends the rightmost
    /// path; foster parenting and the adoption agency break that, and then the tree is renumbered at the end.
    @exclusivity(unchecked) private var nextOrder = 1
    @exclusivity(unchecked) var reordered = false

    func newNode(kind: Node.Kind, tag: String, id: HTMLTag? = nil, attributes: [HTMLAttribute] = [],
                 text: String = "") -> Node {
        let n = Node(kind: kind, tag: tag, tagID: id, attributes: attributes, text: text)
        n.order = nextOrder
        nextOrder += 1
        return n
    }

    init(tokenizer: HTMLTokenizer) {
        self.tokenizer = tokenizer
    }

    func run() -> Node {
        var token = HTMLToken()
        while true {
            tokenizer.next(&token)
            if ignoreLF {
                ignoreLF = false
                if token.kind == .text, token.text.utf8.first == 0x0A {
                    token.text.removeFirst()
                    if token.text.isEmpty { continue }
                }
            }
            switch token.kind {
            case .eof:
                finish()
                return document
            case .doctype:
                if phase == .initial, htmlNode == nil { quirks = false }
            case .text: text(token)
            case .startTag: startTag(token)
            case .endTag: endTag(token)
            }
            if let ns = stackNS.last { tokenizer.allowCDATA = ns != .html } else { tokenizer.allowCDATA = false }
        }
    }

    private func finish() {
        flushText()
        ensureBody()
        if reordered { document.numberPreOrder(from: 0) }
        for n in stack { n.isOpen = false }
    }

    // MARK: stack

    var current: Node { stack.last ?? document }
    var currentTag: HTMLTag { stackTags.last ?? .unknown }
    var currentIsHTML: Bool { stackNS.last.map { $0 == .html } ?? true }

    func push(_ node: Node, _ tag: HTMLTag, _ ns: Namespace) {
        stack.append(node); stackTags.append(tag); stackNS.append(ns)
        node.isOpen = true
        if ns == .html { openCount[Int(tag.rawValue)] += 1 }
    }

    func pop() {
        guard let node = stack.popLast() else { return }
        let tag = stackTags.removeLast(), ns = stackNS.removeLast()
        node.isOpen = false
        if ns == .html {
            openCount[Int(tag.rawValue)] -= 1
            if tag.is(.marker) { clearFormattingToMarker() }
        }
        if !overflow.isEmpty { overflow.removeAll(); overflowCounts.removeAll() }
    }

    /// Removes the entry at `index` (not the current node) from the stack.
    func removeFromStack(at index: Int) {
        let node = stack.remove(at: index)
        let tag = stackTags.remove(at: index), ns = stackNS.remove(at: index)
        node.isOpen = false
        if ns == .html { openCount[Int(tag.rawValue)] -= 1 }
    }

    /// Pops up to and including the nearest open HTML `tag`.
    func popUntil(_ tag: HTMLTag) {
        guard openCount[Int(tag.rawValue)] > 0 else { return }
        while let t = stackTags.last {
            let hit = t == tag && stackNS.last == .html
            pop()
            if hit { return }
        }
    }

    func isOpen(_ tag: HTMLTag) -> Bool { openCount[Int(tag.rawValue)] > 0 }

    enum Scope { case normal, button, listItem, table, select }

    /// Whether an HTML `tag` is open inside the given scope.
    func inScope(_ tag: HTMLTag, _ scope: Scope = .normal) -> Bool {
        guard openCount[Int(tag.rawValue)] > 0 else { return false }
        var i = stack.count - 1
        while i >= 0 {
            let t = stackTags[i]
            if stackNS[i] == .html {
                if t == tag { return true }
                switch scope {
                case .normal: if t.is(.scope) { return false }
                case .button: if t.is(.scope) || t == .button { return false }
                case .listItem: if t.is(.scope) || t == .ol || t == .ul { return false }
                case .table: if t == .html || t == .table || t == .template { return false }
                case .select: if t != .optgroup && t != .option { return false }
                }
            } else if scope != .table && scope != .select && isIntegrationPoint(i) {
                return false
            }
            i -= 1
        }
        return false
    }

    func isIntegrationPoint(_ i: Int) -> Bool {
        switch stackNS[i] {
        case .svg: let t = stackTags[i]; return t == .foreignObject || t == .desc || t == .title
        case .math: let t = stackTags[i]; return t == .mi || t == .mo || t == .mn || t == .ms || t == .mtext || t == .annotationXML
        case .html: return false
        }
    }

    func isSpecial(_ i: Int) -> Bool {
        stackNS[i] == .html ? stackTags[i].is(.special) : isIntegrationPoint(i)
    }

    func generateImpliedEndTags(except: HTMLTag? = nil) {
        while let t = stackTags.last, stackNS.last == .html, t.is(.impliedEnd), t != except { pop() }
    }

    // MARK: insertion

    /// Where a node goes: the current node, or, when that is table structure, before the table (foster parenting).
    func insertionPlace(foster: Bool, override: Node? = nil) -> (parent: Node, before: Node?) {
        let target = override ?? current
        let targetIsTable: Bool
        if let override { targetIsTable = override.isElement && ["table", "tbody", "tfoot", "thead", "tr"].contains(override.tag) }
        else { targetIsTable = currentIsHTML && currentTag.is(.tableContext) }
        guard foster, targetIsTable, isOpen(.table) else { return (target, nil) }
        reordered = true
        var i = stack.count - 1
        while i >= 0 {
            if stackTags[i] == .table, stackNS[i] == .html {
                let table = stack[i]
                if let parent = table.parent { return (parent, table) }
                return (i > 0 ? stack[i - 1] : document, nil)
            }
            i -= 1
        }
        return (target, nil)
    }

    /// Creates an element at the insertion place; pushes it unless `push` is false. Returns nil when the depth cap
    /// keeps it out of the tree.
    @discardableResult
    func insertElement(_ tag: HTMLTag, name: String, attributes: [HTMLAttribute],
                       ns: Namespace = .html, push doPush: Bool = true, foster: Bool = true,
                       parent override: Node? = nil) -> Node? {
        if doPush, stack.count + 1 >= Self.maxDepth || !overflow.isEmpty {
            overflow.append(name)
            overflowCounts[name, default: 0] += 1
            return nil
        }
        let node: Node
        if let override {
            flushText()
            node = newNode(kind: .element, tag: name, id: tag, attributes: attributes)
            override.append(node)
        } else {
            let (parent, before) = insertionPlace(foster: foster)
            // Whitespace right before a block element separates nothing the block does not separate already
            // (walks put a break before every block): it is left out, which saves a node per indented line.
            if pendingWhitespace, ns == .html, Self.isExtractorBlock[Int(tag.rawValue)],
               pendingParent === parent, pendingBefore === before {
                discardText()
            } else {
                flushText()
            }
            node = newNode(kind: .element, tag: name, id: tag, attributes: attributes)
            parent.insert(node, before: before)
        }
        if doPush { push(node, tag, ns) }
        return node
    }

    func appendText(_ s: String, whitespace: Bool, foster: Bool) {
        let (parent, before) = insertionPlace(foster: foster)
        if pendingParent === parent, pendingBefore === before {
            pendingText += s
            pendingWhitespace = pendingWhitespace && whitespace
            return
        }
        flushText()
        pendingText = s
        pendingWhitespace = whitespace
        pendingParent = parent
        pendingBefore = before
    }

    func flushText() {
        guard let parent = pendingParent else { return }
        // Likewise whitespace opening a block element: the break before the block already separates it.
        if pendingWhitespace, pendingBefore == nil, parent.children.isEmpty, parent.info.contains(.block) {
            discardText()
            return
        }
        if !pendingText.isEmpty {
            parent.insert(newNode(kind: .text, tag: "#text", text: pendingText), before: pendingBefore)
        }
        discardText()
    }

    private func discardText() {
        pendingText = ""
        pendingWhitespace = false
        pendingParent = nil
        pendingBefore = nil
    }

    /// The extractor's block elements (`HTMLTags.block`) by tag number.
    static let isExtractorBlock: [Bool] = HTMLTag.allCases.map { $0 != .unknown && HTMLTags.block.contains($0.name) }

    // MARK: document structure

    func ensureHTML(_ attributes: [HTMLAttribute] = []) {
        if let html = htmlNode {
            if !attributes.isEmpty { addMissingAttributes(attributes, to: html) }
            return
        }
        let html = newNode(kind: .element, tag: "html", id: .html, attributes: attributes)
        document.append(html)
        htmlNode = html
        push(html, .html, .html)
    }

    func ensureHead() {
        ensureHTML()
        guard headNode == nil else { return }
        flushText()
        let head = newNode(kind: .element, tag: "head", id: .head)
        htmlNode!.append(head)
        headNode = head
        push(head, .head, .html)
        phase = .inHead
    }

    /// Pops <head> (and anything left open in it).
    func closeHead() {
        ensureHead()
        if phase == .inHead {
            if let i = stack.lastIndex(where: { $0 === headNode }) {
                while stack.count > i { pop() }
            }
            phase = .afterHead
        }
    }

    func ensureBody(_ attributes: [HTMLAttribute] = []) {
        if let body = bodyNode {
            if !attributes.isEmpty { addMissingAttributes(attributes, to: body) }
            return
        }
        closeHead()
        flushText()
        let body = newNode(kind: .element, tag: "body", id: .body, attributes: attributes)
        htmlNode!.append(body)
        bodyNode = body
        // Elements left open in <html> after </head> (rare) close: the body is html's child.
        while stack.count > 1 { pop() }
        push(body, .body, .html)
        phase = .inBody
    }

    /// A second <html> or <body> tag adds the attributes the first one lacked.
    func addMissingAttributes(_ attributes: [HTMLAttribute], to node: Node) {
        node.addMissingAttributes(attributes)
    }

    // MARK: text

    static let whitespaceFreeParents: Set<HTMLTag> = [.table, .tbody, .thead, .tfoot, .tr, .ul, .ol, .dl, .select,
                                                       .colgroup, .html, .head]
    /// `whitespaceFreeParents` by tag number (asked for every whitespace token: an array read, not a hash).
    static let isWhitespaceFreeParent: [Bool] = HTMLTag.allCases.map(whitespaceFreeParents.contains)

    private func text(_ t: HTMLToken) {
        if phase != .inBody {
            // Text directly in <html> or <head>: whitespace is dropped, anything else opens the body.
            let inRawChild = stack.count > 0 && currentTag != .html && currentTag != .head
            if !inRawChild {
                if t.isWhitespace { return }
                ensureBody()
            }
        }
        // Whitespace straight inside table structure, lists and <select> only separates their (block) children:
        // it is left out of the tree, which saves a node per line of indentation. (Gumbo keeps it; no text or
        // block of the extractor changes, see HTMLParserDifferentialTests.)
        if t.isWhitespace, currentIsHTML, overflow.isEmpty, Self.isWhitespaceFreeParent[Int(currentTag.rawValue)] { return }
        if overflow.isEmpty, currentIsHTML { reconstructFormatting() }
        appendText(t.text, whitespace: t.isWhitespace, foster: true)
    }
}
