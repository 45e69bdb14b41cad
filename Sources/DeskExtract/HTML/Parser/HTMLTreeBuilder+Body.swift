/// Start and end tag rules: the "before head", "in head" and "in body" insertion modes, with the table, select and
/// foreign-content rules folded in by looking at the stack rather than switching modes.
extension HTMLTreeBuilder {
    // MARK: start tags

    func startTag(_ t: HTMLToken) {
        if phase != .inBody, !headPhaseStartTag(t) { return }
        if !overflow.isEmpty {
            // Beyond the depth cap: void elements still land at the cap, others only count for their end tags.
            if t.tag.is(.void) {
                insertElement(t.tag, name: t.name, attributes: t.attributes, push: false)
            } else {
                enterRawTextIfNeeded(t.tag)
                overflow.append(t.name)
                overflowCounts[t.name, default: 0] += 1
            }
            return
        }
        if !currentIsHTML, !isIntegrationPoint(stack.count - 1) {
            let breaksOut = t.tag.is(.breaksForeign)
                || (t.tag == .font && t.attributes.contains { $0.name == "color" || $0.name == "face" || $0.name == "size" })
            if !breaksOut {
                let ns: Namespace = t.tag == .svg ? .svg : t.tag == .math ? .math : stackNS.last ?? .html
                insertElement(t.tag, name: t.name, attributes: t.attributes, ns: ns, push: !t.selfClosing)
                return
            }
            while let ns = stackNS.last, ns != .html, !isIntegrationPoint(stack.count - 1) { pop() }
        }
        bodyStartTag(t)
    }

    /// Before <body>: returns true when the token is to be processed by the body rules.
    private func headPhaseStartTag(_ t: HTMLToken) -> Bool {
        if isOpen(.template) { return true }  // template contents follow the body rules wherever they are
        switch t.tag {
        case .html:
            ensureHTML(t.attributes)
            return false
        case .head:
            if headNode == nil {
                ensureHTML()
                flushText()
                let head = newNode(kind: .element, tag: "head", id: .head, attributes: t.attributes)
                htmlNode!.append(head)
                headNode = head
                push(head, .head, .html)
                phase = .inHead
            }
            return false
        case .body:
            ensureBody(t.attributes)
            return false
        case .frameset:
            return false
        default:
            guard t.tag.is(.headContent) else {
                ensureBody()
                return true
            }
            ensureHead()
            // After </head>, head content still goes into <head>.
            let parent: Node? = phase == .afterHead ? headNode : nil
            if t.tag.is(.void) {
                insertElement(t.tag, name: t.name, attributes: t.attributes, push: false, foster: false, parent: parent)
            } else {
                insertElement(t.tag, name: t.name, attributes: t.attributes, foster: false, parent: parent)
                if t.tag == .template { formatting.append(FormattingEntry(node: nil, tag: .template, attributes: [])) }
                enterRawTextIfNeeded(t.tag)
            }
            return false
        }
    }

    /// Raw text (scripting enabled, so <noscript> is raw text too), RCDATA and PLAINTEXT elements.
    func enterRawTextIfNeeded(_ tag: HTMLTag) {
        switch tag {
        case .script, .style, .xmp, .iframe, .noembed, .noframes, .noscript:
            tokenizer.enterRawText(tag.name, decodes: false)
        case .title, .textarea:
            tokenizer.enterRawText(tag.name, decodes: true)
        case .plaintext:
            tokenizer.enterPlaintext()
        default: break
        }
    }

    private func closePIfInButtonScope() {
        if inScope(.p, .button) { closeElement(.p) }
    }

    /// Generates implied end tags except `tag`, then pops up to `tag`.
    func closeElement(_ tag: HTMLTag) {
        generateImpliedEndTags(except: tag)
        popUntil(tag)
    }

