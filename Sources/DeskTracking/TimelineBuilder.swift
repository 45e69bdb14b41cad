import DeskModel
import Foundation

/// Dated events of a story. `entries` runs at placement: each new sentence that names a day or month,
/// dated by that expression (event time, not publication time); the article's lead, if new, dated by
/// publication. `summaryItems` + `TimelineSummarizer` turn a story's analysed articles into its timeline:
/// the dates the coverage refers to most, each with the sentence that best states it.
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

    /// The sentences of a story's articles as the summariser reads them: day-precision event dates from the
    /// time tagger, publication day, article and position. Articles without a publication date are left out.
    public static func summaryItems(_ articles: [AnalyzedArticle]) -> [TimelineSummarizer.Item] {
        var out: [TimelineSummarizer.Item] = []
        for (k, a) in articles.enumerated() {
            guard let published = a.article.published?.value else { continue }
            let pub = dayNumber(published)
            for s in a.sentences {
                let mentions = s.times.compactMap { t -> Int? in
                    guard t.kind == .date, t.value.count == 10, let d = TimeValue.start(of: t.value) else { return nil }
                    return dayNumber(d)
                }
                out.append(.init(text: s.text, terms: s.terms, mentions: mentions, published: pub, article: k, position: s.index))
            }
        }
        return out
    }

    public static func dayNumber(_ date: Date) -> Int { Int((date.timeIntervalSince1970 / 86_400).rounded(.down)) }

    public static func dayString(_ day: Int) -> String {
        let c = TimeValue.utc.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(day) * 86_400))
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }
}
