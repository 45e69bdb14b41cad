/// A sentence that may go into a story's update for one day: a new fact (or a changed one) with what the
/// ranker weighs.
public struct UpdateCandidate: Sendable, Hashable {
    public var text: String
    /// Term ids in the story's `StoryMemory`, sorted.
    public var terms: [Int32]
    /// The caller's key of the article it came from.
    public var article: Int
    /// Sentence position in its article (0 = lead).
    public var position: Int
    /// Distinct articles that stated it today (itself included).
    public var support: Int
    /// It names the day itself or the day before ("on Tuesday", "yesterday"), as the time tagger resolved it.
    public var datedToday: Bool
    /// It states a different number than an earlier sentence saying otherwise the same.
    public var changedNumber: Bool
    public var words: Int
    /// What else is known of its weight, as a factor (1: nothing). A stored fact's position is gone by the time a
    /// digest ranks it; the novelty judge's importance (lead first, numbers, named entities) stands in for it.
    public var prior: Double

    public init(text: String, terms: [Int32], article: Int, position: Int, support: Int, datedToday: Bool,
                changedNumber: Bool, words: Int, prior: Double = 1) {
        self.text = text
        self.terms = terms
        self.article = article
        self.position = position
        self.support = support
        self.datedToday = datedToday
        self.changedNumber = changedNumber
        self.words = words
        self.prior = prior
    }
}
