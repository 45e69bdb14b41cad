import DeskModel
import Foundation

/// What a single line looks like on its own, before its position on the page is taken into account.
enum LineKind {
    case prose                  // a paragraph of running text
    case text                   // a short sentence (could be body, could be a teaser)
    case short                  // a menu item, label, subhead or table row
    case boilerplate(BoilerplateLexicon.Hit)
    case caption(Caption)
    case byline(String)
    case date(Date, isUpdate: Bool)
    case duplicate              // repeats an earlier line exactly

    var isContent: Bool {
        switch self {
        case .prose, .text, .short: true
        default: false
        }
    }
}

/// jusText-style line classification from length, stopword density and punctuation.
enum LineClassifier {
    /// A paragraph of prose has at least this many characters (jusText's "length_low" is 70; a scrape line is a
    /// whole paragraph, so 80 separates one-sentence paragraphs from long menu items and teaser headlines).
    static let proseMinChars = 80
    /// CJK scripts carry about three times as much per character.
    static let proseMinCharsCJK = 30
    /// Stopword share of prose with our short per-language lists (jusText's 0.30 is for full lists; the lists
    /// here catch roughly half of the function words, so half the threshold).
    static let proseMinStopwordDensity = 0.15
    /// Very long lines are prose even with a lower stopword share (lists, technical text, tables in one line).
    static let longLineChars = 200
    static let longLineMinStopwordDensity = 0.06
    /// A short sentence: at least this long, ending like a sentence.
    static let textMinChars = 30
    static let textMinStopwordDensity = 0.08
    /// An unpunctuated line counts as text with this many words and this stopword share (teaser headlines
    /// and menu items are mostly content words; list items in a body read like sentences).
    static let listItemMinWords = 6
    static let listItemMinStopwordDensity = 0.25

    static func kind(_ line: ScrapeLine, languageKnown: Bool) -> LineKind {
        if let hit = BoilerplateLexicon.classify(line) { return .boilerplate(hit) }
        if let caption = CaptionDetector.detect(line) { return .caption(caption) }
        if let name = BylineDateDetector.byline(line) { return .byline(name) }
        // "— Jane Doe (@jdoe) November 18, 2019" closes an embedded post quoted in the body: content, not a dateline.
        if isEmbedAttribution(line) { return .short }
        if line.wordCount <= 8 || line.charCount < 60, let d = BylineDateDetector.date(line) { return .date(d.date, isUpdate: d.isUpdate) }
        return contentKind(line, languageKnown: languageKnown)
    }

    /// Share of capitalised words (of four letters or more) above which a line is headline-cased: a teaser
    /// or menu entry, not running text.
    static let titleCaseShare = 0.8
    static let titleCaseMinWords = 4

    static func isTitleCased(_ line: ScrapeLine) -> Bool {
        let words = line.text.split(separator: " ").filter { $0.count >= 4 && $0.first!.isLetter }
        guard words.count >= titleCaseMinWords else { return false }
        let capitalised = words.filter { $0.first!.isUppercase }.count
        return Double(capitalised) >= titleCaseShare * Double(words.count)
    }

    static func isEmbedAttribution(_ line: ScrapeLine) -> Bool {
        guard let first = line.text.first, "—–-".contains(first) else { return false }
        return line.text.contains("(@")
    }

    static func contentKind(_ line: ScrapeLine, languageKnown: Bool) -> LineKind {
        if line.charCount < longLineChars, isTitleCased(line) { return .short }
        let minChars = line.isMostlyCJK ? proseMinCharsCJK : proseMinChars
        let density = line.stopwordDensity
        // Paragraphs end like sentences; teaser headlines of the same length do not.
        if line.charCount >= minChars, line.endsLikeSentence || line.charCount >= longLineChars {
            if !languageKnown || line.isMostlyCJK {
                if line.punctuationCount >= 1 || line.endsLikeSentence { return .prose }
            } else if density >= proseMinStopwordDensity || (line.charCount >= longLineChars && density >= longLineMinStopwordDensity) {
                return .prose
            }
        }
        if line.charCount >= textMinChars, line.endsLikeSentence, !languageKnown || density >= textMinStopwordDensity {
            return .text
        }
        // List items and run-in sentences without final punctuation: several words, many of them stopwords.
        if languageKnown, line.charCount >= textMinChars, line.wordCount >= listItemMinWords, density >= listItemMinStopwordDensity {
            return .text
        }
        return .short
    }
}
