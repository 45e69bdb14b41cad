import DeskModel

/// Content fingerprints: an exact content hash and a 64-bit SimHash over word 3-shingles, whose 4 bands of
/// 16 bits are indexed so near-duplicate candidates come from an index lookup, not a scan.
public enum Fingerprint {
    /// Hamming distance at or below which two SimHashes are near-duplicates. 3 of 64 bits is the value
    /// Manku et al. (WWW 2007) found for web-scale near-duplicate detection.
    public static let nearDuplicateBits = 3
    /// Fewer words than this and SimHash is too noisy to trust: only exact matches count then.
    public static let minimumWordsForSimHash = 25

    /// Normalised words: lower-cased runs of letters and digits (Characters, as `wordsByCharacter` reads them).
    ///
    /// Text is cut where ASCII white space follows an ASCII byte; runs of plain ASCII pieces are read byte by byte,
    /// any other piece by Characters. The words are the same: at such a cut there is a Character boundary and a
    /// separator (white space can begin a cluster with combining marks after it, which stay in its piece, and a
    /// non-ASCII Prepend letter before it keeps the two in one piece), and in ASCII a letter or digit is exactly
    /// [A-Za-z0-9]. (Read by Characters throughout, this was a tenth of the place stage's time.)
    public static func words(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var out: [String] = []
            var asciiFrom: Int?
            func piece(_ start: Int, _ end: Int, ascii: Bool) {
                if ascii {
                    if asciiFrom == nil { asciiFrom = start }
                    return
                }
                if let from = asciiFrom { asciiWords(UnsafeBufferPointer(rebasing: bytes[from..<start]), into: &out) }
                asciiFrom = nil
                out += wordsByCharacter(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
            }
            var start = 0
            var ascii = true
            for i in 0..<bytes.count {
                let b = bytes[i]
                if i > start, isASCIISpace(b), bytes[i - 1] < 0x80 {
                    piece(start, i, ascii: ascii)
                    start = i
                    ascii = true
                }
                if b >= 0x80 { ascii = false }
            }
            piece(start, bytes.count, ascii: ascii)
            if let from = asciiFrom { asciiWords(UnsafeBufferPointer(rebasing: bytes[from..<bytes.count]), into: &out) }
            return out
        }
    }

    /// The reference reading: Character by Character over the lower-cased text.
    static func wordsByCharacter(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber { current.append(ch) } else if !current.isEmpty { out.append(current); current = "" }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    static func isASCIISpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }

    static func asciiWords(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [String]) {
        var i = 0
        while i < bytes.count {
            while i < bytes.count, !isASCIIWordByte(bytes[i]) { i += 1 }
            let start = i
            while i < bytes.count, isASCIIWordByte(bytes[i]) { i += 1 }
            guard i > start else { break }
            out.append(String(unsafeUninitializedCapacity: i - start) { buffer in
                for k in start..<i {
                    let b = bytes[k]
                    buffer[k - start] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
                }
                return i - start
            })
        }
    }

    static func isASCIIWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A)
    }

    /// 128-bit hash of the normalised words, as 32 hex digits: equal for texts that differ only in
    /// case, punctuation and white space.
    public static func contentHash(_ words: [String]) -> String {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325
        var b: UInt64 = 0x8422_2325_cbf2_9ce4
        for w in words {
            for byte in w.utf8 {
                a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
                b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 &+ 0x9E37_79B9
            }
            a = (a ^ 0x20) &* 0x0000_0100_0000_01B3
            b = (b ^ 0x20) &* 0x0000_0100_0000_01B3
        }
        return hex(a) + hex(b)
    }

    static func hex(_ v: UInt64) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    static func fnv(_ s: some Sequence<String>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for w in s {
            for byte in w.utf8 { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            h = (h ^ 0x1F) &* 0x0000_0100_0000_01B3
        }
        // Final avalanche (splitmix64) so nearby inputs spread over all bits.
        h ^= h >> 30; h = h &* 0xbf58_476d_1ce4_e5b9
        h ^= h >> 27; h = h &* 0x94d0_49bb_1331_11eb
        return h ^ (h >> 31)
    }

    public static func simhash(_ words: [String]) -> UInt64 {
        guard words.count >= 3 else { return fnv(words) }
        var counts = [Int](repeating: 0, count: 64)
        for i in 0...(words.count - 3) {
            let h = fnv(words[i..<(i + 3)])
            for bit in 0..<64 { counts[bit] += (h >> UInt64(bit)) & 1 == 1 ? 1 : -1 }
        }
        var out: UInt64 = 0
        for bit in 0..<64 where counts[bit] > 0 { out |= 1 << UInt64(bit) }
        return out
    }

    /// Band keys for the LSH index.
    public static func bands(_ simhash: UInt64) -> [Int64] { SimHashBands.keys(simhash) }

    public static func distance(_ a: UInt64, _ b: UInt64) -> Int { (a ^ b).nonzeroBitCount }
}
