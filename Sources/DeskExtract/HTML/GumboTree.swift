import CGumbo
import Foundation

/// Parses HTML with libgumbo and copies its tree into our own `Node`s, then frees gumbo's output.
/// The copy walks with an explicit stack so deep nesting cannot overflow the call stack.
enum GumboTree {
    /// Elements nested deeper than this are attached at this depth instead (their text is kept, their
    /// nesting is not). Real pages stay far below it (a few hundred at most); the cap bounds the depth of
    /// our tree, so releasing it cannot exhaust the stack.
    static let maxDepth = 1000

    static func parse(_ html: String) -> Node {
        let root = Node(kind: .document, tag: "#document")
        var options = kGumboDefaultOptions
        options.max_errors = 0  // we never read parse errors; recording them only costs time
        let output: UnsafeMutablePointer<GumboOutput>? = html.withCString { gumbo_parse_with_options(&options, $0, strlen($0)) }
        guard let output else { return root }
        defer { gumbo_destroy_output(&options, output) }

        var counter = 0
        var stack: [(UnsafeMutablePointer<GumboNode>, Node, Int)] = []
        pushChildren(of: output.pointee.document, into: root, depth: 1, stack: &stack)
        while let (gnode, parent, depth) = stack.popLast() {
            switch gnode.pointee.type {
            case GUMBO_NODE_TEXT, GUMBO_NODE_WHITESPACE, GUMBO_NODE_CDATA:
                let text = gnode.pointee.v.text.text.map { String(cString: $0) } ?? ""
                let node = Node(kind: .text, tag: "#text", text: text)
                counter += 1; node.order = counter
                parent.append(node)
            case GUMBO_NODE_ELEMENT, GUMBO_NODE_TEMPLATE:
                if depth >= Self.maxDepth {
                    pushChildren(of: gnode, into: parent, depth: depth, stack: &stack)
                    continue
                }
                let node = Node(kind: .element, tag: tagName(gnode), attributes: attributes(gnode))
                counter += 1; node.order = counter
                parent.append(node)
                pushChildren(of: gnode, into: node, depth: depth + 1, stack: &stack)
            default:
                break  // comments and the document node itself
            }
        }
        return root
    }

    private static func pushChildren(of gnode: UnsafeMutablePointer<GumboNode>, into parent: Node, depth: Int,
                                     stack: inout [(UnsafeMutablePointer<GumboNode>, Node, Int)]) {
        let isDocument = gnode.pointee.type == GUMBO_NODE_DOCUMENT
        let count = Int(isDocument ? gnode.pointee.v.document.children.length : gnode.pointee.v.element.children.length)
        guard count > 0, let data = isDocument ? gnode.pointee.v.document.children.data : gnode.pointee.v.element.children.data else { return }
        // Reverse so that popping yields document order.
        for i in stride(from: count - 1, through: 0, by: -1) {
            if let child = data[i] { stack.append((child.assumingMemoryBound(to: GumboNode.self), parent, depth)) }
        }
    }

    private static func tagName(_ gnode: UnsafeMutablePointer<GumboNode>) -> String {
        let tag = gnode.pointee.v.element.tag
        if tag != GUMBO_TAG_UNKNOWN, let name = gumbo_normalized_tagname(tag) {
            return String(cString: name)
        }
        // Unknown tags keep their name only in the source text: "<my-widget class=...>".
        let piece = gnode.pointee.v.element.original_tag
        guard let data = piece.data, piece.length > 1 else { return "unknown" }
        var bytes: [UInt8] = []
        let raw = UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self)
        var i = 1
        while i < piece.length {
            let b = raw[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C || b == 0x2F || b == 0x3E { break }
            bytes.append(b >= 0x41 && b <= 0x5A ? b + 32 : b)
            i += 1
        }
        return bytes.isEmpty ? "unknown" : String(decoding: bytes, as: UTF8.self)
    }

    private static func attributes(_ gnode: UnsafeMutablePointer<GumboNode>) -> [HTMLAttribute] {
        withUnsafeMutablePointer(to: &gnode.pointee.v.element.attributes) { vector in
            let count = Int(vector.pointee.length)
            guard count > 0, let data = vector.pointee.data else { return [] }
            var out: [HTMLAttribute] = []
            out.reserveCapacity(count)
            for i in 0..<count {
                guard let attr = data[i]?.assumingMemoryBound(to: GumboAttribute.self) else { continue }
                let name = attr.pointee.name.map { String(cString: $0).lowercased() } ?? ""
                let value = attr.pointee.value.map { String(cString: $0) } ?? ""
                out.append(HTMLAttribute(name: name, value: value))
            }
            return out
        }
    }
}
