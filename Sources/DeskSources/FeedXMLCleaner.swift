import DeskExtract
import Foundation

/// Repairs what real feeds get wrong before an XML parser sees them, and refuses what must never be
/// parsed. Foundation's `XMLParser` rejects a whole feed for a `&nbsp;`, a bare `&`, a control byte or
/// whitespace before `<?xml`; those are repaired here. A DTD is removed (RSS 0.91 feeds carry Netscape's);
/// one that declares entities is refused, so no entity is ever expanded.
enum FeedXMLCleaner {
    static let xmlEntities: Set<String> = ["amp", "lt", "gt", "quot", "apos"]
    /// Longest name looked up as an entity; beyond it an `&` is bare.
    static let maxEntityName = 32
    /// Most attributes one element may carry. Real feed elements carry fewer than 20; Foundation's `XMLParser`
    /// on Linux is quadratic in the attributes of one element (measured in a release build: 25,000 take 0.28 s,
    /// 100,000 take 4.5 s), so a hostile element is refused here, where 1,024 cost under a millisecond.
    static let maxAttributesPerElement = 1024

    /// UTF-8 XML ready for `XMLParser`: declaration normalised to UTF-8 (the text is already decoded).
    static func clean(_ text: String) throws(FeedError) -> Data {
        var bytes = Array(text.utf8)
        // Leading BOM, whitespace and junk before the first `<`.
        if let first = bytes.firstIndex(of: UInt8(ascii: "<")) { bytes.removeFirst(first) } else {
            throw FeedError(.notAFeed, "no markup")
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        out.append(contentsOf: Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>".utf8))
        var i = 0
        let n = bytes.count
        if startsWith(bytes, at: 0, "<?xml"), let end = find(Array("?>".utf8), in: bytes, from: 0) { i = end + 2 }
        while i < n {
            let b = bytes[i]
            if b == UInt8(ascii: "<") {
                if startsWith(bytes, at: i, "<![CDATA[") {
                    let end = find(Array("]]>".utf8), in: bytes, from: i) ?? n - 3
                    out.append(contentsOf: bytes[i..<min(n, end + 3)])
                    i = end + 3
                    continue
                }
                if startsWith(bytes, at: i, "<!--") {
                    let end = find(Array("-->".utf8), in: bytes, from: i + 4) ?? n - 3
                    i = end + 3
                    continue
                }
                if startsWith(bytes, at: i, "<!DOCTYPE") || startsWith(bytes, at: i, "<!doctype") {
                    let end = endOfDoctype(bytes, from: i)
                    let declaration = Array(bytes[i..<end])
                    if find(Array("<!ENTITY".utf8), in: declaration) != nil { throw FeedError(.entityDeclarations, "<!ENTITY in the DTD") }
                    i = end
                    continue
                }
                if i + 1 < n, isNameByte(bytes[i + 1]), attributeCount(bytes, tagAt: i) > maxAttributesPerElement {
                    throw FeedError(.malformed, "an element has more than \(maxAttributesPerElement) attributes")
                }
                if startsWith(bytes, at: i, "<?xml ") {  // a second declaration (concatenated output)
                    i = (find(Array("?>".utf8), in: bytes, from: i) ?? n - 2) + 2
                    continue
                }
                out.append(b)
                i += 1
            } else if b == UInt8(ascii: "&") {
                i = appendReference(bytes, at: i, to: &out)
            } else if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D {
                i += 1  // control characters are not allowed in XML 1.0
            } else {
                out.append(b)
                i += 1
            }
        }
        return Data(out)
    }

    /// Copies the reference at `bytes[i]` (an `&`) as valid XML and returns the index after it.
    static func appendReference(_ bytes: [UInt8], at i: Int, to out: inout [UInt8]) -> Int {
        var j = i + 1
        let n = bytes.count
        if j < n, bytes[j] == UInt8(ascii: "#") {
            j += 1
            let hex = j < n && (bytes[j] == UInt8(ascii: "x") || bytes[j] == UInt8(ascii: "X"))
            if hex { j += 1 }
            let digitsStart = j
            while j < n, j - digitsStart < 8, isDigit(bytes[j], hex: hex) { j += 1 }
            if j > digitsStart, j < n, bytes[j] == UInt8(ascii: ";"), let value = UInt32(String(decoding: bytes[digitsStart..<j], as: UTF8.self), radix: hex ? 16 : 10),
               isXMLChar(value) {
                out.append(contentsOf: bytes[i...j])
                return j + 1
            }
            out.append(contentsOf: Array("&amp;".utf8))
            return i + 1
        }
        while j < n, j - i <= maxEntityName, isNameByte(bytes[j]) { j += 1 }
        if j > i + 1, j < n, bytes[j] == UInt8(ascii: ";") {
            let name = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
            if xmlEntities.contains(name) {
                out.append(contentsOf: bytes[i...j])
                return j + 1
            }
            if let scalar = CharacterReferences.scalar(named: name) {
                out.append(contentsOf: Array("&#\(scalar.value);".utf8))
                return j + 1
            }
        }
        out.append(contentsOf: Array("&amp;".utf8))
        return i + 1
    }

    /// Attributes of the start tag at `bytes[start]` (its `=` signs outside quoted values), counted only up to
    /// one past the limit so that the scan stays short.
    static func attributeCount(_ bytes: [UInt8], tagAt start: Int) -> Int {
        var count = 0
        var quote: UInt8 = 0
        var i = start + 1
        while i < bytes.count, count <= maxAttributesPerElement {
            let b = bytes[i]
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
            } else if b == UInt8(ascii: "=") {
                count += 1
            } else if b == UInt8(ascii: ">") || b == UInt8(ascii: "<") {
                break
            }
            i += 1
        }
        return count
    }

    /// The index after a `<!DOCTYPE …>` declaration, internal subset included.
    static func endOfDoctype(_ bytes: [UInt8], from start: Int) -> Int {
        var depth = 0
        var i = start
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "]"): depth -= 1
            case UInt8(ascii: ">") where depth <= 0: return i + 1
            default: break
            }
            i += 1
        }
        return bytes.count
    }

    static func isDigit(_ b: UInt8, hex: Bool) -> Bool {
        (b >= 0x30 && b <= 0x39) || (hex && ((b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66)))
    }

    static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    static func isXMLChar(_ v: UInt32) -> Bool {
        v == 0x9 || v == 0xA || v == 0xD || (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v) || (0x10000...0x10FFFF).contains(v)
    }

    static func startsWith(_ bytes: [UInt8], at i: Int, _ prefix: String) -> Bool {
        let p = Array(prefix.utf8)
        guard i + p.count <= bytes.count else { return false }
        for k in 0..<p.count where bytes[i + k] != p[k] { return false }
        return true
    }

    static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int = 0) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var i = start
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0] {
                var k = 1
                while k < needle.count, bytes[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