    private func bodyStartTag(_ t: HTMLToken) {
        let tag = t.tag
        switch tag {
        case .html:
            if let html = htmlNode { addMissingAttributes(t.attributes, to: html) }
        case .body:
            if let body = bodyNode { addMissingAttributes(t.attributes, to: body) }
        case .head, .frameset, .frame:
            break
        case .base, .basefont, .bgsound, .link, .meta:
            insertElement(tag, name: t.name, attributes: t.attributes, push: false)
        case .title, .style, .script, .noframes, .noscript:
            insertElement(tag, name: t.name, attributes: t.attributes)
            enterRawTextIfNeeded(tag)
        case .template:
            insertElement(tag, name: t.name, attributes: t.attributes)
            formatting.append(FormattingEntry(node: nil, tag: .template, attributes: []))
        case .li, .dd, .dt:
            closeListItem(tag)
            closePIfInButtonScope()
            insertElement(tag, name: t.name, attributes: t.attributes)
        case .form:
            if formNode != nil, !isOpen(.template) { return }
            closePIfInButtonScope()
            formNode = insertElement(tag, name: t.name, attributes: t.attributes)
        case .h1, .h2, .h3, .h4, .h5, .h6:
            closePIfInButtonScope()
            if currentIsHTML, currentTag.is(.heading) { pop() }
            insertElement(tag, name: t.name, attributes: t.attributes)
        case .hr:
            closePIfInButtonScope()
            insertElement(tag, name: t.name, attributes: t.attributes, push: false)
        case .pre, .listing:
            closePIfInButtonScope()
            insertElement(tag, name: t.name, attributes: t.attributes)
            ignoreLF = true
        case .xmp, .plaintext:
            closePIfInButtonScope()
            if tag == .xmp { reconstructFormatting() }
            insertElement(tag, name: t.name, attributes: t.attributes)
            enterRawTextIfNeeded(tag)
        case .button:
            if inScope(.button) { generateImpliedEndTags(); popUntil(.button) }
            reconstructFormatting()
            insertElement(tag, name: t.name, attributes: t.attributes)
        case .a:
            if let i = formattingIndexAfterMarker(.a), let node = formatting[i].node {
                adoptionAgency(.a, name: "a")
                if let j = formatting.firstIndex(where: { $0.node === node }) { formatting.remove(at: j) }
                if let j = stack.lastIndex(where: { $0 === node }) { removeFromStack(at: j) }
            }
            reconstructFormatting()
            insertFormatting(t)
        case .nobr:
            reconstructFormatting()
            if inScope(.nobr) { adoptionAgency(.nobr, name: "nobr"); reconstructFormatting() }
            insertFormatting(t)
        case .b, .big, .code, .em, .font, .i, .s, .small, .strike, .strong, .tt, .u:
            reconstructFormatting()
            insertFormatting(t)
        case .applet, .marquee, .object:
            reconstructFormatting()
            if insertElement(tag, name: t.name, attributes: t.attributes) != nil {
                formatting.append(FormattingEntry(node: nil, tag: tag, attributes: []))
            }
        case .table:
            if currentIsHTML, currentTag.is(.tableContext) {
                popUntil(.table)  // a table straight inside a table closes the first one
            } else if !quirks {
                closePIfInButtonScope()
            }
            insertElement(tag, name: t.name, attributes: t.attributes, foster: false)
        case .area, .br, .embed, .img, .keygen, .wbr, .input, .image:
            reconstructFormatting()
            let real: HTMLTag = tag == .image ? .img : tag
            insertElement(real, name: real.name, attributes: t.attributes, push: false)
        case .param, .source, .track:
            insertElement(tag, name: t.name, attributes: t.attributes, push: false)
        case .textarea:
            insertElement(tag, name: t.name, attributes: t.attributes)
            enterRawTextIfNeeded(tag)
            ignoreLF = true
        case .iframe, .noembed:
            insertElement(tag, name: t.name, attributes: t.attributes)
            enterRawTextIfNeeded(tag)
        case .select:
            if isOpen(.select) { popUntil(.select); return }  // a nested <select> closes the open one
            reconstructFormatting()
            insertElement(tag, name: t.name, attributes: t.attributes)
        case .option, .optgroup:
            if currentIsHTML, currentTag == .option { pop() }
            if tag == .optgroup, isOpen(.select), currentIsHTML, currentTag == .optgroup { pop() }
            reconstructFormatting()
            insertElement(tag, name: t.name, attributes: t.attributes)
        case .rb, .rtc, .rp, .rt:
            if inScope(.ruby) { generateImpliedEndTags(except: tag == .rp || tag == .rt ? .rtc : nil) }
            insertElement(tag, name: t.name, attributes: t.attributes)
        case .svg, .math:
            reconstructFormatting()
            insertElement(tag, name: t.name, attributes: t.attributes, ns: tag == .svg ? .svg : .math, push: !t.selfClosing)
        case .caption, .colgroup, .col, .tbody, .thead, .tfoot, .tr, .td, .th:
            tableStartTag(t)
        default:
            if tag.is(.closesP) {
                closePIfInButtonScope()
                insertElement(tag, name: t.name, attributes: t.attributes)
            } else {
                reconstructFormatting()
                insertElement(tag, name: t.name, attributes: t.attributes, push: !tag.is(.void))
            }
        }
    }

