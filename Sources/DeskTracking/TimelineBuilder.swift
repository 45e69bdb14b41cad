import DeskModel
import Foundation

/// Dated events an article adds to its story: each new sentence that names a day or month, dated by
/// that expression (event time, not publication time); the article's lead, if new, dated by publication.
public enum TimelineBuilder {
    public static func entries(_ analyzed: AnalyzedArticle, placed: [Placement.PlacedSentence]) -> [Placement.TimelineEntry] {
        var out: [Placement.TimelineEntry] = []
        var leadDated = false
        for (sentence, verdict) in zip(analyzed.sentences, placed) where verdict.novelty != .restated {
            if let date = sentence.times.first(where: { $0.kind == .date && TimeValue.isTimelineDate($0.value) }) {
                out.append(.init(date: date.value, sentenceIndex: sentence.index))
                if sentence.index == 0 { leadDated = true }
            }
        }
        if !leadDated, let first = placed.first, first.novelty == .new, let published = analyzed.article.published?.value {
            out.insert(.init(date: String(published.formatted(.iso8601.year().month().day())), sentenceIndex: first.index), at: 0)
        }
        return out
    }
}
