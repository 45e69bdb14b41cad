/// A fixed table from short words to values, looked up straight from bytes (a run inside a class list) without
/// making a String or hashing one with SipHash: open addressing over FNV-1a hashes, as `HTMLTag.lookup` does.
struct ByteWordTable<Value: Sendable>: Sendable {
    /// All words' bytes one after another; word k is `bytes[starts[k]..<starts[k + 1]]`.
    private let bytes: [UInt8]
    private let starts: [Int32]
    private let values: [Value]
    /// Index of the word plus one; 0 is an empty slot.
    private let slots: [Int32]
    private let mask: Int

    /// `pairs` must not repeat a word. The table keeps at least four slots per word so probe chains stay short.
    init(_ pairs: [(String, Value)]) {
        var size = 16
        while size < pairs.count * 4 { size *= 2 }
        var slots = [Int32](repeating: 0, count: size)
        var bytes: [UInt8] = []
        var starts: [Int32] = []
        for (k, (word, _)) in pairs.enumerated() {
            let key = Array(word.utf8)
            starts.append(Int32(bytes.count))
            bytes += key
            var i = key.withUnsafeBufferPointer { Int(Self.hash($0.baseAddress!, $0.count)) } & (size - 1)
            while slots[i] != 0 { i = (i + 1) & (size - 1) }
            slots[i] = Int32(k + 1)
        }
        starts.append(Int32(bytes.count))
        self.bytes = bytes
        self.starts = starts
        self.values = pairs.map(\.1)
        self.slots = slots
        self.mask = size - 1
    }

    @inline(__always) static func hash(_ p: UnsafePointer<UInt8>, _ count: Int) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for i in 0..<count { h = (h ^ UInt32(p[i])) &* 16_777_619 }
        return h
    }

    /// The value of the word made of exactly these bytes, or nil.
    func lookup(_ p: UnsafePointer<UInt8>, _ count: Int) -> Value? {
        guard count > 0 else { return nil }
        var i = Int(Self.hash(p, count)) & mask
        return slots.withUnsafeBufferPointer { slots in
            starts.withUnsafeBufferPointer { starts in
                bytes.withUnsafeBufferPointer { bytes in
                    while true {
                        let slot = Int(slots[i])
                        if slot == 0 { return nil }
                        let start = Int(starts[slot - 1])
                        if Int(starts[slot]) - start == count {
                            var k = 0
                            while k < count, bytes[start + k] == p[k] { k += 1 }
                            if k == count { return values[slot - 1] }
                        }
                        i = (i + 1) & mask
                    }
                }
            }
        }
    }
}
