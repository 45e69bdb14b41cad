/// Whitespace and measurement helpers for extracted text.
enum Text {
    /// Unicode White_Space outside ASCII (U+0085, no-break and typographic spaces, separators), plus the
    /// zero-width space and BOM that pages use as invisible spacers.
    @inline(__always) static func isCollapsibleSpace(_ v: UInt32) -> Bool {
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        return isUnicodeSpace(v) || v == 0x200B || v == 0xFEFF
    }

    @inline(__always) static func isUnicodeSpace(_ v: UInt32) -> Bool {
        v == 0x85 || v == 0xA0 || v == 0x1680 || (v >= 0x2000 && v <= 0x200A) || v == 0x2028 || v == 0x2029
            || v == 0x202F || v == 0x205F || v == 0x3000
    }

    /// Decodes the scalar starting at byte `i` of valid UTF-8: (value, length).
    @inline(__always) static func scalar(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
        let b = UInt32(p[i])
        if b < 0x80 { return (b, 1) }
        if b < 0xE0 { return (((b & 0x1F) << 6) | (UInt32(p[i + 1]) & 0x3F), 2) }
        if b < 0xF0 { return (((b & 0x0F) << 12) | ((UInt32(p[i + 1]) & 0x3F) << 6) | (UInt32(p[i + 2]) & 0x3F), 3) }
        return (((b & 0x07) << 18) | ((UInt32(p[i + 1]) & 0x3F) << 12) | ((UInt32(p[i + 2]) & 0x3F) << 6)
                | (UInt32(p[i + 3]) & 0x3F), 4)
    }

    /// Collapses runs of whitespace (including no-break spaces) to one space and trims the ends.
    static func collapse(_ s: String) -> String {
        var s = s
        return s.withUTF8 { p in
            let n = p.count
            // Already collapsed (the common case for short texts): no copy.
            var clean = n == 0 || (p[0] != 0x20 && p[n - 1] != 0x20)
            if clean {
                var prevSpace = false
                for b in p {
                    if b >= 0x80 || (b >= 0x09 && b <= 0x0D) || (b == 0x20 && prevSpace) { clean = false; break }
                    prevSpace = b == 0x20
                }
            }
            if clean { return String(decoding: p, as: UTF8.self) }
            // Written straight into the new string: the output is never longer than the input (a run of spaces
            // becomes at most one byte), and ASCII bytes skip the scalar decoding.
            return String(unsafeUninitializedCapacity: n) { out in
                var o = 0
                var pendingSpace = false
                var i = 0
                while i < n {
                    let b = p[i]
                    if b < 0x80 {
                        i += 1
                        if b == 0x20 || (b >= 0x09 && b <= 0x0D) { pendingSpace = o > 0; continue }
                        if pendingSpace { out[o] = 0x20; o += 1; pendingSpace = false }
                        out[o] = b
                        o += 1
                        continue
                    }
                    let (v, len) = scalar(p, i)
                    if isCollapsibleSpace(v) {
                        pendingSpace = o > 0
                    } else {
                        if pendingSpace { out[o] = 0x20; o += 1; pendingSpace = false }
                        for k in 0..<len { out[o + k] = p[i + k] }
                        o += len
                    }
                    i += len
                }
                return o
            }
        }
    }

    /// Non-whitespace character count (so markup indentation does not count as text) and comma count.
    static func measure(_ s: String) -> (chars: Int, commas: Int) {
        var s = s
        return s.withUTF8 { p in
            var chars = 0, commas = 0
            var i = 0
            let n = p.count
            while i < n {
                let b = p[i]
                if b < 0x80 {
                    i += 1
                    if b == 0x20 || (b >= 0x09 && b <= 0x0D) { continue }
                    chars += 1
                    if b == 0x2C { commas += 1 }
                    continue
                }
                let (v, len) = scalar(p, i)
                i += len
                if isUnicodeSpace(v) { continue }
                chars += 1
                switch v {
                case 0x060C, 0xFE50, 0xFE10, 0xFE11, 0x2E41, 0x2E34, 0x2E32, 0xFF0C, 0x3001: commas += 1
                default: break
                }
            }
            return (chars, commas)
        }
    }

