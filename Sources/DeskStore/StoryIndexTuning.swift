/// Limits of the story index and story titles, the same for every backend so that both place alike.
public enum StoryIndexTuning {
    /// Terms kept in a story's profile: enough to recognise its later articles, few enough that
    /// rewriting the profile per article stays cheap.
    /// Terms kept in a story's profile (the sum of its articles' vectors). Long articles share a story's
    /// topical terms only after their rarer terms, so a short profile misses them: 60 terms split the dated-article
    /// stream into hundreds of stories. 300 keeps the topical core at a bounded size per story.
    public static let storyProfileTerms = 300
    /// Candidate generation for `nearestStories`: the article's heaviest terms, the most recent postings of each,
    /// and how many candidates get an exact cosine. On the dated-article stream, candidates from 16 terms lost
    /// ~1 point of pair-F1 against scoring every story; 32 keeps it.
    public static let candidateTerms = 32
    public static let postingsPerTerm = 200
    public static let candidateStories = 12
    /// The opening headline's standing as title: a later headline replaces it only when its article is at least
    /// this similar to the story (twice the join threshold), i.e. clearly central rather than merely on topic.
    public static let openingTitleScore = 0.2
}
