import Foundation

/// Finds the main block: the contiguous run of lines with the highest total score, where prose scores by its
/// length and everything else costs a little (menus, labels) or a lot (chrome, end-of-article markers). A
/// maximum-sum segment (Kadane) naturally spans short body lines (subheads, table rows) between paragraphs
/// and stops where a long stretch of chrome begins.
enum MainBlockFinder {
    /// Prose earns 1 plus one point per `proseCharsPerPoint` characters, capped so one huge comment or
    /// legal text does not dominate. Chosen so a typical 300-character paragraph (4 points) outweighs about
    /// six menu items.
    static let proseBase = 1.0
    static let proseCharsPerPoint = 100.0
    static let proseMaxChars = 800.0
    static let textScore = 0.5
    /// A short line between two sentences is a subhead or a one-line paragraph more often than a menu item
    /// (menus and teaser grids stack several short lines): it costs less.
    static let shortAloneScore = -0.2
    static let shortScore = -0.7
    static let metadataScore = -1.0
    static let duplicateScore = -1.5
    static let boilerplateScore = -4.0
    /// Crossing an end-of-article marker ("Related", "Comments", "Share this") costs a little less than one average
    /// paragraph, so only a body that clearly continues afterwards (an inline "Related" box) is joined across it.
    static let endMarkerScore = -3.0
    /// Hard end markers (comments, share bar, "you may also like", tags) are never crossed.
    static let hardEndScore = -1000.0
    /// Short lines carrying numbers are table rows and list data ("June 9 – Tampa, FL"), rarely menu items.
    static let shortDataScore = -0.1

    /// Datelines and bylines after the article has started belong to teasers of other articles.
    static let teaserMetadataScore = -3.0

    static func score(_ kind: LineKind, line: ScrapeLine, betweenSentences: Bool, afterProse: Bool) -> Double {
        switch kind {
        case .prose: return proseBase + min(Double(line.charCount), proseMaxChars) / proseCharsPerPoint
        case .text: return textScore
        case .short:
            if betweenSentences { return shortAloneScore }
            return line.text.contains(where: \.isNumber) ? shortDataScore : shortScore
        case .boilerplate(let hit):
            if hit.isHardEnd { return hardEndScore }
            if hit.isInline { return metadataScore }
            return hit.endsArticle ? endMarkerScore : boilerplateScore
        case .caption: return metadataScore
        case .byline, .date: return afterProse ? teaserMetadataScore : metadataScore
        case .duplicate: return duplicateScore
        }
    }

    /// A run of consecutive non-positive lines costs at most this much in total (hard end markers excepted):
    /// a gallery or an ad block inside an article is one interruption however many lines it prints. About
    /// two and a half average paragraphs, so a short teaser run after the article is still not joined.
    static let maxGapCost = 10.0

    /// Caps every run of non-positive scores at `maxGapCost`, spreading the cap evenly over the run.
    static func capGaps(_ scores: [Double]) -> [Double] {
        var out = scores
        var i = 0
        while i < out.count {
            guard out[i] <= 0 else { i += 1; continue }
            var j = i
            var sum = 0.0
            var hard = false
            while j < out.count, out[j] <= 0 { sum += out[j]; if out[j] <= hardEndScore { hard = true }; j += 1 }
            if !hard, sum < -maxGapCost {
                let factor = maxGapCost / -sum
                for k in i..<j { out[k] *= factor }
            }
            i = j
        }
        return out
    }

    /// The maximum-sum segment of `scores` within `range`; nil when no line scores above zero.
    static func best(_ scores: [Double], in range: Range<Int>) -> ClosedRange<Int>? {
        var bestSum = 0.0
        var bestRange: ClosedRange<Int>?
        var sum = 0.0
        var start = range.lowerBound
        for i in range {
            if sum <= 0 { sum = 0; start = i }
            sum += scores[i]
            if sum > bestSum { bestSum = sum; bestRange = start...i }
        }
        return bestRange
    }

    /// The maximum-sum segment of `scores` within `range` that contains `anchor`.
    static func best(_ scores: [Double], in range: Range<Int>, containing anchor: Int) -> (ClosedRange<Int>, Double) {
        var start = anchor, bestLeft = 0.0, sum = 0.0
        var i = anchor - 1
        while i >= range.lowerBound {
            sum += scores[i]
            if sum > bestLeft { bestLeft = sum; start = i }
            i -= 1
        }
        var end = anchor, bestRight = 0.0
        sum = 0
        i = anchor + 1
        while i < range.upperBound {
            sum += scores[i]
            if sum > bestRight { bestRight = sum; end = i }
            i += 1
        }
        return (start...end, bestLeft + scores[anchor] + bestRight)
    }

    /// The maximum-sum segment that starts inside `starts` and ends before `limit`.
    static func best(_ scores: [Double], startingIn starts: Range<Int>, before limit: Int) -> (ClosedRange<Int>, Double)? {
        var result: (ClosedRange<Int>, Double)?
        for s in starts where scores[s] > 0 {
            var sum = 0.0
            for e in s..<limit {
                sum += scores[e]
                if sum > (result?.1 ?? 0) { result = (s...e, sum) }
            }
        }
        return result
    }

    /// Sum of the scores in a segment.
    static func total(_ scores: [Double], _ segment: ClosedRange<Int>) -> Double {
        segment.reduce(0) { $0 + scores[$1] }
    }
}
