import DeskModel
import Foundation

/// Finds time expressions and resolves them against the publication date (TIMEX3 values).
///
/// Relative expressions ("Monday", "last week", "Sept. 27") are anchored on `anchor`, the publication
/// date, with a past bias (news reports what happened) unless a future cue ("will", "next") stands
/// before them. Expressions relative to the narrative ("the following month", "a year earlier") use
/// the last date mentioned earlier in the same document — see `tagDocument(sentences:anchor:)`.
/// Without an anchor, relative values keep X placeholders ("XXXX-09-27"): never a silent guess.
public struct TimeTagger: Sendable {
    public init() {}

    public func tag(_ sentence: String, anchor: Date?) -> [TimeRef] {
        tagDocument(sentences: [sentence], anchor: anchor)[0]
    }

    /// Tags the sentences of one document in order, carrying the reference time from sentence to sentence.
    public func tagDocument(sentences: [String], anchor: Date?) -> [[TimeRef]] {
        var context = TimeContext(anchorDay: anchor.map(CivilCalendar.dayNumber(of:)))
        return sentences.map { sentence in
            var matcher = TimeMatcher(sentence: sentence, context: context)
            let refs = matcher.run()
            context = matcher.context
            return refs
        }
    }
}

/// What a document has established so far: its anchor and the last date it mentioned.
struct TimeContext: Sendable {
    var anchorDay: Int?
    /// The last resolved date point (the narrative reference time).
    var reference: TimePoint?
}
