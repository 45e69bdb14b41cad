import DeskModel

/// Content fingerprints: an exact content hash and a 64-bit SimHash over word 3-shingles, whose 4 bands of
/// 16 bits are indexed so near-duplicate candidates come from an index lookup, not a scan.
public enum Fingerprint {
    /// Hamming distance at or below which two SimHashes are near-duplicates. 3 of 64 bits is the value
    /// Manku et al. (WWW 2007) found for web-scale near-duplicate detection.
    public static let nearDuplicateBits = 3
    /// Fewer words than this and SimHash is too noisy to trust: only exact matches count then.
    public static let minimumWordsForSimHash = 25

    /// Normalised words: lower-cased runs of letters and digits.
    public static func words(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber { current.append(ch) } else if !current.isEmpty { out.append(current); current = "" }
        }
        if !current.isEmpty { out.append(current) }
        return out
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
