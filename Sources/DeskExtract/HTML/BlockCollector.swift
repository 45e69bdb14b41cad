/// Turns a subtree into text blocks: one per paragraph, heading, list item or other block element,
/// plus one per run of loose inline text. Pruned subtrees are skipped. Iterative.
struct BlockCollector {
    struct Block {
        var text: String
        /// The block element the text belongs to.
        var owner: Node
    }

    /// Blocks of every root, in document order.
    func blocks(_ roots: [Node]) -> [Block] {
        var out: [Block] = []
        for root in roots { collect(root, into: &out) }
        return out
    }

    private func collect(_ root: Node, into out: inout [Block]) {
        var buffer = ""
        var owners: [Node] = []
        var pendingBreaks = 0
        func flush() {
            let t = Text.collapse(buffer)
            if !t.isEmpty, let owner = owners.last { out.append(Block(text: t, owner: owner)) }
            buffer = ""
            pendingBreaks = 0
        }
        // (node, entering): leaving a block flushes it.
        var stack: [(Node, Bool)] = [(root, true)]
        owners.append(root)
        while let (node, entering) = stack.popLast() {
            if !entering {
                flush()
                owners.removeLast()
                continue
            }
            if node.pruned != nil { continue }
            switch node.kind {
            case .text:
                if pendingBreaks >= 2 { flush() }
                pendingBreaks = 0
                buffer += node.text
            case .element, .document:
                if node.isElement, HTMLTags.nonContent.contains(node.tag) { continue }
                if node.tag == "br" {
                    pendingBreaks += 1
                    buffer += " "
                    continue
                }
                if node.tag == "img" || node.tag == "hr" { buffer += " "; continue }
                if node !== root, HTMLTags.block.contains(node.tag) {
                    flush()
                    owners.append(node)
                    stack.append((node, false))
                } else if node !== root, node.tag == "td" || node.tag == "th" {
                    buffer += " "
                }
                for c in node.children.reversed() { stack.append((c, true)) }
            }
        }
        flush()
    }
}
