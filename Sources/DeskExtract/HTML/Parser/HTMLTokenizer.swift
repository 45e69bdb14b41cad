#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One token of the HTML tokenizer. Reused between calls (its arrays keep their capacity).
struct HTMLToken {
    enum Kind { case startTag, endTag, text, doctype, eof }
    var kind: Kind = .eof
    /// Lower-cased tag name.
    var name = ""
    var tag: HTMLTag = .unknown
    var attributes: [HTMLAttribute] = []
    var selfClosing = false
    /// Text of a text token (character references decoded, CR/CRLF turned into LF, NUL dropped or replaced).
    var text = ""
    /// The text is only ASCII whitespace.
    var isWhitespace = false
}

/// A tokenizer over UTF-8 bytes following the HTML5 tokenizer's states in the ways that change the text and the
/// tags a page yields: tags and attributes (quoted, unquoted, without value, duplicates dropped), comments
/// (including `<!-->` and unterminated ones), doctype, bogus comments, raw text and RCDATA after the tree builder
/// asks for them, and character references. Comments and doctype contents are skipped, never copied.
struct HTMLTokenizer {
    private let p: UnsafePointer<UInt8>
    private let n: Int
    /// The string whose UTF-8 bytes `p` points at (or an equal one): long token strings are cut out of it.
    private let source: String
    private var pos = 0
    /// End-tag name (lower-case bytes) that ends the raw text the builder asked for; nil in the data state.
    private var rawEnd: [UInt8]?
    private var rawDecodes = false
    private var plaintext = false
    /// In foreign content `<![CDATA[…]]>` is text; elsewhere it is a bogus comment.
    var allowCDATA = false
    private var scratch: [UInt8] = []
    /// Tags with more attributes than this check duplicates with a set (real tags have a handful; 16 is well past
    /// where a linear scan stops being cheaper).
    static let maxLinearAttributes = 16
    /// Room made for a tag's attributes at its first one: most tags carry at most this many (class, id, href,
    /// src…), so one allocation holds them.
    static let typicalAttributes = 4

    /// `buffer` must not be empty (`HTMLParser` sees to it) and must outlive the tokenizer; `source` is a string
    /// with exactly these bytes.
    init(_ buffer: UnsafeBufferPointer<UInt8>, source: String) {
        p = buffer.baseAddress!
        n = buffer.count
        self.source = source
        scratch.reserveCapacity(256)
    }

    /// Text up to this many bytes is decoded from the bytes; longer text is copied out of `source`. Decoding
    /// validates: nearly free for ASCII, several instructions a byte otherwise, while a slice of `source`
    /// costs a fixed ~200 instructions (index checks) and no validation. Measured under callgrind on the eval
    /// pages: slices lost on attribute values and names (short, ASCII), and won on scripts and prose.
    static let maxDecodedBytes = 64

    /// The text of bytes a..<b, which start and end next to ASCII bytes (every token boundary does), so the
    /// cut falls between scalars. A slice of the (already valid) source string is copied without the UTF-8
    /// validation `String(decoding:)` does byte by byte: scripts and long texts are most of a page's bytes.
    @inline(__always) private func string(_ a: Int, _ b: Int) -> String {
        if b - a <= Self.maxDecodedBytes {
            return String(decoding: UnsafeBufferPointer(start: p + a, count: b - a), as: UTF8.self)
        }
        let u = source.utf8
        return String(Substring(u[u.index(u.startIndex, offsetBy: a)..<u.index(u.startIndex, offsetBy: b)]))
    }

    /// Switches to raw text (script, style…) or, with `decodes`, RCDATA (title, textarea) until `</name`.
    mutating func enterRawText(_ name: String, decodes: Bool) {
        rawEnd = Array(name.utf8)
        rawDecodes = decodes
    }

    mutating func enterPlaintext() { plaintext = true }

