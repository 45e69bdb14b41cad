import Foundation

/// Finds the notes that make a new version a correction: "An earlier version of this article misstated ...",
/// "This story has been corrected to ...", "CORRECTION: ...", "(Corrects spelling of name in paragraph 3)",
/// "We regret the error". Phrases are the ones newsrooms' correction policies prescribe (AP, Reuters, the NYT,
/// the Guardian); they are matched on lower-cased text with runs of white space folded.
public enum CorrectionSignals {
    /// Phrases that make a correction note wherever they stand in a sentence.
    static let phrases: [String] = [
        "an earlier version of this", "a previous version of this", "an earlier version of the",
        "a previous version of the", "earlier versions of this", "the original version of this",
        "an earlier version misstated", "an earlier version incorrectly",
        "has been corrected", "was corrected to", "has been updated to correct", "was updated to correct",
        "has been amended to correct", "was amended to correct", "been changed to correct", "corrected to reflect",
        "corrected to show", "corrected to say", "corrected to note", "corrected to remove", "corrected to clarify",
        "we regret the error", "regrets the error", "we apologise for the error", "we apologize for the error",
        "apologises for the error", "apologizes for the error",
    ]
    /// Words that open a correction note at the start of a sentence.
    static let openers: [String] = ["correction:", "corrections:", "clarification:", "correction -", "correction —",
                                    "(corrects ", "(correcting ", "corrects ", "editor's note: this", "editor’s note: this",
                                    "clarification -", "correction appended"]
    /// A sentence that says what an earlier text got wrong: one of these verbs ...
    static let errorVerbs: [String] = ["misstated", "misidentified", "misspelled", "misspelt", "misattributed", "misquoted",
                                       "incorrectly stated", "incorrectly said", "incorrectly reported", "incorrectly identified",
                                       "incorrectly described", "incorrectly gave", "incorrectly referred", "erroneously",
                                       "wrongly stated", "wrongly said", "wrongly reported", "wrongly identified"]
    /// ... with one of these, about the text itself.
    static let textNouns: [String] = ["version", "this article", "this story", "this report", "this post", "this item",
                                      "the article", "the story", "the report"]

    /// True when the sentence is (or holds) a correction note.
    public static func isCorrectionNote(_ sentence: String) -> Bool {
        let lower = sentence.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if openers.contains(where: lower.hasPrefix) { return true }
        if phrases.contains(where: lower.contains) { return true }
        return errorVerbs.contains(where: lower.contains) && textNouns.contains(where: lower.contains)
    }
}
