extension Text {
    /// `min(s.count, limit)`: Characters counted no further than `limit` (tests like `s.count >= 20` on long
    /// texts need not walk every grapheme).
    static func characters(in s: String, upTo limit: Int) -> Int {
        var n = 0
        var i = s.startIndex
        while n < limit, i < s.endIndex {
            s.formIndex(after: &i)
            n += 1
        }
        return n
    }
}