    /// Whitespace-separated words, not counting web addresses (words containing "://" or starting "www.").
    static func wordsExceptAddresses(_ s: String) -> Int {
        var s = s
        return s.withUTF8 { p in
            var count = 0
            var i = 0
            let n = p.count
            while i < n {
                // Skip whitespace.
                while i < n {
                    let (v, len) = scalar(p, i)
                    if !(v < 0x80 ? (v == 0x20 || (v >= 0x09 && v <= 0x0D)) : isUnicodeSpace(v)) { break }
                    i += len
                }
                guard i < n else { break }
                let start = i
                var address = false
                while i < n {
                    let (v, len) = scalar(p, i)
                    if v < 0x80 ? (v == 0x20 || (v >= 0x09 && v <= 0x0D)) : isUnicodeSpace(v) { break }
                    if v == 0x3A, i + 2 < n, p[i + 1] == 0x2F, p[i + 2] == 0x2F { address = true }
                    i += len
                }
                if i - start >= 4, p[start] == 0x77, p[start + 1] == 0x77, p[start + 2] == 0x77, p[start + 3] == 0x2E {
                    address = true
                }
                if !address { count += 1 }
            }
            return count
        }
    }

    /// Byte-wise substring test (the same answer as `String.contains` for the ASCII patterns we match, without
    /// Foundation's locale-aware search).
    static func contains(_ hay: String, _ needle: String) -> Bool {
        let h = hay.utf8, nd = needle.utf8
        if nd.isEmpty { return true }
        if h.count < nd.count { return false }
        return h.withContiguousStorageIfAvailable { hp in
            nd.withContiguousStorageIfAvailable { np in
                let m = np.count, first = np[0]
                var i = 0
                let last = hp.count - m
                while i <= last {
                    if hp[i] == first {
                        var k = 1
                        while k < m, hp[i + k] == np[k] { k += 1 }
                        if k == m { return true }
                    }
                    i += 1
                }
                return false
            } ?? hay.contains(needle)
        } ?? hay.contains(needle)
    }

    /// Whether `v` is in Foundation's `CharacterSet.whitespacesAndNewlines` (Unicode White_Space minus
    /// nothing: ASCII tab to carriage return, space, and the `isUnicodeSpace` scalars).
    @inline(__always) static func isTrimmableSpace(_ v: UInt32) -> Bool {
        v < 0x80 ? (v == 0x20 || (v >= 0x09 && v <= 0x0D)) : isUnicodeSpace(v)
    }

    /// `s.trimmingCharacters(in: .whitespacesAndNewlines)` on bytes: no copy when nothing is trimmed.
    static func trimmed(_ s: String) -> String {
        var copy = s
        let (start, end, n) = copy.withUTF8 { p -> (Int, Int, Int) in
            let n = p.count
            var start = 0
            while start < n {
                let (v, len) = scalar(p, start)
                if !isTrimmableSpace(v) { break }
                start += len
            }
            var end = n
            while end > start {
                // Step back to the first byte of the last scalar (skip continuation bytes 10xxxxxx).
                var k = end - 1
                while k > start, p[k] & 0xC0 == 0x80 { k -= 1 }
                if !isTrimmableSpace(scalar(p, k).0) { break }
                end = k
            }
            return (start, end, n)
        }
        if start == 0, end == n { return s }
        let u = s.utf8
        return String(Substring(u[u.index(u.startIndex, offsetBy: start)..<u.index(u.startIndex, offsetBy: end)]))
    }

    /// Whether `s` is all ASCII (one pass over its bytes).
    static func isASCII(_ s: String) -> Bool {
        s.utf8.allSatisfy { $0 < 0x80 }
    }

