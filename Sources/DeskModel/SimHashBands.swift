/// The banding of a 64-bit SimHash for the near-duplicate index (LSH): 4 bands of 16 bits, the band's
/// number in the high bits of the key. Two hashes within 3 bits of each other share at least one band.
public enum SimHashBands {
    public static let count = 4

    public static func keys(_ simhash: UInt64) -> [Int64] {
        (0..<count).map { band in Int64(band) << 16 | Int64((simhash >> UInt64(band * 16)) & 0xFFFF) }
    }
}
