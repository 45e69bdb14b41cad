import Foundation

/// Bytes to text. The charset is taken, in this order, from a byte-order mark, the HTTP Content-Type a
/// caller passes, the page's `<meta>` declaration, an XML declaration, and else from the bytes: valid
/// UTF-8 is UTF-8, anything else a cheap statistical guess (`CharsetGuesser`) that falls back to
/// windows-1252. Declarations lie: bytes that are valid UTF-8 (with non-ASCII in them) are read as UTF-8
/// whatever the page says, and a declared charset under which the bytes are invalid is not trusted.
/// Binary data is refused.
public enum TextDecoding {
    public enum Failure: Error, Equatable {
        case binary
        case empty
    }

    /// Share of control bytes (other than tab, newline, carriage return, form feed) above which input is
    /// binary. Real text has none; 1% tolerates a stray NUL or two in scraped text.
    static let binaryControlShare = 0.01
    /// Share of the non-ASCII bytes a declared charset may find invalid and still be believed: text
    /// really in that charset has none; 1% tolerates a damaged byte or a truncated tail.
    static let maxDeclaredInvalidShare = 0.01

    public static func decode(_ data: Data, declared: String? = nil) throws(Failure) -> String {
        try decodeReporting(data, declared: declared).text
    }

    /// Decodes, and says which encoding was used when it was guessed rather than declared or UTF-8.
    /// `declared` is a charset from outside the bytes, e.g. the `charset` of an HTTP Content-Type header
    /// (a whole header value is accepted too).
    public static func decodeReporting(_ data: Data, declared: String? = nil) throws(Failure) -> (text: String, fallback: String?) {
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

        let utf8 = String(validatingUTF8Bytes: bytes)
        // ASCII alone is valid UTF-8 but says nothing against a declaration (ISO-2022-JP is all ASCII).
        let provenUTF8 = bytes.contains { $0 >= 0x80 } ? utf8 : nil
        for label in declarations(bytes, declared: declared) {
            guard let charset = Charset(label: label) else { continue }
            if let provenUTF8 { return (provenUTF8, nil) }  // valid UTF-8 is UTF-8, whatever the page claims
            if charset == .utf8 { continue }    // claims UTF-8 but is not: a weaker declaration, else the bytes, decide
            if let text = decode(bytes, as: charset, maxInvalidShare: maxDeclaredInvalidShare) { return (text, nil) }
        }
        if provenUTF8 == nil, hasISO2022JPEscapes(bytes), let text = decode(bytes, as: .iconv("ISO-2022-JP"), maxInvalidShare: maxDeclaredInvalidShare) {
            return (text, "no charset declared; read as ISO-2022-JP")
        }
        if let utf8 { return (utf8, nil) }
        if MixedUTF8.isMostlyUTF8(bytes) {
            return (MixedUTF8.decode(bytes), "not valid UTF-8; stray bytes read as windows-1252")
        }
        let guessed = CharsetGuesser.guess(bytes)
        let text = decode(bytes, as: guessed, maxInvalidShare: 1) ?? Windows1252.decode(bytes)
        return (text, "not valid UTF-8; read as \(guessed.name)")
    }

    /// The charsets named for the bytes, strongest first: HTTP header, `<meta>`, XML declaration.
    static func declarations(_ bytes: [UInt8], declared: String?) -> [String] {
        var labels: [String] = []
        if let declared {
            labels.append(CharsetDeclaration.charsetParameter(in: declared) ?? declared)
        }
        if let meta = CharsetDeclaration.meta(in: bytes) { labels.append(meta) }
        if let xml = CharsetDeclaration.xml(in: bytes) { labels.append(xml) }
        return labels
    }

    /// The bytes in one charset; nil if the charset has no decoder or finds too many bytes invalid.
    static func decode(_ bytes: [UInt8], as charset: Charset, maxInvalidShare: Double) -> String? {
        switch charset {
        case .utf8: return String(validatingUTF8Bytes: bytes)
        case .utf16LE: return String(data: Data(bytes), encoding: .utf16LittleEndian)
        case .utf16BE: return String(data: Data(bytes), encoding: .utf16BigEndian)
        case .windows1252: return Windows1252.decode(bytes)
        case .iconv(let name):
            // The share is of non-ASCII bytes: markup is ASCII in every charset and says nothing.
            let high = max(bytes.count { $0 >= 0x80 }, 1)
            guard let result = IconvDecoder.decode(bytes, from: name),
                  Double(result.invalid) <= maxInvalidShare * Double(high) else { return nil }
            return result.text
        }
    }

    /// ISO-2022-JP is 7-bit: it shows itself by the escapes that switch to JIS X 0208 (ESC $ B, ESC $ @).
    static func hasISO2022JPEscapes(_ bytes: [UInt8]) -> Bool {
        let prefix = bytes.prefix(CharsetGuesser.sampleBytes)
        var i = prefix.startIndex
        while i + 2 < prefix.endIndex {
            if prefix[i] == 0x1B, prefix[i + 1] == 0x24, prefix[i + 2] == 0x42 || prefix[i + 2] == 0x40 { return true }
            i += 1
        }
        return false
    }

    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        let sample = bytes.prefix(65_536)
        var control = 0
        for b in sample where b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x1B {
            control += 1
        }
        return Double(control) / Double(max(sample.count, 1)) > binaryControlShare
    }
}

extension String {
    /// Strict UTF-8 validation (overlong forms and surrogates are rejected).
    init?(validatingUTF8Bytes bytes: [UInt8]) {
        // The standard library's validator works on whole runs of bytes (one copy; ~20× faster than a scalar
        // at a time, which cost more than extracting the page).
        if #available(macOS 15, *) {
            guard let s = String(validating: bytes, as: UTF8.self) else { return nil }
            self = s
            return
        }
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