    /// Byte offset of the first occurrence of `needle` in `hay` (a byte-wise `range(of:)` for the ASCII
    /// and fixed patterns we look for), or nil.
    static func firstOffset(of needle: String, in hay: String) -> Int? {
        var h = hay, nd = needle
        return h.withUTF8 { hp in
            nd.withUTF8 { np in
                let m = np.count, n = hp.count
                if m == 0 { return 0 }
                if n < m { return nil }
                var i = 0
                while i <= n - m {
                    if hp[i] == np[0] {
                        var k = 1
                        while k < m, hp[i + k] == np[k] { k += 1 }
                        if k == m { return i }
                    }
                    i += 1
                }
                return nil
            }
        }
    }

    /// Byte offset of the last occurrence of `needle` lying wholly in bytes `lower..<upper` of `hay`
    /// (a byte-wise backwards `range(of:range:)`), or nil.
    static func lastOffset(of needle: String, in hay: String, from lower: Int = 0, to upper: Int? = nil) -> Int? {
        var h = hay, nd = needle
        return h.withUTF8 { hp in
            nd.withUTF8 { np in
                let m = np.count, end = min(upper ?? hp.count, hp.count)
                if m == 0 { return end }
                var i = end - m
                while i >= lower {
                    if hp[i] == np[0] {
                        var k = 1
                        while k < m, hp[i + k] == np[k] { k += 1 }
                        if k == m { return i }
                    }
                    i -= 1
                }
                return nil
            }
        }
    }

    /// Whether the bytes of `s` start with those of `prefix` (`s.utf8.starts(with: prefix.utf8)`, without
    /// the generic sequence walk).
    static func hasBytePrefix(_ s: String, _ prefix: String) -> Bool {
        var s = s, prefix = prefix
        return s.withUTF8 { sp in
            prefix.withUTF8 { pp in
                guard sp.count >= pp.count else { return false }
                var i = 0
                while i < pp.count { if sp[i] != pp[i] { return false }; i += 1 }
                return true
            }
        }
    }

    /// Whether `hay`, with ASCII capitals lowered, contains `needle` (lower-case), without building the
    /// lowered copy. For lower-case needles without "k" this answers as `hay.lowercased()` searched
    /// byte-wise: outside ASCII only the Kelvin sign lowers to an ASCII letter alone ("k"; "İ" lowers to
    /// "i" plus a combining dot, which no needle holds).
    static func containsLowered(_ hay: String, _ needle: String) -> Bool {
        var h = hay, nd = needle
        return h.withUTF8 { hp in
            nd.withUTF8 { np in
                let m = np.count, n = hp.count
                if m == 0 { return true }
                if n < m { return false }
                @inline(__always) func low(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 32 : b }
                var i = 0
                while i <= n - m {
                    if low(hp[i]) == np[0] {
                        var k = 1
                        while k < m, low(hp[i + k]) == np[k] { k += 1 }
                        if k == m { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }

    /// The index of byte `offset` of `s`.
    static func index(_ s: String, byteOffset offset: Int) -> String.Index {
        s.utf8.index(s.utf8.startIndex, offsetBy: offset)
    }

    /// Cuts `s` to about `limit` characters for removal records.
    static func truncate(_ s: String, _ limit: Int = 200) -> String {
        characters(in: s, upTo: limit + 1) <= limit ? s : String(s.prefix(limit)) + "…"
    }

    /// Lower-cased letters and digits only, for comparing near-identical strings.
    static func key(_ s: String) -> String {
        var s = s
        let table = keyTable
        return s.withUTF8 { p in
            var out: [UInt8] = []
            out.reserveCapacity(p.count)
            var i = 0
            while i < p.count {
                let b = p[i]
                if b < 0x80 {
                    i += 1
                    let l = b >= 0x41 && b <= 0x5A ? b + 32 : b
                    if (l >= 0x61 && l <= 0x7A) || (l >= 0x30 && l <= 0x39) { out.append(l) }
                    continue
                }
                let (v, len) = scalar(p, i)
                i += len
                // What String.lowercased() does scalar by scalar, then the letter-or-number filter.
                if !table.append(v, to: &out) { appendKeyBytes(of: v, to: &out) }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
