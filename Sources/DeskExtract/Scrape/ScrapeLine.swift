import Foundation

/// One non-empty line of a scrape with the cheap text features the classifiers look at.
struct ScrapeLine: Sendable {
    /// Position among the non-empty lines.
    var index: Int
    var text: String
    /// A blank line separates this line from the previous non-empty one.
    var afterBlank: Bool
    var charCount: Int
    var wordCount: Int
    /// Share of words that are stopwords of the page's language (0 when the language is unknown).
    var stopwordDensity: Double
    /// Ends like a sentence: . ! ? … or a closing quote/bracket after one, or a colon.
    var endsLikeSentence: Bool
    /// Count of sentence-internal punctuation (. , ; ! ?) — prose has it, menus rarely do.
    var punctuationCount: Int

    init(index: Int, text: String, afterBlank: Bool, stopwords: Set<String>?) {
        self.index = index
        self.text = text
        self.afterBlank = afterBlank
        self.charCount = text.count
        let words = ScrapeLine.words(text)
        self.wordCount = words.count
        if let stopwords, !words.isEmpty {
            self.stopwordDensity = Double(words.filter { stopwords.contains($0) }.count) / Double(words.count)
        } else {
            self.stopwordDensity = 0
        }
        let trimmed = text.trimmingCharacters(in: CharacterSet(charactersIn: "\"'”’)»]* "))
        self.endsLikeSentence = trimmed.last.map { ".!?…:。！？".contains($0) } ?? false
        self.punctuationCount = text.filter { ".,;!?。，、".contains($0) }.count
    }

    /// Lower-cased word tokens (letters and digits).
    static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "’") }.map(String.init)
    }

    /// Comparable form of a line: lower-cased words only, so punctuation and spacing differences do not matter.
    var normalized: String { ScrapeLine.words(text).joined(separator: " ") }

    /// Writing systems without spaces between words pack more text per character.
    var isMostlyCJK: Bool {
        let cjk = text.unicodeScalars.filter { (0x3040...0x30FF).contains($0.value) || (0x4E00...0x9FFF).contains($0.value) || (0xAC00...0xD7AF).contains($0.value) }.count
        return cjk * 2 > charCount
    }
}

/// Splits a scrape into non-empty trimmed lines, remembering which ones follow a blank line.
enum ScrapeLines {
    static func split(_ text: String, stopwords: Set<String>?) -> [ScrapeLine] {
        var out: [ScrapeLine] = []
        var sawBlank = true
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{00A0}\u{200B}\u{FEFF}")))
            if line.isEmpty { sawBlank = true; continue }
            out.append(ScrapeLine(index: out.count, text: line, afterBlank: sawBlank, stopwords: stopwords))
            sawBlank = false
        }
        return out
    }
}
