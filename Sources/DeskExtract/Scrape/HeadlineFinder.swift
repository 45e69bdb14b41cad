import Foundation

/// The headline: a scrape starts with the page title ("Headline - Site Name", "Section | Headline"), and the
/// article repeats the headline on its own line just above the body.
enum HeadlineFinder {
    /// Separators between a headline and the site or section name in a page title.
    static let titleSeparators = [" | ", " - ", " – ", " — ", " :: ", " « ", " » ", " · ", " • "]
    /// A title segment or prefix must have this many words to identify a headline line (shorter pieces are
    /// site and section names such as "Opinion" or "The New York Times").
    static let minMatchWords = 3
    /// A headline line may carry a short kicker or label the title lacks ("Opinion", "Breaking:"); a line
    /// that adds more than this many words is a teaser with its summary run in.
    static let maxExtraWords = 4

    /// Pieces of the title that could be the headline, longest first, normalized.
    static func titleForms(_ title: String) -> [String] {
        var forms = [ScrapeLine.words(title).joined(separator: " ")]
        var pieces = [title]
        for sep in titleSeparators {
            pieces = pieces.flatMap { $0.components(separatedBy: sep) }
        }
        for p in pieces {
            let n = ScrapeLine.words(p).joined(separator: " ")
            if n.split(separator: " ").count >= minMatchWords, !forms.contains(n) { forms.append(n) }
        }
        return forms.sorted { $0.count > $1.count }
    }

    /// The title without site and section names: its longest separator-delimited piece.
    static func cleanTitle(_ title: String) -> String {
        var pieces = [title]
        for sep in titleSeparators { pieces = pieces.flatMap { $0.components(separatedBy: sep) } }
        let best = pieces.max { $0.count < $1.count } ?? title
        return best.trimmingCharacters(in: .whitespaces)
    }

    /// Whether `line` repeats the headline given by the title forms.
    static func matches(_ line: ScrapeLine, forms: [String]) -> Bool {
        guard line.wordCount >= minMatchWords || forms.contains(line.normalized) else { return false }
        let n = line.normalized
        guard !n.isEmpty else { return false }
        for f in forms {
            if n == f { return true }
            // The line is the headline and the title adds the site name, or the reverse (a kicker on the line).
            if line.wordCount >= minMatchWords, f.hasPrefix(n + " ") || f.hasSuffix(" " + n) { return true }
            let formWords = f.split(separator: " ").count
            if n.hasPrefix(f + " ") || n.hasSuffix(" " + f), formWords >= minMatchWords + 1,
               line.wordCount <= formWords + maxExtraWords { return true }
        }
        // Near-identical wording: the title is often a slightly edited version of the headline.
        if line.wordCount >= fuzzyMinWords {
            let lineWords = Set(n.split(separator: " "))
            for f in forms {
                let formWords = Set(f.split(separator: " "))
                guard formWords.count >= fuzzyMinWords else { continue }
                let shared = Double(lineWords.intersection(formWords).count)
                if shared / Double(lineWords.count) >= fuzzyOverlap && shared / Double(formWords.count) >= fuzzyOverlap { return true }
            }
        }
        return false
    }

    /// Fuzzy matching needs this many words (short lines share words by chance) and this share of words in
    /// common both ways (one or two words edited in ten).
    static let fuzzyMinWords = 5
    static let fuzzyOverlap = 0.8

    /// Indices (after the first line) of lines that repeat the headline.
    static func candidates(_ lines: [ScrapeLine]) -> [Int] {
        guard let first = lines.first else { return [] }
        let forms = titleForms(first.text)
        return lines.dropFirst().filter { matches($0, forms: forms) }.map(\.index)
    }

    /// A headline is a handful of words to a long sentence's worth, without a final full stop.
    static let headlineWords = 3...25

    /// Without a title to match, the headline is the nearest headline-shaped line above the body: at most
    /// `maxLinesAbove` content lines up, skipping the standfirst, captions, bylines and dates in between.
    static let maxLinesAbove = 4

    static func nearestAbove(_ start: Int, lines: [ScrapeLine], kinds: [LineKind]) -> Int? {
        var seenContent = 0
        var i = start - 1
        while i >= 1 && seenContent <= maxLinesAbove {
            let line = lines[i]
            switch kinds[i] {
            case .short, .text, .prose:
                let last = line.text.last.map { ".!?…:".contains($0) } ?? true
                if headlineWords.contains(line.wordCount) && !last && line.charCount <= 200 { return i }
                seenContent += 1
            case .boilerplate: return nil
            default: break
            }
            i -= 1
        }
        return nil
    }

    /// Share of the headline's words the page title must contain for a line found by position to be accepted
    /// as the headline when the title itself looks like a title (half: titles add site names and drop words).
    static let minTitleOverlap = 0.5

    /// A line found above the body is the headline if the first line is no real title (a section label such as
    /// "update desk") or the two share most words.
    static func plausible(_ line: ScrapeLine, title: ScrapeLine) -> Bool {
        if title.wordCount < minMatchWords { return true }
        let lineWords = Set(ScrapeLine.words(line.text))
        let titleWords = Set(ScrapeLine.words(title.text))
        guard !lineWords.isEmpty else { return false }
        return Double(lineWords.intersection(titleWords).count) / Double(lineWords.count) >= minTitleOverlap
    }
}
