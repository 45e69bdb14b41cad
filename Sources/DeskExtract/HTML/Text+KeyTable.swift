extension Text {
    /// `Text.key`'s output bytes for the scalars that fill most non-ASCII text: two-byte UTF-8 (Latin
    /// accents, Greek, Cyrillic, Hebrew, Arabic, no-break space, ©) and General Punctuation (curly quotes,
    /// dashes, ellipsis). Computed once with the same Unicode properties `key` asks for each scalar, which
    /// otherwise build a String per scalar (`lowercaseMapping`).
    struct KeyTable: Sendable {
        static let ranges: [Range<UInt32>] = [0x80..<0x800, 0x2000..<0x2070]
        /// Per scalar of `ranges` (in order): where its bytes start in `bytes`; one more entry closes the last.
        private let starts: [Int32]
        private let bytes: [UInt8]

        init() {
            var starts: [Int32] = []
            var bytes: [UInt8] = []
            for range in Self.ranges {
                for v in range {
                    starts.append(Int32(bytes.count))
                    Text.appendKeyBytes(of: v, to: &bytes)
                }
            }
            starts.append(Int32(bytes.count))
            self.starts = starts
            self.bytes = bytes
        }

        /// Appends the key bytes of `v` when the table holds it; false otherwise.
        @inline(__always) func append(_ v: UInt32, to out: inout [UInt8]) -> Bool {
            let i: Int
            if v < 0x800 { i = Int(v) - 0x80 }
            else if v >= 0x2000 && v < 0x2070 { i = 0x800 - 0x80 + Int(v) - 0x2000 }
            else { return false }
            var k = Int(starts[i])
            let end = Int(starts[i + 1])
            while k < end { out.append(bytes[k]); k += 1 }
            return true
        }
    }

    static let keyTable = KeyTable()

    /// What String.lowercased() does to the scalar `v`, then the letter-or-number filter, as UTF-8.
    static func appendKeyBytes(of v: UInt32, to out: inout [UInt8]) {
        guard let u = Unicode.Scalar(v) else { return }
        for m in u.properties.lowercaseMapping.unicodeScalars
        where m.properties.isAlphabetic || m.properties.numericType != nil {
            UTF8.encode(m) { out.append($0) }
        }
    }
}