    /// <li> closes an open <li>; <dd>/<dt> close an open <dd> or <dt>; the search stops at special elements
    /// other than address, div and p.
    private func closeListItem(_ tag: HTMLTag) {
        var i = stack.count - 1
        while i >= 0 {
            let t = stackTags[i]
            if stackNS[i] == .html {
                if tag == .li ? t == .li : (t == .dd || t == .dt) {
                    closeElement(t)
                    return
                }
                if t.is(.special), t != .address, t != .div, t != .p { return }
            } else if isSpecial(i) {
                return
            }
            i -= 1
        }
    }

    private func insertFormatting(_ t: HTMLToken) {
        if let node = insertElement(t.tag, name: t.name, attributes: t.attributes) {
            pushFormatting(node, t.tag, t.attributes)
        }
    }

    // MARK: tables

    /// Pops until the current node is one of `tags` (or <html>/<template>).
    private func clear(to tags: Set<HTMLTag>) {
        while let t = stackTags.last, !(stackNS.last == .html && (tags.contains(t) || t == .html || t == .template)) { pop() }
    }

    private func closeCell() {
        generateImpliedEndTags()
        while let t = stackTags.last {
            let hit = (t == .td || t == .th) && stackNS.last == .html
            pop()
            if hit { return }
        }
    }

    private func tableStartTag(_ t: HTMLToken) {
        // Outside a table these are ignored (the "in body" rule).
        guard inScope(.table, .table) else { return }
        let tag = t.tag
        switch tag {
        case .caption, .colgroup:
            clear(to: [.table])
            insertElement(tag, name: t.name, attributes: t.attributes, foster: false)
            if tag == .caption { formatting.append(FormattingEntry(node: nil, tag: .caption, attributes: [])) }
        case .col:
            if !(currentIsHTML && currentTag == .colgroup) { clear(to: [.table]) }
            insertElement(tag, name: t.name, attributes: t.attributes, push: false, foster: false)
        case .tbody, .thead, .tfoot:
            clear(to: [.table])
            insertElement(tag, name: t.name, attributes: t.attributes, foster: false)
        case .tr:
            if inScope(.td, .table) || inScope(.th, .table) { closeCell() }
            clear(to: [.tbody, .thead, .tfoot, .table])
            if currentTag == .table { insertElement(.tbody, name: "tbody", attributes: [], foster: false) }
            insertElement(tag, name: t.name, attributes: t.attributes, foster: false)
        default:  // td, th
            if inScope(.td, .table) || inScope(.th, .table) { closeCell() }
            clear(to: [.tr, .tbody, .thead, .tfoot, .table])
            if currentTag == .table { insertElement(.tbody, name: "tbody", attributes: [], foster: false) }
            if currentTag != .tr { insertElement(.tr, name: "tr", attributes: [], foster: false) }
            if insertElement(tag, name: t.name, attributes: t.attributes, foster: false) != nil {
                formatting.append(FormattingEntry(node: nil, tag: tag, attributes: []))
            }
        }
    }

