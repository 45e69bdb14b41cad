import Foundation

/// A list that closes an article (tour dates, standings, "Qualified teams"): a heading and a run of short
/// lines of the same shape. Each line is cheap chrome-like text on its own, so the main block stops before
/// it; the shared shape is what tells it from a menu.
enum ListContinuation {
    /// Lines of a list share these marks; a menu's items share none of them.
    struct Shape: OptionSet {
        let rawValue: Int
        static let digit = Shape(rawValue: 1)
        static let colon = Shape(rawValue: 2)
        static let dash = Shape(rawValue: 4)
        static let parenthesis = Shape(rawValue: 8)
        static let comma = Shape(rawValue: 16)

        init(rawValue: Int) { self.rawValue = rawValue }

        init(_ text: String) {
            var s: Shape = []
            if text.contains(where: \.isNumber) { s.insert(.digit) }
            if text.contains(":") { s.insert(.colon) }
            if text.contains(" – ") || text.contains(" — ") || text.contains(" -- ") || text.contains(" - ") { s.insert(.dash) }
            if text.contains("(") { s.insert(.parenthesis) }
            if text.contains(",") { s.insert(.comma) }
            self = s
        }
    }

    /// A list needs this many items of one shape (two could be a menu pair; three are a pattern).
    static let minItems = 3
    /// List items are phrases; one-word items are file names, tags or menu entries.
    static let minItemWords = 2
    /// Heading lines allowed between the body and the list ("The Doobie Brothers Tour Dates").
    static let maxHeadingLines = 1

    /// The index of the last line of a list that starts right after `end`, if there is one.
    static func extend(after end: Int, lines: [ScrapeLine], kinds: [LineKind]) -> Int? {
        var start = end + 1
        var best: Int?
        for _ in 0...maxHeadingLines {
            guard start < lines.count, kinds[start].isContent else { return best }
            var common = Shape(lines[start].text)
            var j = start + 1
            while j < lines.count, kinds[j].isContent, lines[j].text.split(separator: " ").count >= minItemWords {
                let next = common.intersection(Shape(lines[j].text))
                if next.isEmpty { break }
                common = next
                j += 1
            }
            if j - start >= minItems && !common.isEmpty { best = j - 1; break }
            start += 1
        }
        return best
    }
}
