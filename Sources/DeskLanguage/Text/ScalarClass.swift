/// Character classes of Unicode scalars with an ASCII fast path. `Unicode.Scalar.properties` looks each
/// scalar up in the Unicode property tables (a function call and a table walk); for ASCII, which is most
/// of the text the taggers read, a range check gives the same answer. Same results as the properties
/// for every scalar.
enum ScalarClass {
    /// Unicode White_Space (ASCII: tab, line feed, vertical tab, form feed, carriage return, space).
    @inline(__always) static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        return s.properties.isWhitespace
    }

    @inline(__always) static func isUppercase(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        return s.properties.isUppercase
    }

    @inline(__always) static func isLowercase(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x61 && v <= 0x7A }
        return s.properties.isLowercase
    }

    /// Unicode Alphabetic (ASCII: the letters only).
    @inline(__always) static func isAlphabetic(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
        return s.properties.isAlphabetic
    }

    /// A nonspacing combining mark (none in ASCII).
    @inline(__always) static func isNonspacingMark(_ s: Unicode.Scalar) -> Bool {
        s.value >= 0x80 && s.properties.generalCategory == .nonspacingMark
    }
}
