/// A cheap guess at the charset of bytes that are not UTF-8 and say nothing about themselves, from which
/// byte patterns are valid in each candidate and how often the patterns of its language occur.
///
/// Latin text has its non-ASCII bytes alone between ASCII letters; CJK text has them in long runs of
/// two-byte characters. Among the CJK candidates each has a marker no other produces in bulk: kana rows
/// for Japanese (Shift_JIS 0x82/0x83 leads, EUC-JP 0xA4/0xA5 leads), the Hangul block for Korean (EUC-KR
/// leads 0xB0–0xC8), trail bytes below 0x7F for Big5. What is left and valid is read as GB18030.
/// Cyrillic single-byte text is told apart by case: lower-case letters, the bulk of prose, sit at
/// 0xE0–0xFF in windows-1251 and at 0xC0–0xDF in KOI8-R.
enum CharsetGuesser {
    /// Bytes looked at; enough for a steady count, cheap on a large page.
    static let sampleBytes = 65_536
    /// Mean length of a run of non-ASCII bytes below which text is taken as Latin: accented letters in
    /// Western text stand alone (run 1), rarely two together; CJK runs span words or whole clauses, and
    /// Korean words (spaced) are two or more syllables of two bytes each.
    static let latinMaxMeanRun = 2.0
    /// Share of invalid sequences (of all multi-byte characters) a candidate may show and stay in the
    /// running: real text in its own charset has none; 2% tolerates a truncated tail or a stray byte.
    static let maxInvalidShare = 0.02
    /// Share of kana among the two-byte characters above which text is Japanese: news prose is a third or
    /// more kana; Chinese and Korean text decoded as Japanese charsets has almost none.
    static let minKanaShare = 0.15
    /// Share of Hangul syllables (EUC-KR leads 0xB0–0xC8) above which text is Korean: Korean prose is
    /// nearly all Hangul; Chinese in GB2312 spreads its leads over 0xB0–0xF7, about half in that block.
    static let minHangulShare = 0.85
    /// Share of Big5 characters with a trail byte below 0x7F above which text is Big5: about 40% of
    /// Big5 characters have one; GB2312 and EUC-KR never do.
    static let minBig5LowTrailShare = 0.2
    /// Share of letters in the lower-case half that marks a Cyrillic code page (prose is ~90% lower case).
    static let minLowerCaseShare = 0.6
    /// Share of high bytes that must be letters (0xC0–0xFF) before a Cyrillic code page is considered;
    /// Russian prose is nearly all letters there, other single-byte text is not.
    static let minCyrillicLetterShare = 0.8

    static func guess(_ all: [UInt8]) -> Charset {
        let bytes = Array(all.prefix(sampleBytes))
        var runs = 0
        var high = 0
        var inRun = false
        for b in bytes {
            if b >= 0x80 {
                high += 1
                if !inRun { runs += 1 }
                inRun = true
            } else {
                inRun = false
            }
        }
        guard runs > 0 else { return .windows1252 }
        if Double(high) / Double(runs) < latinMaxMeanRun { return .windows1252 }

        if let sjis = scan(bytes, shiftJISLength, marker: { lead, trail in
            (lead == 0x82 && (0x9F...0xF1).contains(trail)) || (lead == 0x83 && (0x40...0x96).contains(trail))
        }), sjis >= minKanaShare {
            return .shiftJIS
        }
        if let euc = scan(bytes, eucJPLength, marker: { lead, _ in lead == 0xA4 || lead == 0xA5 }), euc >= minKanaShare {
            return .eucJP
        }
        if let korean = scan(bytes, eucKRLength, marker: { lead, trail in (0xB0...0xC8).contains(lead) && trail >= 0xA1 }),
           korean >= minHangulShare {
            return .eucKR
        }
        if let big5 = scan(bytes, big5Length, marker: { _, trail in trail < 0x7F }), big5 >= minBig5LowTrailShare {
            return .big5
        }
        if scan(bytes, gb18030Length, marker: { _, _ in true }) != nil { return .gb18030 }
        return cyrillic(bytes) ?? .windows1252
    }

