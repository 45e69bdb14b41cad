/// The numbers a sentence states ("11", "5,000", "2.5", "eleven"), normalised so that "5,000" and "5000"
/// compare equal. A sentence that repeats an old one with a different number is a changed fact.
public enum NumberFacts {
    /// Number words up to twenty and the tens, written out in news copy ("eleven workers").
    static let words: [String: String] = [
        "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
        "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14", "fifteen": "15",
        "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19", "twenty": "20", "thirty": "30",
        "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80", "ninety": "90", "hundred": "100",
        "dozen": "12", "dozens": "12+",
    ]
    /// Lengths of the number words: a word of any other length is not looked up.
    static let wordLengths = 3...9

    /// A digit run (with the "." and "," inside it) is a number; a run of letters is a word, looked up in
    /// `words` when it is all ASCII. One pass over the text's scalars: this runs for every sentence a story
    /// holds and every sentence placed (it was a third of the place stage when it walked `Character`s).
    public static func numbers(_ text: String) -> Set<String> {
        var out: Set<String> = []
        var digits: [UInt8] = []
        var word: [UInt8] = []
        var wordIsASCII = true
        func flushDigits() {
            while let last = digits.last, last == UInt8(ascii: ".") || last == UInt8(ascii: ",") { digits.removeLast() }
            if !digits.isEmpty {
                digits.removeAll { $0 == UInt8(ascii: ",") }
                out.insert(String(decoding: digits, as: UTF8.self))
                digits.removeAll(keepingCapacity: true)
            }
        }
        func flushWord() {
            if wordIsASCII, wordLengths.contains(word.count), let n = words[String(decoding: word, as: UTF8.self)] { out.insert(n) }
            word.removeAll(keepingCapacity: true)
            wordIsASCII = true
        }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v >= 0x30 && v <= 0x39 {
                digits.append(UInt8(v))
            } else if (v == 0x2E || v == 0x2C), !digits.isEmpty {
                digits.append(UInt8(v))
            } else {
                flushDigits()
                if v < 0x80 {
                    if v >= 0x61 && v <= 0x7A { word.append(UInt8(v)) }
                    else if v >= 0x41 && v <= 0x5A { word.append(UInt8(v) + 0x20) }
                    else { flushWord() }
                } else if isLetter(scalar) {
                    word.append(0)
                    wordIsASCII = false
                } else {
                    flushWord()
                }
                continue
            }
            if !word.isEmpty { flushWord() }
        }
        flushDigits()
        flushWord()
        return out
    }

    /// A letter, or a mark that joins the letter before it.
    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        // Combining marks continue the word they mark ("sevén" is not "seven"), as they did within a Character.
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
