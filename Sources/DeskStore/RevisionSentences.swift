/// What a revision changed, sentence by sentence, as both stores record it: the new version's sentences the old
/// one lacked, and the old one's the new version dropped (each in its own order). Each side is hashed once, so
/// the cost is linear: filtering against a set rebuilt per sentence cost n² for an article of n sentences
/// (10,000 sentences: seconds inside the write transaction).
public struct RevisionSentences: Sendable, Equatable {
    public var added: [String]
    public var removed: [String]

    public init(old: [String], new: [String]) {
        let oldSet = Set(old), newSet = Set(new)
        added = new.filter { !oldSet.contains($0) }
        removed = old.filter { !newSet.contains($0) }
    }
}
