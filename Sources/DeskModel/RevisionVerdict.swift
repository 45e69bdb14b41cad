/// Whether a new version of a held article is a revision, and what changed.
public struct RevisionVerdict: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable {
        /// The same text (and headline).
        case identical
        /// Only time stamps, counters, a dateline's date, wire markers, case, punctuation or white space changed.
        case cosmetic
        /// The article's text or headline changed: store it as a revision.
        case revision
    }

    public var kind: Kind
    /// True when the new version corrects the old: a correction note or a "CORRECTED-" marker it did not have.
    public var isCorrection: Bool
    /// The new version's correction note, when it has a new one.
    public var correctionNote: String?
    /// True when the headline changed (markers and volatile parts aside).
    public var headlineChanged: Bool
    /// The sentence-level diff, time stamps and counters left out.
    public var diff: RevisionDiff
    /// The headlines with their wire markers read.
    public var oldHeadline: WireHeadline?
    public var newHeadline: WireHeadline?

    public init(kind: Kind, isCorrection: Bool, correctionNote: String?, headlineChanged: Bool, diff: RevisionDiff,
                oldHeadline: WireHeadline?, newHeadline: WireHeadline?) {
        self.kind = kind
        self.isCorrection = isCorrection
        self.correctionNote = correctionNote
        self.headlineChanged = headlineChanged
        self.diff = diff
        self.oldHeadline = oldHeadline
        self.newHeadline = newHeadline
    }

    public var isRevision: Bool { kind == .revision }
}
