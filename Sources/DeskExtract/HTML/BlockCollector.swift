/// Turns a subtree into text blocks: one per paragraph, heading, list item or other block element,
/// plus one per run of loose inline text. Pruned subtrees are skipped. Iterative.
struct BlockCollector {
    struct Block {
        var text: String
        /// The block element the text belongs to.
        var owner: Node
        /// Non-space characters of the text, and those of them inside links.
        var chars: Int
        var linkChars: Int
        /// Words of the text inside links.
        var linkWords: Int
        var linkDensity: Double { chars == 0 ? 0 : Double(linkChars) / Double(chars) }
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
        var linkDepth = 0
        var chars = 0, linkChars = 0, linkWords = 0
        func flush() {
            let t = Text.collapse(buffer)
            if !t.isEmpty, let owner = owners.last {
                out.append(Block(text: t, owner: owner, chars: chars, linkChars: linkChars, linkWords: linkWords))
            }
            buffer = ""
            pendingBreaks = 0
            chars = 0; linkChars = 0; linkWords = 0
        }
        // (node, entering): leaving a block flushes it.
        var stack: [(Node, Bool)] = [(root, true)]
        owners.append(root)
        while let (node, entering) = stack.popLast() {
            if !entering {
                if node.tagID == .a { linkDepth -= 1; continue }
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
                let n = node.measured.chars
                chars += n
                if linkDepth > 0 {
                    linkChars += n
                    linkWords += Text.wordsExceptAddresses(node.text)
                }
            case .element, .document:
                let info = node.info
                if info.contains(.nonContent) { continue }
                if node.tagID == .br {
                    pendingBreaks += 1
                    buffer += " "
                    continue
                }
                if node.tagID == .img || node.tagID == .hr { buffer += " "; continue }
                if node !== root, info.contains(.block) {
                    flush()
                    owners.append(node)
                    stack.append((node, false))
                } else if node.tagID == .a {
                    linkDepth += 1
                    stack.append((node, false))
                } else if node !== root, node.tagID == .td || node.tagID == .th {
                    buffer += " "
                }
                var i = node.children.count - 1
                while i >= 0 { stack.append((node.children[i], true)); i -= 1 }
            }
        }
        flush()
    }
}