    // MARK: end tags

    func endTag(_ t: HTMLToken) {
        if !overflow.isEmpty {
            // Inside elements beyond the depth cap: an end tag closes the nearest of them with its name.
            if let count = overflowCounts[t.name], count > 0 {
                while let name = overflow.popLast() {
                    overflowCounts[name]! -= 1
                    if name == t.name { break }
                }
            }
            return
        }
        if phase != .inBody, !isOpen(.template) {
            switch t.tag {
            case .head: closeHead(); return
            case .body, .html, .br: ensureBody()
            default:
                // The end of a raw-text element in the head; anything else is ignored.
                if stack.count > 1, current.tag == t.name { pop() }
                return
            }
        }
        if !currentIsHTML, foreignEndTag(t) { return }
        bodyEndTag(t)
    }

    /// In svg/math: closes the nearest foreign element of that name; false when an HTML element comes first.
    private func foreignEndTag(_ t: HTMLToken) -> Bool {
        var i = stack.count - 1
        while i > 0 {
            if stackNS[i] == .html { return false }
            if stack[i].tag == t.name {
                while stack.count > i { pop() }
                return true
            }
            i -= 1
        }
        return true
    }

    private func bodyEndTag(_ t: HTMLToken) {
        let tag = t.tag
        switch tag {
        case .body, .html:
            break  // "after body" returns to the body on the next token: nothing closes
        case .p:
            if !inScope(.p, .button) { insertElement(.p, name: "p", attributes: []) }
            closeElement(.p)
        case .li:
            if inScope(.li, .listItem) { closeElement(.li) }
        case .dd, .dt:
            if inScope(tag) { closeElement(tag) }
        case .h1, .h2, .h3, .h4, .h5, .h6:
            let headings: [HTMLTag] = [.h1, .h2, .h3, .h4, .h5, .h6]
            guard headings.contains(where: { inScope($0) }) else { return }
            generateImpliedEndTags()
            while let top = stackTags.last {
                let hit = top.is(.heading) && stackNS.last == .html
                pop()
                if hit { return }
            }
        case .form:
            formNode = nil
            if inScope(.form) { closeElement(.form) }
        case .a, .b, .big, .code, .em, .font, .i, .nobr, .s, .small, .strike, .strong, .tt, .u:
            adoptionAgency(tag, name: t.name)
        case .br:
            reconstructFormatting()
            insertElement(.br, name: "br", attributes: [], push: false)
        case .table, .tbody, .thead, .tfoot, .tr, .caption, .colgroup:
            if inScope(tag, .table) { popUntil(tag) }
        case .td, .th:
            if inScope(tag, .table) { closeElement(tag) }
        case .select:
            if isOpen(.select) { popUntil(.select) }
        case .template:
            if isOpen(.template) { closeElement(.template) }
        default:
            if tag != .unknown, tag.is(.special), tag.is(.closesP) || tag == .applet || tag == .marquee || tag == .object
                || tag == .button || tag == .details || tag == .dialog {
                if inScope(tag) { closeElement(tag) }
            } else {
                anyOtherEndTag(t.name, tag)
            }
        }
    }

    /// Closes the nearest open element of that name unless a special element comes first.
    func anyOtherEndTag(_ name: String, _ tag: HTMLTag) {
        var i = stack.count - 1
        while i >= 0 {
            let matches = stackNS[i] == .html && (tag == .unknown ? stack[i].tag == name : stackTags[i] == tag)
            if matches {
                generateImpliedEndTags(except: tag == .unknown ? nil : tag)
                while stack.count > i { pop() }
                return
            }
            if isSpecial(i) { return }
            i -= 1
        }
    }
}
