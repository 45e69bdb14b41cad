extension Text {
    /// `min(s.count, limit)`: Characters counted no further than `limit` (tests like `s.count >= 20` on long
    /// texts need not walk every grapheme).
    static func characters(in s: String, upTo limit: Int) -> Int {
        // Within a run of ASCII bytes other than CR every byte starts a Character (only CR LF joins two ASCII
        // scalars; combining marks after the run extend its last Character, not the count): when the first
        // `limit` bytes are such a run, no grapheme walk is needed.
        var copy = s
        let ascii = copy.withUTF8 { p -> Int? in
            let n = min(p.count, limit)
            for i in 0..<n where p[i] >= 0x80 || p[i] == 0x0D { return nil }
            return n == limit || n == p.count ? n : nil
        }
        if let ascii { return ascii }
        var n = 0
        var i = s.startIndex
        while n < limit, i < s.endIndex {
            s.formIndex(after: &i)
            n += 1
        }
        return n
    }
}
