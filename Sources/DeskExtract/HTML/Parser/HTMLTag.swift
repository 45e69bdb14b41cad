#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tags the tree builder knows by number, with the spec's categories as bit flags, so that the rules
/// cost an array read rather than a set lookup per token. Any other tag is `.unknown` (its name is kept).
enum HTMLTag: UInt8, CaseIterable {
    case unknown
    case a, abbr, address, annotationXML, applet, area, article, aside, audio, b, base, basefont, bdi, bdo,
         bgsound, big, blockquote, body, br, button, canvas, caption, center, cite, code, col, colgroup, dd,
         desc, details, dfn, dialog, dir, div, dl, dt, em, embed, fieldset, figcaption, figure, font, footer,
         foreignObject, form, frame, frameset, h1, h2, h3, h4, h5, h6, head, header, hgroup, hr, html, i,
         iframe, image, img, input, ins, kbd, keygen, label, legend, li, link, listing, main, marquee, math,
         menu, meta, mi, mn, mo, ms, mtext, nav, nobr, noembed, noframes, noscript, object, ol, optgroup, option,
         p, param, picture, plaintext, pre, rb, rp, rt, rtc, ruby, s, samp, script, search, section, select,
         small, source, span, strike, strong, style, sub, summary, sup, svg, table, tbody, td, template,
         textarea, tfoot, th, thead, time, title, tr, track, tt, u, ul, `var`, video, wbr, xmp

    struct Flags: OptionSet {
        let rawValue: UInt32
        /// The spec's "special" category: end-tag matching and the adoption agency stop at these.
        static let special = Flags(rawValue: 1 << 0)
        /// Formatting elements (reopened across block boundaries; `span` is not one).
        static let formatting = Flags(rawValue: 1 << 1)
        static let void = Flags(rawValue: 1 << 2)
        /// Start tags that close an open <p> ("in button scope").
        static let closesP = Flags(rawValue: 1 << 3)
        /// Closed by "generate implied end tags".
        static let impliedEnd = Flags(rawValue: 1 << 4)
        /// Boundaries of the default scope.
        static let scope = Flags(rawValue: 1 << 5)
        /// Push a marker on the list of active formatting elements.
        static let marker = Flags(rawValue: 1 << 6)
        /// table, tbody, tfoot, thead, tr: text and misplaced elements inside are foster-parented.
        static let tableContext = Flags(rawValue: 1 << 7)
        /// Start tags that belong in <head> while it is open.
        static let headContent = Flags(rawValue: 1 << 8)
        /// HTML start tags that break out of svg/math.
        static let breaksForeign = Flags(rawValue: 1 << 9)
        static let heading = Flags(rawValue: 1 << 10)
    }

    static let names: [String] = allCases.map { tag in
        switch tag {
        case .annotationXML: return "annotation-xml"
        case .foreignObject: return "foreignobject"
        default: return String(describing: tag)
        }
    }

    static let byName: [String: HTMLTag] = {
        var d: [String: HTMLTag] = [:]
        for t in allCases where t != .unknown { d[names[Int(t.rawValue)]] = t }
        return d
    }()

    /// Open-addressing table over FNV-1a hashes of the lower-case names: tag lookup straight from the source
    /// bytes, without making a String first. 512 slots for ~150 names keeps probe chains short.
    private static let slotCount = 512
    private static let slots: [UInt8] = {
        var t = [UInt8](repeating: 0, count: slotCount)
        for tag in allCases where tag != .unknown {
            let bytes = Array(names[Int(tag.rawValue)].utf8)
            var i = bytes.withUnsafeBufferPointer { Int(hash($0.baseAddress!, $0.count)) & (slotCount - 1) }
            while t[i] != 0 { i = (i + 1) & (slotCount - 1) }
            t[i] = tag.rawValue
        }
        return t
    }()
    /// Each name's bytes (at most 14) packed little-endian into two words, and its length: a candidate is
    /// checked with two compares instead of a call to memcmp through an array of arrays.
    private static let packedNames: [(UInt64, UInt64, Int)] = names.map { name in
        var words: (UInt64, UInt64) = (0, 0)
        for (i, b) in name.utf8.enumerated() {
            if i < 8 { words.0 |= UInt64(b) << (8 * UInt64(i)) } else { words.1 |= UInt64(b) << (8 * UInt64(i - 8)) }
        }
        return (words.0, words.1, name.utf8.count)
    }