    /// Walks the bytes with a charset's character lengths; nil if too many sequences are invalid, else the
    /// share of two-byte characters that carry the marker.
    static func scan(_ bytes: [UInt8], _ length: ([UInt8], Int) -> Int?, marker: (UInt8, UInt8) -> Bool) -> Double? {
        var i = 0
        var multi = 0
        var marked = 0
        var invalid = 0
        while i < bytes.count {
            if bytes[i] < 0x80 { i += 1; continue }
            guard let n = length(bytes, i) else { invalid += 1; i += 1; continue }
            multi += 1
            if n == 2, marker(bytes[i], bytes[i + 1]) { marked += 1 }
            i += n
        }
        guard multi > 0, Double(invalid) / Double(multi + invalid) <= maxInvalidShare else { return nil }
        return Double(marked) / Double(multi)
    }

    private static func trail(_ bytes: [UInt8], _ i: Int, _ valid: (UInt8) -> Bool) -> Bool {
        i + 1 < bytes.count && valid(bytes[i + 1])
    }

    static func shiftJISLength(_ bytes: [UInt8], _ i: Int) -> Int? {
        let b = bytes[i]
        if (0xA1...0xDF).contains(b) { return 1 }  // half-width katakana
        if (0x81...0x9F).contains(b) || (0xE0...0xFC).contains(b) {
            return trail(bytes, i) { (0x40...0x7E).contains($0) || (0x80...0xFC).contains($0) } ? 2 : nil
        }
        return nil
    }

    static func eucJPLength(_ bytes: [UInt8], _ i: Int) -> Int? {
        let b = bytes[i]
        if b == 0x8E { return trail(bytes, i) { (0xA1...0xDF).contains($0) } ? 2 : nil }
        if b == 0x8F {
            return i + 2 < bytes.count && (0xA1...0xFE).contains(bytes[i + 1]) && (0xA1...0xFE).contains(bytes[i + 2]) ? 3 : nil
        }
        if (0xA1...0xFE).contains(b) { return trail(bytes, i) { (0xA1...0xFE).contains($0) } ? 2 : nil }
        return nil
    }

    /// windows-949: EUC-KR plus the extension rows with Latin-letter and 0x81–0xA0 trail bytes.
    static func eucKRLength(_ bytes: [UInt8], _ i: Int) -> Int? {
        let b = bytes[i]
        guard (0x81...0xFE).contains(b) else { return nil }
        return trail(bytes, i) { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) || (0x81...0xFE).contains($0) } ? 2 : nil
    }

    static func big5Length(_ bytes: [UInt8], _ i: Int) -> Int? {
        let b = bytes[i]
        guard (0x81...0xFE).contains(b) else { return nil }
        return trail(bytes, i) { (0x40...0x7E).contains($0) || (0xA1...0xFE).contains($0) } ? 2 : nil
    }

    static func gb18030Length(_ bytes: [UInt8], _ i: Int) -> Int? {
        let b = bytes[i]
        guard (0x81...0xFE).contains(b), i + 1 < bytes.count else { return nil }
        let t = bytes[i + 1]
        if (0x40...0x7E).contains(t) || (0x80...0xFE).contains(t) { return 2 }
        if (0x30...0x39).contains(t), i + 3 < bytes.count, (0x81...0xFE).contains(bytes[i + 2]), (0x30...0x39).contains(bytes[i + 3]) {
            return 4
        }
        return nil
    }

    /// windows-1251 or KOI8-R when the high bytes are mostly Cyrillic letters (0xC0–0xFF in both).
    static func cyrillic(_ bytes: [UInt8]) -> Charset? {
        var letters = 0
        var upperHalf = 0
        var high = 0
        for b in bytes where b >= 0x80 {
            high += 1
            if b >= 0xC0 {
                letters += 1
                if b >= 0xE0 { upperHalf += 1 }
            }
        }
        guard letters > 0, Double(letters) / Double(high) >= minCyrillicLetterShare else { return nil }
        let share = Double(upperHalf) / Double(letters)
        if share >= minLowerCaseShare { return .windows1251 }
        if share <= 1 - minLowerCaseShare { return .koi8R }
        return nil
    }
}
