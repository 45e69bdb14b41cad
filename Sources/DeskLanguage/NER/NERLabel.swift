import DeskModel

/// BIO labels over the four CoNLL entity types: 0 = O, then B-/I- for PER, ORG, LOC, MISC.
enum NERLabel {
    static let types: [EntityMention.Kind] = [.person, .organization, .place, .other]
    static let count = 1 + 2 * types.count
    static let outside = 0

    static func begin(_ type: Int) -> Int { 1 + 2 * type }
    static func inside(_ type: Int) -> Int { 2 + 2 * type }
    /// The type index of a label (nil for O).
    static func type(_ label: Int) -> Int? { label == 0 ? nil : (label - 1) / 2 }
    static func isInside(_ label: Int) -> Bool { label != 0 && (label - 1) % 2 == 1 }

    static func typeIndex(_ name: Substring) -> Int? {
        switch name {
        case "PER": 0
        case "ORG": 1
        case "LOC": 2
        case "MISC": 3
        default: nil
        }
    }

    /// I-X may only follow B-X or I-X.
    static func allowed(from previous: Int, to label: Int) -> Bool {
        guard isInside(label) else { return true }
        return previous != 0 && type(previous) == type(label)
    }

    /// Token spans (start token, end token exclusive, type index) of a label sequence.
    static func spans(_ labels: [Int]) -> [(start: Int, end: Int, type: Int)] {
        var out: [(Int, Int, Int)] = []
        var k = 0
        while k < labels.count {
            guard let t = type(labels[k]) else { k += 1; continue }
            var j = k + 1
            while j < labels.count, isInside(labels[j]), type(labels[j]) == t { j += 1 }
            out.append((k, j, t))
            k = j
        }
        return out
    }
}
