/// A sentence-level diff between two versions of one article: what was added, removed, reworded
/// (with the word-level change) and moved. Indices are sentence positions in the old and new lists.
public struct RevisionDiff: Codable, Sendable, Hashable {
    public enum Op: String, Codable, Sendable, CaseIterable {
        /// In the new version only.
        case added
        /// In the old version only.
        case removed
        /// The same sentence reworded (see `words`).
        case changed
        /// The same sentence (same words) at a different place in the order.
        case moved
        /// The same sentence, in order.
        case unchanged
    }

    /// One word of a changed sentence: kept, taken out, or put in.
    public struct WordChange: Codable, Sendable, Hashable {
        public enum Kind: String, Codable, Sendable { case kept, removed, inserted }
        public var kind: Kind
        public var text: String
        public init(_ kind: Kind, _ text: String) {
            self.kind = kind
            self.text = text
        }
    }

    public struct Entry: Codable, Sendable, Hashable {
        public var op: Op
        public var oldIndex: Int?
        public var newIndex: Int?
        /// For `changed`: the word-level change, in new-sentence order (removed words where they stood).
        public var words: [WordChange]
        /// For `changed`: the sentence also left its place in the order.
        public var alsoMoved: Bool
        public init(op: Op, oldIndex: Int?, newIndex: Int?, words: [WordChange] = [], alsoMoved: Bool = false) {
            self.op = op
            self.oldIndex = oldIndex
            self.newIndex = newIndex
            self.words = words
            self.alsoMoved = alsoMoved
        }
    }

    /// Every sentence of both versions once: removed ones by old index, the rest by new index.
    public var entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// The entries of one kind.
    public func entries(_ op: Op) -> [Entry] { entries.filter { $0.op == op } }

    /// True when the text differs in some sentence or in the order.
    public var hasChanges: Bool { entries.contains { $0.op != .unchanged } }

    /// Counts per kind, for summaries ("2 added, 1 changed").
    public var counts: [Op: Int] {
        var out: [Op: Int] = [:]
        for e in entries { out[e.op, default: 0] += 1 }
        return out
    }
}
