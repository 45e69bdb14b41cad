extension Text {
    /// `s.lowercased()` without the Unicode case machinery for all-ASCII strings (class lists, attribute
    /// values, tag words): those are returned as they stand when they hold no capital, else lowered byte by
    /// byte. Any other string goes through `lowercased()`, so the answer is always the same.
    static func lowercased(_ s: String) -> String {
        var copy = s
        let state = copy.withUTF8 { p -> UInt8 in  // 0: plain ASCII, 1: ASCII with capitals, 2: other
            var upper = false
            for b in p {
                if b >= 0x80 { return 2 }
                if b >= 0x41 && b <= 0x5A { upper = true }
            }
            return upper ? 1 : 0
        }
        switch state {
        case 0: return s
        case 1:
            return copy.withUTF8 { p in
                String(unsafeUninitializedCapacity: p.count) { out in
                    for i in 0..<p.count {
                        let b = p[i]
                        out[i] = b >= 0x41 && b <= 0x5A ? b + 32 : b
                    }
                    return p.count
                }
            }
        default: return s.lowercased()
        }
    }
}
