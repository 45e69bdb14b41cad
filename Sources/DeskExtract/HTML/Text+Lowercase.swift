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

extension Text {
    /// `lowercased(a) + " " + lowercased(b)`, made in one allocation when both are ASCII (every element's
    /// class and id are joined so for the class-word tests).
    static func lowercasedPair(_ a: String, _ b: String) -> String {
        var a = a, b = b
        let na = a.utf8.count, nb = b.utf8.count
        if na + nb == 0 { return " " }
        let ascii = a.withUTF8 { pa in b.withUTF8 { pb in !pa.contains { $0 >= 0x80 } && !pb.contains { $0 >= 0x80 } } }
        guard ascii else { return lowercased(a) + " " + lowercased(b) }
        return a.withUTF8 { pa in
            b.withUTF8 { pb in
                String(unsafeUninitializedCapacity: na + 1 + nb) { out in
                    @inline(__always) func low(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c + 32 : c }
                    for i in 0..<na { out[i] = low(pa[i]) }
                    out[na] = 0x20
                    for i in 0..<nb { out[na + 1 + i] = low(pb[i]) }
                    return na + 1 + nb
                }
            }
        }
    }
}
