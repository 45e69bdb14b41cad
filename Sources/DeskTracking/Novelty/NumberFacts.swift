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

    public static func numbers(_ text: String) -> Set<String> {
        var out: Set<String> = []
        var digits = ""
        var word = ""
        func flushDigits() {
            while let last = digits.last, last == "." || last == "," { digits.removeLast() }
            if !digits.isEmpty { out.insert(digits.replacingOccurrences(of: ",", with: "")) }
            digits = ""
        }
        func flushWord() {
            if !word.isEmpty, let n = words[word.lowercased()] { out.insert(n) }
            word = ""
        }
        for ch in text {
            if ch.isASCII && ch.isNumber {
                digits.append(ch)
            } else if (ch == "." || ch == ","), !digits.isEmpty {
                digits.append(ch)
            } else {
                flushDigits()
                if ch.isLetter { word.append(ch) } else { flushWord() }
                continue
            }
            flushWord()
        }
        flushDigits()
        flushWord()
        return out
    }
}