    @inline(__always) private static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0C || b == 0x0D
    }
    @inline(__always) private static func isAlpha(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    @inline(__always) private static func isAlnum(_ b: UInt8) -> Bool { isAlpha(b) || (b >= 0x30 && b <= 0x39) }
    @inline(__always) private static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 32 : b }

    /// Fills `t` with the next token.
    mutating func next(_ t: inout HTMLToken) {
        if plaintext {
            if pos < n { emitText(&t, pos, n, decode: false, inRaw: true); pos = n } else { t.kind = .eof }
            return
        }
        if let end = rawEnd {
            rawEnd = nil
            let stop = findRawEnd(end)
            if stop > pos {
                emitText(&t, pos, stop, decode: rawDecodes, inRaw: true)
                pos = stop
                return
            }
        }
        while pos < n {
            let start = pos
            var special = false  // &, CR or NUL seen
            var allSpace = true
            while pos < n {
                let b = p[pos]
                if b == 0x3C {  // '<'
                    if pos + 1 < n {
                        let c = p[pos + 1]
                        if Self.isAlpha(c) || c == 0x2F || c == 0x21 || c == 0x3F { break }
                    }
                    allSpace = false
                } else if b <= 0x26 {  // whitespace, NUL, '&' and a few punctuation marks
                    if b == 0x26 || b == 0x0D || b == 0x00 { special = true }
                    if !Self.isSpace(b) { allSpace = false }
                } else {
                    allSpace = false
                }
                pos += 1
            }
            if pos > start {
                if special {
                    emitText(&t, start, pos, decode: true, inRaw: false)
                    if t.text.isEmpty { continue }  // only NULs
                } else {
                    t.kind = .text
                    t.text = string(start, pos)
                    t.isWhitespace = allSpace
                }
                return
            }
            if markup(&t) { return }
        }
        t.kind = .eof
    }

    /// At `<`: a tag (true, `t` filled) or something skipped (false).
    private mutating func markup(_ t: inout HTMLToken) -> Bool {
        let c = p[pos + 1]
        if Self.isAlpha(c) {
            pos += 1
            return tag(&t, end: false)
        }
        if c == 0x2F {  // '/'
            if pos + 2 < n, Self.isAlpha(p[pos + 2]) {
                pos += 2
                return tag(&t, end: true)
            }
            if pos + 2 < n, p[pos + 2] == 0x3E { pos += 3; return false }  // "</>" is dropped
            if pos + 2 >= n {  // "</" at EOF is text
                t.kind = .text; t.text = "</"; t.isWhitespace = false; pos = n
                return true
            }
            skipPast(0x3E, from: pos + 2)  // bogus comment
            return false
        }
        if c == 0x21 {  // '!'
            if matches("<!--", at: pos) { skipComment(); return false }
            if matchesCaseInsensitive("doctype", at: pos + 2) {
                skipPast(0x3E, from: pos + 9)
                t.kind = .doctype
                return true
            }
            if allowCDATA, matches("<![CDATA[", at: pos) {
                let start = pos + 9
                var i = start
                while i + 2 < n, !(p[i] == 0x5D && p[i + 1] == 0x5D && p[i + 2] == 0x3E) { i += 1 }
                let stop = i + 2 < n ? i : n
                pos = min(n, stop + 3)
                emitText(&t, start, stop, decode: false, inRaw: true)
                return stop > start
            }
        }
        skipPast(0x3E, from: pos + 2)  // "<!…>" and "<?…>": bogus comments
        return false
    }

    private func matches(_ s: StaticString, at i: Int) -> Bool {
        let count = s.utf8CodeUnitCount
        guard i + count <= n else { return false }
        let q = s.utf8Start
        for k in 0..<count where p[i + k] != q[k] { return false }
        return true
    }

    private func matchesCaseInsensitive(_ s: StaticString, at i: Int) -> Bool {
        let count = s.utf8CodeUnitCount
        guard i + count <= n else { return false }
        let q = s.utf8Start
        for k in 0..<count where Self.lower(p[i + k]) != q[k] { return false }
        return true
    }

    private mutating func skipPast(_ byte: UInt8, from i: Int) {
        var j = i
        while j < n, p[j] != byte { j += 1 }
        pos = min(n, j + 1)
    }

    /// At `<!--`: skips to `-->` (or `--!>`); `<!-->` and `<!--->` close at once; unterminated runs to EOF.
    private mutating func skipComment() {
        var j = pos + 4
        if j < n, p[j] == 0x3E { pos = j + 1; return }
        if j + 1 < n, p[j] == 0x2D, p[j + 1] == 0x3E { pos = j + 2; return }
        while j + 2 < n {
            if p[j] == 0x2D, p[j + 1] == 0x2D {
                if p[j + 2] == 0x3E { pos = j + 3; return }
                if p[j + 2] == 0x21, j + 3 < n, p[j + 3] == 0x3E { pos = j + 4; return }
            }
            j += 1
        }
        pos = n
    }

    /// Where `</end` (followed by space, / or >) starts, or the end of input.
    private func findRawEnd(_ end: [UInt8]) -> Int {
        var i = pos
        let m = end.count
        while i + 1 + m < n {
            guard let hit = memchr(p + i, 0x3C, n - 1 - m - i) else { return n }
            i = p.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if p[i + 1] == 0x2F {
                var ok = true
                for k in 0..<m where Self.lower(p[i + 2 + k]) != end[k] { ok = false; break }
                if ok {
                    let after = i + 2 + m
                    if after >= n || Self.isSpace(p[after]) || p[after] == 0x2F || p[after] == 0x3E { return i }
                }
            }
            i += 1
        }
        return n
    }

    /// After `<` or `</`, at the first letter of the name. False when EOF cuts the tag (it is dropped).
    private mutating func tag(_ t: inout HTMLToken, end: Bool) -> Bool {
        let start = pos
        var upper = false, odd = false
        while pos < n {
            let b = p[pos]
            if Self.isSpace(b) || b == 0x2F || b == 0x3E { break }
            if b >= 0x41 && b <= 0x5A { upper = true } else if b == 0 { odd = true }
            pos += 1
        }
        if !upper && !odd {
            t.tag = HTMLTag.lookup(p + start, pos - start)
            t.name = t.tag == .unknown
                ? string(start, pos) : t.tag.name
        } else {
            scratch.removeAll(keepingCapacity: true)
            for i in start..<pos {
                let b = p[i]
                if b == 0 { scratch.append(contentsOf: [0xEF, 0xBF, 0xBD]) } else { scratch.append(Self.lower(b)) }
            }
            t.tag = scratch.withUnsafeBufferPointer { HTMLTag.lookup($0.baseAddress!, $0.count) }
            t.name = t.tag == .unknown ? String(decoding: scratch, as: UTF8.self) : t.tag.name
        }
        // A fresh array, not removeAll(keepingCapacity:): the last element took the old buffer, so keeping its
        // capacity would allocate a copy even for a tag without attributes.
        t.attributes = []
        t.selfClosing = false
        var seenNames: Set<String> = []
        // Attributes.
        while true {
            while pos < n, Self.isSpace(p[pos]) { pos += 1 }
            guard pos < n else { return false }
            let b = p[pos]
            if b == 0x3E { pos += 1; break }
            if b == 0x2F {
                if pos + 1 < n, p[pos + 1] == 0x3E { t.selfClosing = true; pos += 2; break }
                pos += 1
                continue
            }
            let nameStart = pos
            pos += 1  // the first character may be '='
            while pos < n {
                let c = p[pos]
                if Self.isSpace(c) || c == 0x2F || c == 0x3E || c == 0x3D { break }
                pos += 1
            }
            let nameEnd = pos
            while pos < n, Self.isSpace(p[pos]) { pos += 1 }
            var valueStart = pos, valueEnd = pos, hasValue = false
            if pos < n, p[pos] == 0x3D {
                pos += 1
                while pos < n, Self.isSpace(p[pos]) { pos += 1 }
                guard pos < n else { return false }
                let q = p[pos]
                if q == 0x22 || q == 0x27 {
                    var j = pos + 1
                    while j < n, p[j] != q { j += 1 }
                    guard j < n else { pos = n; return false }
                    valueStart = pos + 1; valueEnd = j; hasValue = true
                    pos = j + 1
                } else if q != 0x3E {
                    valueStart = pos
                    while pos < n, !Self.isSpace(p[pos]), p[pos] != 0x3E { pos += 1 }
                    valueEnd = pos; hasValue = true
                }
            }
            if end { continue }
            let attrName = lowerString(nameStart, nameEnd)
            // The first of duplicate attributes wins. A linear check is cheapest for real tags; past
            // `maxLinearAttributes` a set keeps a tag with thousands of attributes linear.
            if t.attributes.count < Self.maxLinearAttributes {
                if t.attributes.contains(where: { $0.name == attrName }) { continue }
            } else {
                if seenNames.isEmpty { seenNames = Set(t.attributes.map(\.name)) }
                if !seenNames.insert(attrName).inserted { continue }
            }
            let value = hasValue ? attributeValue(valueStart, valueEnd) : ""
            if t.attributes.isEmpty { t.attributes.reserveCapacity(Self.typicalAttributes) }
            t.attributes.append(HTMLAttribute(name: attrName, value: value))
        }
        t.kind = end ? .endTag : .startTag
        return true
    }

    private mutating func lowerString(_ a: Int, _ b: Int) -> String {
        var plain = true
        for i in a..<b { let c = p[i]; if (c >= 0x41 && c <= 0x5A) || c == 0 { plain = false; break } }
        if plain { return String(decoding: UnsafeBufferPointer(start: p + a, count: b - a), as: UTF8.self) }
        scratch.removeAll(keepingCapacity: true)
        for i in a..<b {
            let c = p[i]
            if c == 0 { scratch.append(contentsOf: [0xEF, 0xBF, 0xBD]) } else { scratch.append(Self.lower(c)) }
        }
        return String(decoding: scratch, as: UTF8.self)
    }

    private mutating func attributeValue(_ a: Int, _ b: Int) -> String {
        let count = b - a
        if count == 0 { return "" }
        let plain = memchr(p + a, 0x26, count) == nil && memchr(p + a, 0x0D, count) == nil && memchr(p + a, 0x00, count) == nil
        if plain { return String(decoding: UnsafeBufferPointer(start: p + a, count: b - a), as: UTF8.self) }
        scratch.removeAll(keepingCapacity: true)
        decode(a, b, inAttribute: true, keepNUL: true, into: &scratch)
        return String(decoding: scratch, as: UTF8.self)
    }

    /// A text token from bytes a..<b; `inRaw`: NUL becomes U+FFFD (in data it is dropped, as the tree builder does).
    private mutating func emitText(_ t: inout HTMLToken, _ a: Int, _ b: Int, decode: Bool, inRaw: Bool) {
        if !decode, memchr(p + a, 0x0D, b - a) == nil, memchr(p + a, 0x00, b - a) == nil {
            // Raw text as it stands (scripts, styles): no copy through the scratch buffer.
            t.kind = .text
            var i = a
            while i < b, Self.isSpace(p[i]) { i += 1 }
            t.isWhitespace = i == b
            t.text = string(a, b)
            return
        }
        scratch.removeAll(keepingCapacity: true)
        if decode {
            self.decode(a, b, inAttribute: false, keepNUL: inRaw, into: &scratch)
        } else {
            self.decode(a, b, references: false, inAttribute: false, keepNUL: true, into: &scratch)
        }
        t.kind = .text
        t.isWhitespace = !scratch.contains { !Self.isSpace($0) }
        t.text = String(decoding: scratch, as: UTF8.self)
    }

    /// Copies a..<b into `out`, decoding character references, normalising newlines and handling NUL.
    private func decode(_ a: Int, _ b: Int, references: Bool = true, inAttribute: Bool, keepNUL: Bool,
                        into out: inout [UInt8]) {
        var i = a
        while i < b {
            let c = p[i]
            switch c {
            case 0x0D:
                out.append(0x0A)
                i += (i + 1 < b && p[i + 1] == 0x0A) ? 2 : 1
            case 0x00:
                if keepNUL { out.append(contentsOf: [0xEF, 0xBF, 0xBD]) }
                i += 1
            case 0x26 where references:
                i = reference(at: i, end: b, inAttribute: inAttribute, into: &out)
            default:
                out.append(c)
                i += 1
            }
        }
    }

    /// At `&`: appends the referenced character (or the `&` itself) and returns the index after what was read.
    private func reference(at i: Int, end b: Int, inAttribute: Bool, into out: inout [UInt8]) -> Int {
        var j = i + 1
        if j < b, p[j] == 0x23 {  // '#'
            j += 1
            var hex = false
            if j < b, p[j] | 0x20 == 0x78 { hex = true; j += 1 }
            var value: UInt32 = 0
            var digits = 0
            while j < b {
                let c = p[j]
                var d: UInt32
                if c >= 0x30 && c <= 0x39 { d = UInt32(c - 0x30) }
                else if hex, (c | 0x20) >= 0x61, (c | 0x20) <= 0x66 { d = UInt32((c | 0x20) - 0x61 + 10) }
                else { break }
                value = min(value &* (hex ? 16 : 10) &+ d, 0x110000)
                digits += 1
                j += 1
            }
            guard digits > 0 else { out.append(0x26); return i + 1 }
            if j < b, p[j] == 0x3B { j += 1 }
            var scalar = value
            if scalar == 0 || scalar > 0x10FFFF || (scalar >= 0xD800 && scalar <= 0xDFFF) { scalar = 0xFFFD }
            else if scalar >= 0x80 && scalar <= 0x9F { scalar = NamedEntities.windows1252[Int(scalar - 0x80)] }
            Self.appendUTF8(scalar, to: &out)
            return j
        }
        while j < b, j - i <= NamedEntities.maxNameLength, Self.isAlnum(p[j]) { j += 1 }
        let length = j - i - 1
        guard length > 0 else { out.append(0x26); return i + 1 }
        if j < b, p[j] == 0x3B,
           let e = NamedEntities.table[String(decoding: UnsafeBufferPointer(start: p + i + 1, count: length), as: UTF8.self)] {
            Self.appendUTF8(e.scalar, to: &out)
            return j + 1
        }
        // Without a semicolon only the legacy names count, longest first.
        var len = min(length, 6)
        while len >= 2 {
            let name = String(decoding: UnsafeBufferPointer(start: p + i + 1, count: len), as: UTF8.self)
            if let e = NamedEntities.table[name], e.legacy {
                let after = i + 1 + len
                if inAttribute, after < b, p[after] == 0x3D || Self.isAlnum(p[after]) { break }
                Self.appendUTF8(e.scalar, to: &out)
                return after
            }
            len -= 1
        }
        out.append(0x26)
        return i + 1
    }

    static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        switch v {
        case 0..<0x80: out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (v >> 6))); out.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (v >> 12))); out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (v >> 18))); out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F))); out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }
}
