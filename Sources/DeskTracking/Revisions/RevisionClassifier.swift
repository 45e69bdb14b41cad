import DeskModel

/// Decides whether a new version of an article is a revision (its text or headline changed) or only a
/// cosmetic change (time stamps, counters, dateline date, wire markers, punctuation), and whether it is a
/// correction; gives the sentence-level diff with the volatile parts left out.
public struct RevisionClassifier: Sendable {
    /// One version of an article: its headline (if any) and its sentences in order.
    public struct Version: Sendable, Hashable {
        public var title: String?
        public var sentences: [String]
        public init(title: String?, sentences: [String]) {
            self.title = title
            self.sentences = sentences
        }
    }

    public init() {}

    public func classify(old: Version, new: Version) -> RevisionVerdict {
        let oldHeadline = old.title.map(WireMarkers.parse)
        let newHeadline = new.title.map(WireMarkers.parse)
        let oldKeys = Self.keys(old.sentences), newKeys = Self.keys(new.sentences)
        let diff = SentenceDiff().diff(old: old.sentences, new: new.sentences, oldKeys: oldKeys, newKeys: newKeys)
        // A headline that one version lacks (a feed entry without one) is no change.
        let headlineChanged = oldHeadline != nil && newHeadline != nil && Self.headlineKey(oldHeadline) != Self.headlineKey(newHeadline)
        // A correction: a note the old version did not hold, or a correction marker it did not carry.
        let heldKeys = Set(oldKeys)
        let note = new.sentences.indices.first {
            !newKeys[$0].isEmpty && !heldKeys.contains(newKeys[$0]) && CorrectionSignals.isCorrectionNote(new.sentences[$0])
        }.map { new.sentences[$0] }
        let markedNow = (newHeadline?.isCorrection ?? false) && !(oldHeadline?.isCorrection ?? false)
        let isCorrection = note != nil || markedNow
        let kind: RevisionVerdict.Kind
        if diff.hasChanges || headlineChanged || isCorrection {
            kind = .revision
        } else if old.sentences == new.sentences && old.title == new.title {
            kind = .identical
        } else {
            kind = .cosmetic
        }
        return RevisionVerdict(kind: kind, isCorrection: isCorrection, correctionNote: note, headlineChanged: headlineChanged,
                               diff: diff, oldHeadline: oldHeadline, newHeadline: newHeadline)
    }

    /// Matching keys with volatile parts masked; "" for a sentence that is only page furniture.
    static func keys(_ sentences: [String]) -> [String] { sentences.map(VolatileText.key) }

    static func headlineKey(_ headline: WireHeadline?) -> String {
        headline.map { VolatileText.key($0.headline) } ?? ""
    }
}
