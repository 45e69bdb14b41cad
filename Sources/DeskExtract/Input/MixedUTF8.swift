/// Text that is UTF-8 but for a few stray bytes, as when a windows-1252 snippet (an ad, a pasted quote)
/// lands in a UTF-8 page. Reading the whole page as windows-1252 would garble every UTF-8 character;
/// reading the valid sequences as UTF-8 and each stray byte as windows-1252 garbles nothing.
enum MixedUTF8 {
    /// Share of non-ASCII sequences that must be valid UTF-8 for bytes to count as UTF-8 with strays:
    /// legacy CJK text forms valid UTF-8 pairs by chance (8–23% of its sequences on the charset
    /// fixtures), single-byte legacy text none; 60% sits well above both and still lets a short UTF-8
    /// snippet with one stray byte through.
    static let minValidShare = 0.6

    /// Counts valid multi-byte UTF-8 sequences and invalid bytes.
    static func census(_ bytes: [UInt8]) -> (valid: Int, invalid: Int) {
        var valid = 0
        var invalid = 0
        var i = 0
        while i < bytes.count {
            if bytes[i] < 0x80 { i += 1; continue }
            if let n = sequenceLength(bytes, i) { valid += 1; i += n } else { invalid += 1; i += 1 }
        }
        return (valid, invalid)
    }

    static func isMostlyUTF8(_ bytes: [UInt8]) -> Bool {
        let (valid, invalid) = census(bytes)
        return valid > 0 && Double(valid) / Double(valid + invalid) >= minValidShare
    }

    static func decode(_ bytes: [UInt8]) -> String {
        var text = ""
        text.reserveCapacity(bytes.count)
        var i = 0
        var start = 0
        while i < bytes.count {
            if bytes[i] < 0x80 { i += 1; continue }
            if let n = sequenceLength(bytes, i) { i += n; continue }
            text += String(decoding: bytes[start..<i], as: UTF8.self)
            text += Windows1252.decode(bytes[i...i])
            i += 1
            start = i
        }
        text += String(decoding: bytes[start..<i], as: UTF8.self)
        return text
    }

    /// Length of the well-formed UTF-8 sequence at `i` (Unicode Table 3-7), nil if there is none.
    static func sequenceLength(_ bytes: [UInt8], _ i: Int) -> Int? {
        let b = bytes[i]
        func cont(_ k: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
            i + k < bytes.count && range.contains(bytes[i + k])
        }
        switch b {
        case 0xC2...0xDF: return cont(1) ? 2 : nil
        case 0xE0: return cont(1, 0xA0...0xBF) && cont(2) ? 3 : nil
        case 0xE1...0xEC, 0xEE...0xEF: return cont(1) && cont(2) ? 3 : nil
        case 0xED: return cont(1, 0x80...0x9F) && cont(2) ? 3 : nil
        case 0xF0: return cont(1, 0x90...0xBF) && cont(2) && cont(3) ? 4 : nil
        case 0xF1...0xF3: return cont(1) && cont(2) && cont(3) ? 4 : nil
        case 0xF4: return cont(1, 0x80...0x8F) && cont(2) && cont(3) ? 4 : nil
        default: return nil
        }
    }
}
