import Foundation

/// One stored revision of an article: the version it replaced, when, and what changed.
public struct RevisionRecord: Codable, Sendable, Hashable {
    /// The version number that was replaced (1 for the first revision).
    public var replacedVersion: Int
    public var created: Date
    public var isCorrection: Bool
    /// The sentence and word diff, when the desk classified the change (nil for revisions stored before that).
    public var verdict: RevisionVerdict?
    public init(replacedVersion: Int, created: Date, isCorrection: Bool, verdict: RevisionVerdict?) {
        self.replacedVersion = replacedVersion
        self.created = created
        self.isCorrection = isCorrection
        self.verdict = verdict
    }
}
