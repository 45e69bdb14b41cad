/// FNV-1a, 64 bits, as 16 hex digits: a stable fingerprint across runs (Swift's `Hasher` is seeded per
/// process), enough to tell whether an entry or page changed since it was last ingested.
enum StableHash {
    static func hex(_ parts: [String?]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in parts {
            for byte in (part ?? "").utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
            hash ^= 0x1F
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
