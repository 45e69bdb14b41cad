/// The list of active formatting elements and the adoption agency algorithm: `<b>one<p>two</b>three</p>` keeps
/// "two" bold inside the paragraph and closes the bold where the markup meant, instead of swallowing the page.
extension HTMLTreeBuilder {
    func formattingIndexAfterMarker(_ tag: HTMLTag) -> Int? {
        var k = formatting.count - 1
        while k >= 0 {
            guard formatting[k].node != nil else { return nil }
            if formatting[k].tag == tag { return k }
            k -= 1
        }
        return nil
    }

    func formattingIndex(of node: Node) -> Int? {
        var k = formatting.count - 1
        while k >= 0 {
            if formatting[k].node === node { return k }
            k -= 1
        }
        return nil
    }

    func clearFormattingToMarker() {
        while let e = formatting.popLast(), e.node != nil {}
    }

    /// Adds an element to the list, keeping at most three identical ones (the spec's "Noah's Ark" clause) and at
    /// most `maxActiveFormatting` after the last marker.
    func pushFormatting(_ node: Node, _ tag: HTMLTag, _ attributes: [HTMLAttribute]) {
        var same = 0, earliest = -1, afterMarker = 0, firstAfterMarker = -1
        var k = formatting.count - 1
        while k >= 0, formatting[k].node != nil {
            afterMarker += 1
            firstAfterMarker = k
            let e = formatting[k]
            if e.tag == tag, e.attributes.count == attributes.count,
               zip(e.attributes, attributes).allSatisfy({ $0.name == $1.name && $0.value == $1.value }) {
                same += 1
                earliest = k
            }
            k -= 1
        }
        if same >= 3 { formatting.remove(at: earliest) }
        else if afterMarker >= Self.maxActiveFormatting, firstAfterMarker >= 0 { formatting.remove(at: firstAfterMarker) }
        formatting.append(FormattingEntry(node: node, tag: tag, attributes: attributes))
    }

    /// Reopens formatting elements that were closed implicitly (by a block) before text or inline content.
    func reconstructFormatting() {
        guard let last = formatting.last, let lastNode = last.node, !lastNode.isOpen else { return }
        var i = formatting.count - 1
        while i > 0 {
            guard let n = formatting[i - 1].node, !n.isOpen else { break }
            i -= 1
        }
        for j in i..<formatting.count {
            let e = formatting[j]
            guard let clone = insertElement(e.tag, name: e.tag.name, attributes: e.attributes) else { return }
            formatting[j].node = clone
        }
    }

    /// The adoption agency algorithm for the end tag of formatting element `tag` (HTML §13.2.6.4.7).
    func adoptionAgency(_ tag: HTMLTag, name: String) {
        flushText()
        if currentIsHTML, currentTag == tag, let cur = stack.last, formattingIndex(of: cur) == nil {
            pop()
            return
        }
        for _ in 0..<8 {
            guard let fi = formattingIndexAfterMarker(tag), let fe = formatting[fi].node else {
                anyOtherEndTag(name, tag)
                return
            }
            guard fe.isOpen, let si = stack.lastIndex(where: { $0 === fe }) else {
                formatting.remove(at: fi)
                return
            }
            guard inScope(fe: si) else { return }
            var fb = -1
            for k in (si + 1)..<stack.count where isSpecial(k) { fb = k; break }
            if fb < 0 {
                while stack.count > si { pop() }
                if let k = formattingIndex(of: fe) { formatting.remove(at: k) }
                return
            }
            // From here nodes move (and clones are made without numbers): the tree is renumbered at the end. The
            // common case above, a formatting element closed where it was opened, only pops.
            reordered = true
            let common = stack[si - 1]
            var bookmark = fi
            let furthest = stack[fb]
            var lastNode = furthest
            var nodeIndex = fb
            var inner = 0
            while true {
                inner += 1
                nodeIndex -= 1
                let node = stack[nodeIndex]
                if node === fe { break }
                var entry = formattingIndex(of: node)
                if inner > 3, let ei = entry {
                    formatting.remove(at: ei)
                    if ei < bookmark { bookmark -= 1 }
                    entry = nil
                }
                guard let ei = entry else {
                    removeFromStack(at: nodeIndex)
                    fb -= 1
                    continue
                }
                let clone = Node(kind: .element, tag: node.tag, attributes: node.attributes)
                formatting[ei].node = clone
                stack[nodeIndex] = clone
                node.isOpen = false
                clone.isOpen = true
                if lastNode === furthest { bookmark = ei + 1 }
                lastNode.removeFromParent()
                clone.append(lastNode)
                lastNode = clone
            }
            lastNode.removeFromParent()
            let (parent, before) = insertionPlace(foster: true, override: common)
            parent.insert(lastNode, before: before)
            let replacement = Node(kind: .element, tag: fe.tag, attributes: fe.attributes)
            furthest.moveChildren(to: replacement)
            furthest.append(replacement)
            if let k = formattingIndex(of: fe) {
                formatting.remove(at: k)
                if k < bookmark { bookmark -= 1 }
            }
            formatting.insert(FormattingEntry(node: replacement, tag: tag, attributes: fe.attributes),
                              at: min(max(bookmark, 0), formatting.count))
            // fe leaves the stack; its replacement goes right above the furthest block.
            let tagOfFE = stackTags[si]
            removeFromStack(at: si)
            fb -= 1
            stack.insert(replacement, at: fb + 1)
            stackTags.insert(tagOfFE, at: fb + 1)
            stackNS.insert(.html, at: fb + 1)
            replacement.isOpen = true
            openCount[Int(tagOfFE.rawValue)] += 1
        }
    }

    /// Whether the stack entry at `index` is in (default) scope: no scope boundary above it.
    private func inScope(fe index: Int) -> Bool {
        var i = stack.count - 1
        while i > index {
            if stackNS[i] == .html ? stackTags[i].is(.scope) : isIntegrationPoint(i) { return false }
            i -= 1
        }
        return true
    }
}
