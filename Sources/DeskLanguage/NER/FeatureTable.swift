/// The model's feature index as an open-addressing hash table over the 64-bit feature hashes.
///
/// The keys are already FNV-1a hashes, so their low bits index the table directly (no second hash, no
/// boxed dictionary entries): one or two probes of a table that fits in the cache, where a `Dictionary`
/// lookup runs SipHash on every key. Decoding looks up about 40 features per token, so this lookup is
/// the tagger's inner loop.
struct FeatureTable: Sendable {
    private let keys: [UInt64]
    private let rows: [Int32]
    private let mask: Int

    /// Slots per stored key, at least: a load factor of 1/4 keeps probe runs short (chosen, not tuned;
    /// at 21k features the table is 128k slots, 1.5 MB).
    static let slotsPerKey = 4

    init(_ index: [UInt64: Int32]) {
        var size = 16
        while size < index.count * Self.slotsPerKey { size <<= 1 }
        var keys = [UInt64](repeating: 0, count: size)
        var rows = [Int32](repeating: -1, count: size)
        let mask = size - 1
        // Insert in key order so the layout does not depend on the dictionary's iteration order.
        for (key, row) in index.sorted(by: { $0.key < $1.key }) {
            var slot = Int(truncatingIfNeeded: key) & mask
            while rows[slot] >= 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            rows[slot] = row
        }
        self.keys = keys
        self.rows = rows
        self.mask = mask
    }

    /// The weight row of a feature, or -1 when the model does not know it.
    @inline(__always) func row(_ key: UInt64) -> Int32 {
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let r = rows[slot]
            if r < 0 || keys[slot] == key { return r }
            slot = (slot + 1) & mask
        }
    }
}
