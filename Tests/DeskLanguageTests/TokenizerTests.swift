import Testing
@testable import DeskLanguage

@Suite struct TokenizerTests {
    @Test func wordsKeepInnerApostrophes() {
        #expect(Tokenizer.words("Don't stop: week's end, 2023!").map(String.init) == ["Don't", "stop", "week's", "end", "2023"])
    }

    /// The ASCII shortcut of `isWordScalar` answers as the Unicode properties do, for every ASCII scalar, in and
    /// out of a word.
    @Test func asciiWordScalarsMatchTheirProperties() {
        for v in UInt32(0)..<0x80 {
            let s = Unicode.Scalar(v)!, p = s.properties
            for inWord in [false, true] {
                let reference = p.isAlphabetic || p.numericType != nil || (inWord && p.generalCategory == .nonspacingMark)
                #expect(Tokenizer.isWordScalar(s, inWord: inWord) == reference, "U+\(String(v, radix: 16))")
            }
        }
        #expect(Tokenizer.words("café\u{301}s 42nd ٣ e\u{301}tude").map(String.init) == ["café\u{301}s", "42nd", "٣", "e\u{301}tude"])
    }

    @Test func contentTermsAreLowercasedStemmedWithoutStopwords() {
        #expect(Tokenizer.contentTerms("The attacks killed three soldiers") == ["attack", "kill", "thre", "soldier"])
        #expect(Tokenizer.contentTerms("Israel's countries") == ["israel", "countri"])
        #expect(Tokenizer.contentTerms("It’s Israel’s call, don't wait") == ["israel", "call", "wait"])
    }

    @Test(arguments: [
        ("killed", "kill"), ("kills", "kill"), ("killing", "kill"), ("stopped", "stop"), ("stopping", "stop"),
        ("countries", "countri"), ("country", "countri"), ("announced", "announc"), ("announce", "announc"),
        ("drones", "dron"), ("drone", "dron"), ("agreed", "agre"), ("agree", "agre"), ("news", "news"), ("bus", "bus"), ("analysis", "analysis"),
        ("king", "king"), ("sing", "sing"), ("class", "class"), ("plans", "plan"), ("planned", "plan"),
    ])
    func stemmer(_ pair: (String, String)) {
        #expect(LightStemmer.stem(pair.0) == pair.1)
    }

    /// Strings built from scalars byte by byte equal those the standard library builds, for every UTF-8 length.
    @Test func scalarSlicesEncodeLikeTheStandardLibrary() {
        var rng = SystemRandomNumberGenerator()
        let pools: [ClosedRange<UInt32>] = [0x20...0x7E, 0x80...0x7FF, 0x800...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF]
        for _ in 0..<500 {
            let scalars = (0..<Int.random(in: 0...40, using: &rng)).compactMap { _ in
                Unicode.Scalar(UInt32.random(in: pools.randomElement(using: &rng)!, using: &rng))
            }
            let a = scalars.isEmpty ? 0 : Int.random(in: 0...scalars.count, using: &rng)
            let b = Int.random(in: a...scalars.count, using: &rng)
            #expect(ScalarTokenizer.slice(scalars, a, b) == String(String.UnicodeScalarView(scalars[a..<b])))
        }
        let text = "Café – 日本 🇫🇷 “quoted” naïve"
        let scalars = Array(text.unicodeScalars)
        #expect(ScalarTokenizer.slice(scalars, 0, scalars.count) == text)
    }
}

