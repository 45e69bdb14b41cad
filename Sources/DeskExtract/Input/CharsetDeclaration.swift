/// What a document says about its own charset: `<meta charset>`, `<meta http-equiv="Content-Type"
/// content="…; charset=…">` (or any `<meta content>` naming a charset), or an XML declaration's
/// `encoding`. Read from the first bytes as ASCII, as the HTML prescan does.
enum CharsetDeclaration {
    /// How far to look. The HTML standard prescans 1024 bytes; real pages often put long inline scripts
    /// and styles before their meta tags, so 4 KB (the figure the decoder has always used) is read.
    static let prescanBytes = 4096

    /// The `<meta>` declaration, if any.
    static func meta(in bytes: [UInt8]) -> String? {
        let head = asciiLowercased(bytes.prefix(prescanBytes))
        var index = head.startIndex
        while index < head.endIndex {
            if head[index...].starts(with: "<!--".utf8) {
                index = find("-->", in: head, from: index + 4).map { $0 + 3 } ?? head.endIndex
                continue
            }
            if head[index...].starts(with: "<meta".utf8), index + 5 < head.endIndex, isSpaceOrSlash(head[index + 5]) {
                let end = head[(index + 5)...].firstIndex(of: UInt8(ascii: ">")) ?? head.endIndex
                let attributes = parseAttributes(Array(head[(index + 5)..<end]))
                if let charset = attributes["charset"], !charset.isEmpty { return charset }
                if let content = attributes["content"], let charset = charsetParameter(in: content) { return charset }
                index = end
                continue
            }
            index += 1
        }
        return nil
    }

    /// `<?xml version="1.0" encoding="…"?>` at the very start.
    static func xml(in bytes: [UInt8]) -> String? {
        let head = asciiLowercased(bytes.prefix(256))
        guard head.starts(with: "<?xml".utf8), let end = find("?>", in: head, from: 0) else { return nil }
        return parseAttributes(Array(head[5..<end]))["encoding"]
    }

    /// The `charset` parameter of a Content-Type value (`text/html; charset="EUC-KR"`).
    static func charsetParameter(in content: String) -> String? {
        let lowered = content.lowercased()
        guard let range = lowered.range(of: "charset") else { return nil }
        var rest = lowered[range.upperBound...].drop { $0 == " " || $0 == "\t" }
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" || $0 == "\"" || $0 == "'" }
        let name = rest.prefix { !($0 == "\"" || $0 == "'" || $0 == ";" || $0 == " " || $0 == "," || $0 == ">") }
        return name.isEmpty ? nil : String(name)
    }

    private static func asciiLowercased<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
        bytes.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }
    }

    private static func isSpaceOrSlash(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D || b == 0x2F
    }

    private static func find(_ needle: String, in bytes: [UInt8], from start: Int) -> Int? {
        let pattern = Array(needle.utf8)
        guard bytes.count >= pattern.count, start <= bytes.count - pattern.count else { return nil }
        for i in start...(bytes.count - pattern.count) where bytes[i..<(i + pattern.count)].elementsEqual(pattern) {
            return i
        }
        return nil
    }

    /// name=value pairs, values quoted or bare.
    private static func parseAttributes(_ bytes: [UInt8]) -> [String: String] {
        var result: [String: String] = [:]
        var i = 0
        func skipSpace() { while i < bytes.count, isSpaceOrSlash(bytes[i]) { i += 1 } }
        while i < bytes.count {
            skipSpace()
            let nameStart = i
            while i < bytes.count, !isSpaceOrSlash(bytes[i]), bytes[i] != UInt8(ascii: "=") { i += 1 }
            let name = String(decoding: bytes[nameStart..<i], as: UTF8.self)
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
            guard i < bytes.count, bytes[i] == UInt8(ascii: "=") else {
                if name.isEmpty { i += 1 }
                continue
            }
            i += 1
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
            var value: ArraySlice<UInt8> = []
            if i < bytes.count, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") {
                let quote = bytes[i]
                let start = i + 1
                let end = bytes[start...].firstIndex(of: quote) ?? bytes.count
                value = bytes[start..<end]
                i = min(end + 1, bytes.count)
            } else {
                let start = i
                while i < bytes.count, !isSpaceOrSlash(bytes[i]) || bytes[i] == 0x2F { i += 1 }
                value = bytes[start..<i]
            }
            if !name.isEmpty, result[name] == nil { result[name] = String(decoding: value, as: UTF8.self) }
        }
        return result
    }
}
