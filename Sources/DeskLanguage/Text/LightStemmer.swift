/// A light English suffix stemmer: plurals, "-ed", "-ing", "-ly", final "e" and "y".
///
/// Conflates the common inflections of news vocabulary ("killed", "kills", "killing" → "kill";
/// "countries", "country" → "countri") without Porter's derivational steps. Stems are index keys,
/// not words. Works on lower-cased ASCII; other words are returned unchanged.
enum LightStemmer {
    /// Words shorter than this are left alone.
    static let minimumLength = 4
    /// A stem must keep at least this many letters after a suffix is removed.
    static let minimumStem = 3

    static func stem(_ word: String) -> String {
        guard word.utf8.count >= minimumLength, word.utf8.allSatisfy({ $0 >= 97 && $0 <= 122 }) else { return word }
        var w = Array(word.utf8)
        // Plurals.
        if ends(w, "sses") { w.removeLast(2) }
        else if ends(w, "ies"), w.count > 4 { w.removeLast(3); w.append(ascii("i")) }
        else if ends(w, "s"), !ends(w, "ss"), !ends(w, "us"), !ends(w, "is"), w.count > minimumStem + 1 { w.removeLast() }
        // Verb endings.
        var stripped = false
        if ends(w, "eed") {
            // "agreed" → "agree"; "need" stays.
            if w.count > 5 { w.removeLast() }
        } else if ends(w, "ed"), hasVowel(w.dropLast(2)), w.count - 2 >= minimumStem {
            w.removeLast(2); stripped = true
        } else if ends(w, "ing"), hasVowel(w.dropLast(3)), w.count - 3 >= minimumStem {
            w.removeLast(3); stripped = true
        } else if ends(w, "ly"), w.count - 2 >= minimumStem + 1 {
            w.removeLast(2)
        }
        if stripped {
            // "stopped" → "stop"; keep "ll", "ss", "zz" ("killed" → "kill").
            if w.count >= 2, w[w.count - 1] == w[w.count - 2], !isVowel(w[w.count - 1]),
               ![ascii("l"), ascii("s"), ascii("z")].contains(w[w.count - 1]) {
                w.removeLast()
            }
        }
        // Final "e" and "y": "announce"/"announced" → "announc", "country" → "countri".
        if ends(w, "e"), w.count > minimumStem + 1 { w.removeLast() }
        else if ends(w, "y"), w.count > minimumStem, !isVowel(w[w.count - 2]) { w[w.count - 1] = ascii("i") }
        return String(decoding: w, as: UTF8.self)
    }

    @inline(__always) private static func ascii(_ c: Unicode.Scalar) -> UInt8 { UInt8(c.value) }

    private static func ends(_ w: [UInt8], _ suffix: StaticString) -> Bool {
        let n = suffix.utf8CodeUnitCount
        guard w.count >= n else { return false }
        let p = suffix.utf8Start
        for k in 0..<n where w[w.count - n + k] != p[k] { return false }
        return true
    }

    private static func isVowel(_ c: UInt8) -> Bool {
        c == 97 || c == 101 || c == 105 || c == 111 || c == 117
    }

    private static func hasVowel<C: Collection>(_ w: C) -> Bool where C.Element == UInt8 {
        w.contains { isVowel($0) || $0 == 121 }
    }
}
