import Foundation

/// Bytes to text. UTF-8 (with or without BOM) and UTF-16 with BOM are read as such; HTML may name its
/// charset in `<meta charset>`; otherwise bytes that are not valid UTF-8 are read as windows-1252,
/// the encoding such pages almost always are. Binary data is refused.
public enum TextDecoding {
    public enum Failure: Error, Equatable {
        case binary
        case empty
    }

    /// Share of control bytes (other than tab, newline, carriage return, form feed) above which input is
    /// binary. Real text has none; 1% tolerates a stray NUL or two in scraped text.
    static let binaryControlShare = 0.01

    public static func decode(_ data: Data) throws(Failure) -> String {
        try decodeReporting(data).text
    }

    /// Decodes, and says which encoding was used when it was not UTF-8 (nil for UTF-8).
    public static func decodeReporting(_ data: Data) throws(Failure) -> (text: String, fallback: String?) {
        if data.isEmpty { throw .empty }
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return (String(decoding: bytes.dropFirst(3), as: UTF8.self), nil)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let encoding: String.Encoding = bytes[0] == 0xFF ? .utf16LittleEndian : .utf16BigEndian
            if let text = String(data: Data(bytes.dropFirst(2)), encoding: encoding) { return (text, nil) }
        }
        if looksBinary(bytes) { throw .binary }
        if let declared = declaredCharset(bytes), let encoding = encoding(named: declared), encoding != .utf8,
           let text = String(data: data, encoding: encoding) {
            return (text, nil)
        }
        if let text = String(validatingUTF8Bytes: bytes) { return (text, nil) }
        if let text = String(data: data, encoding: .windowsCP1252) { return (text, "not valid UTF-8; read as windows-1252") }
        return (String(decoding: bytes, as: UTF8.self), "not valid UTF-8; invalid bytes replaced")
    }

    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        let sample = bytes.prefix(65_536)
        var control = 0
        for b in sample where b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x1B {
            control += 1
        }
        return Double(control) / Double(max(sample.count, 1)) > binaryControlShare
    }

    /// `<meta charset="...">` or `content="text/html; charset=..."` in the first 4 KB.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        guard let range = head.range(of: "charset=") else { return nil }
        var name = ""
        for ch in head[range.upperBound...].drop(while: { $0 == "\"" || $0 == "'" || $0 == " " }) {
            if ch.isLetter || ch.isNumber || ch == "-" || ch == "_" { name.append(ch) } else { break }
        }
        return name.isEmpty ? nil : name
    }

    static func encoding(named name: String) -> String.Encoding? {
        switch name {
        case "utf-8", "utf8": return .utf8
        case "windows-1252", "cp1252", "iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii": return .windowsCP1252
        case "iso-8859-2", "latin2": return .isoLatin2
        case "windows-1250", "cp1250": return .windowsCP1250
        case "windows-1251", "cp1251": return .windowsCP1251
        case "shift_jis", "shift-jis", "sjis": return .shiftJIS
        case "euc-jp": return .japaneseEUC
        default: return nil
        }
    }
}

extension String {
    /// Strict UTF-8 validation (overlong forms and surrogates are rejected).
    init?(validatingUTF8Bytes bytes: [UInt8]) {
        var result = ""
        result.reserveCapacity(bytes.count)
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): result.unicodeScalars.append(scalar)
            case .emptyInput: break loop
            case .error: return nil
            }
        }
        self = result
    }
}