    @inline(__always) static func hash(_ p: UnsafePointer<UInt8>, _ count: Int) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for i in 0..<count { h = (h ^ UInt32(p[i])) &* 16_777_619 }
        return h
    }

    /// The tag whose name is exactly these (lower-case) bytes, or `.unknown`.
    static func lookup(_ p: UnsafePointer<UInt8>, _ count: Int) -> HTMLTag {
        guard count > 0, count <= 14 else { return .unknown }
        var w0: UInt64 = 0, w1: UInt64 = 0
        for k in 0..<count {
            if k < 8 { w0 |= UInt64(p[k]) << (8 * UInt64(k)) } else { w1 |= UInt64(p[k]) << (8 * UInt64(k - 8)) }
        }
        var i = Int(hash(p, count)) & (slotCount - 1)
        return slots.withUnsafeBufferPointer { table in
            packedNames.withUnsafeBufferPointer { packed in
                while true {
                    let raw = table[i]
                    if raw == 0 { return .unknown }
                    let candidate = packed[Int(raw)]
                    if candidate.2 == count, candidate.0 == w0, candidate.1 == w1 { return HTMLTag(rawValue: raw)! }
                    i = (i + 1) & (slotCount - 1)
                }
            }
        }
    }

    static let flags: [Flags] = {
        var f = [Flags](repeating: [], count: allCases.count)
        func mark(_ tags: [HTMLTag], _ flag: Flags) { for t in tags { f[Int(t.rawValue)].insert(flag) } }
        mark([.address, .applet, .area, .article, .aside, .base, .basefont, .bgsound, .blockquote, .body, .br,
              .button, .caption, .center, .col, .colgroup, .dd, .details, .dir, .div, .dl, .dt, .embed, .fieldset,
              .figcaption, .figure, .footer, .form, .frame, .frameset, .h1, .h2, .h3, .h4, .h5, .h6, .head, .header,
              .hgroup, .hr, .html, .iframe, .img, .input, .keygen, .li, .link, .listing, .main, .marquee, .menu,
              .meta, .nav, .noembed, .noframes, .noscript, .object, .ol, .p, .param, .plaintext, .pre, .script,
              .search, .section, .select, .source, .style, .summary, .table, .tbody, .td, .template, .textarea,
              .tfoot, .th, .thead, .title, .tr, .track, .ul, .wbr, .xmp], .special)
        mark([.a, .b, .big, .code, .em, .font, .i, .nobr, .s, .small, .strike, .strong, .tt, .u], .formatting)
        mark([.area, .base, .basefont, .bgsound, .br, .col, .embed, .hr, .img, .input, .keygen, .link, .meta,
              .param, .source, .track, .wbr, .frame], .void)
        mark([.address, .article, .aside, .blockquote, .center, .details, .dialog, .dir, .div, .dl, .fieldset,
              .figcaption, .figure, .footer, .header, .hgroup, .main, .menu, .nav, .ol, .p, .search, .section,
              .summary, .ul, .h1, .h2, .h3, .h4, .h5, .h6, .pre, .listing, .form, .hr, .xmp, .plaintext], .closesP)
        mark([.dd, .dt, .li, .optgroup, .option, .p, .rb, .rp, .rt, .rtc], .impliedEnd)
        mark([.applet, .caption, .html, .table, .td, .th, .marquee, .object, .template], .scope)
        mark([.applet, .caption, .marquee, .object, .template, .td, .th], .marker)
        mark([.table, .tbody, .tfoot, .thead, .tr], .tableContext)
        mark([.base, .basefont, .bgsound, .link, .meta, .title, .noscript, .noframes, .style, .script, .template],
             .headContent)
        mark([.b, .big, .blockquote, .body, .br, .center, .code, .dd, .div, .dl, .dt, .em, .embed, .h1, .h2, .h3,
              .h4, .h5, .h6, .head, .hr, .i, .img, .li, .listing, .menu, .meta, .nobr, .ol, .p, .pre, .ruby, .s,
              .small, .span, .strong, .strike, .sub, .sup, .table, .tt, .u, .ul, .var], .breaksForeign)
        mark([.h1, .h2, .h3, .h4, .h5, .h6], .heading)
        return f
    }()

    @inline(__always) var flags: Flags { Self.flags[Int(rawValue)] }
    @inline(__always) func `is`(_ f: Flags) -> Bool { Self.flags[Int(rawValue)].contains(f) }
    var name: String { Self.names[Int(rawValue)] }
}
