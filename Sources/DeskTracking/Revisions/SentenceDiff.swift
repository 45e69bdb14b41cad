import DeskLanguage
import DeskModel

/// Sentence-level diff of two versions of one article.
///
/// 1. Sentences with the same normalised words (`SentenceKey`) are paired: unique ones first (the in-order
///    run of them anchors the rest, as in patience diff), then repeated ones within the same gap: O(n log n).
/// 2. The sentences left over are paired as rewordings when their word sets are close (Dice ≥
///    `rewordSimilarity`); candidates come from an inverted index of their content words (postings longer
///    than `maximumPosting` are skipped), so each sentence is compared with a few others, not all: O(n·k).
///    Pairs are taken best first (ties: nearest in relative position, then earliest).
///    Short lines (≤ `maximumSlotWords`) alone in the same gap between anchors are paired by place.
/// 3. The longest run of pairs already in order (O(n log n)) stays in place; exact pairs outside it are
///    `moved`, reworded ones `changed` with `alsoMoved`.
/// 4. Sentences left unpaired are `removed` (old) or `added` (new).
public struct SentenceDiff: Sendable {
    /// Least Dice similarity of two sentences' word sets for them to be one sentence reworded. A synonym swap
    /// or an updated number in a 20-word sentence keeps ~0.9; adding or cutting a clause ~0.6–0.8; two different
    /// sentences of one article share function words and a name or two, ~0.1–0.35. Half the words kept is the
    /// usual line between "edited" and "rewritten" (the same cut-off difflib's ratio uses for close matches
    /// is 0.6 of characters; words are coarser, so a little lower).
    public static let rewordSimilarity = 0.5
    /// A content word found in more left-over old sentences than this is not used to find candidates
    /// (it would make the candidate search quadratic on long articles and says little about identity).
    public static let maximumPosting = 32
    /// Added to a rewording candidate's similarity when both sentences stand in the same gap between anchors
    /// (sentences unchanged and unique): a sentence edited in place is the usual case, and this settles
    /// near-duplicate lines (list items, repeated captions) by place rather than by a small difference in words.
    static let sameGapBonus = 0.1
    /// Lines this short (a list number, a time, "Meal 1") are paired by place, not by words: with three
    /// words, one changed word already takes Dice below `rewordSimilarity`.
    static let maximumSlotWords = 3

    public init() {}

    /// Diff of two sentence lists, matching by their normalised words.
    public func diff(old: [String], new: [String]) -> RevisionDiff {
        diff(old: old, new: new, oldKeys: old.map(SentenceKey.key), newKeys: new.map(SentenceKey.key))
    }

    /// Diff with the caller's matching keys (for example with timestamps masked). A sentence whose key is
    /// empty is ignored: it appears in no entry. Word-level changes are computed on the sentences themselves.
    public func diff(old: [String], new: [String], oldKeys: [String], newKeys: [String]) -> RevisionDiff {
        precondition(old.count == oldKeys.count && new.count == newKeys.count)
        var oldPartner = [Int](repeating: -1, count: old.count)
        var newPartner = [Int](repeating: -1, count: new.count)
        let gaps = Self.pairExact(oldKeys: oldKeys, newKeys: newKeys, oldPartner: &oldPartner, newPartner: &newPartner)
        // 2. Rewordings among the rest.
        var reworded = Set<Int>()  // new indices paired by rewording
        for (i, j) in rewordPairs(oldKeys: oldKeys, newKeys: newKeys, oldPartner: oldPartner, newPartner: newPartner, gaps: gaps) {
            oldPartner[i] = j
            newPartner[j] = i
            reworded.insert(j)
        }
        for (i, j) in Self.slotPairs(oldKeys: oldKeys, newKeys: newKeys, oldPartner: oldPartner, newPartner: newPartner, gaps: gaps) {
            oldPartner[i] = j
            newPartner[j] = i
            reworded.insert(j)
        }
        // 3. What stays in order.
        let paired = newPartner.indices.filter { newPartner[$0] >= 0 }
        let inOrder = Set(LongestIncreasingRun.positions(paired.map { newPartner[$0] }).map { paired[$0] })
        // 4. Entries in new order, each removed sentence after the in-order pair that precedes it in the old.
        var entries: [(order: Double, entry: RevisionDiff.Entry)] = []
        var anchor = [Int](repeating: -1, count: old.count + 1)  // old index → new index of latest in-order pair at or before it
        var last = -1
        for i in old.indices {
            if oldPartner[i] >= 0, inOrder.contains(oldPartner[i]) { last = oldPartner[i] }
            anchor[i] = last
        }
        for j in new.indices where !newKeys[j].isEmpty {
            let i = newPartner[j]
            let entry: RevisionDiff.Entry
            if i < 0 {
                entry = .init(op: .added, oldIndex: nil, newIndex: j)
            } else if reworded.contains(j) {
                entry = .init(op: .changed, oldIndex: i, newIndex: j, words: WordDiff.diff(old[i], new[j]),
                              alsoMoved: !inOrder.contains(j))
            } else {
                entry = .init(op: inOrder.contains(j) ? .unchanged : .moved, oldIndex: i, newIndex: j)
            }
            entries.append((Double(j), entry))
        }
        for i in old.indices where !oldKeys[i].isEmpty && oldPartner[i] < 0 {
            entries.append((Double(anchor[i]) + 0.5, .init(op: .removed, oldIndex: i, newIndex: nil)))
        }
        // Stable: equal orders keep insertion order (removed sentences in old order).
        let sorted = entries.enumerated().sorted { ($0.element.order, $0.offset) < ($1.element.order, $1.offset) }
        return RevisionDiff(entries: sorted.map(\.element.entry))
    }

    /// Pairs sentences with equal keys. Keys found once in each version are paired first, and the longest
    /// run of those in order becomes the anchors (as in patience diff); a repeated key is then paired within
    /// the same gap between anchors, in order, and only then across gaps, so one removed copy of a repeated
    /// line does not shift every later copy into a "move". Returns each sentence's gap (old, new).
    static func pairExact(oldKeys: [String], newKeys: [String], oldPartner: inout [Int], newPartner: inout [Int])
        -> (old: [Int], new: [Int]) {
        var oldPositions: [String: [Int]] = [:], newPositions: [String: [Int]] = [:]
        for (i, k) in oldKeys.enumerated() where !k.isEmpty { oldPositions[k, default: []].append(i) }
        for (j, k) in newKeys.enumerated() where !k.isEmpty { newPositions[k, default: []].append(j) }
        // Anchors: unique in both, in order.
        var unique: [(old: Int, new: Int)] = []
        for (j, k) in newKeys.enumerated() where !k.isEmpty {
            if let o = oldPositions[k], o.count == 1, newPositions[k]!.count == 1 { unique.append((o[0], j)) }
        }
        let anchors = LongestIncreasingRun.positions(unique.map(\.old)).map { unique[$0] }
        var oldGap = [Int](repeating: 0, count: oldKeys.count), newGap = [Int](repeating: 0, count: newKeys.count)
        var g = 0
        for i in oldKeys.indices {
            while g < anchors.count, anchors[g].old < i { g += 1 }
            oldGap[i] = g
        }
        g = 0
        for j in newKeys.indices {
            while g < anchors.count, anchors[g].new < j { g += 1 }
            newGap[j] = g
        }
        for a in anchors {
            oldPartner[a.old] = a.new
            newPartner[a.new] = a.old
        }
        // Same key, same gap, in order; then same key anywhere, in order.
        for sameGapOnly in [true, false] {
            var cursor: [String: Int] = [:]
            for (j, k) in newKeys.enumerated() where !k.isEmpty && newPartner[j] < 0 {
                guard let list = oldPositions[k] else { continue }
                var c = sameGapOnly ? 0 : cursor[k, default: 0]
                while c < list.count, oldPartner[list[c]] >= 0 || (sameGapOnly && oldGap[list[c]] != newGap[j]) { c += 1 }
                if !sameGapOnly { cursor[k] = c }
                guard c < list.count else { continue }
                oldPartner[list[c]] = j
                newPartner[j] = list[c]
            }
        }
        return (oldGap, newGap)
    }

    /// Best-first pairing of unpaired old and new sentences whose word sets are close enough.
    func rewordPairs(oldKeys: [String], newKeys: [String], oldPartner: [Int], newPartner: [Int],
                     gaps: (old: [Int], new: [Int])) -> [(Int, Int)] {
        let leftOld = oldKeys.indices.filter { oldPartner[$0] < 0 && !oldKeys[$0].isEmpty }
        let leftNew = newKeys.indices.filter { newPartner[$0] < 0 && !newKeys[$0].isEmpty }
        guard !leftOld.isEmpty, !leftNew.isEmpty else { return [] }
        var oldWords: [Int: Set<Substring>] = [:]
        var postings: [Substring: [Int]] = [:]
        for i in leftOld {
            let words = Set(oldKeys[i].split(separator: " "))
            oldWords[i] = words
            for w in words where Self.isContent(w) { postings[w, default: []].append(i) }
        }
        let oldSpan = Double(max(oldKeys.count, 1)), newSpan = Double(max(newKeys.count, 1))
        var candidates: [(score: Double, distance: Double, old: Int, new: Int)] = []
        for j in leftNew {
            let words = Set(newKeys[j].split(separator: " "))
            var seen = Set<Int>()
            for w in words where Self.isContent(w) {
                guard let list = postings[w], list.count <= Self.maximumPosting else { continue }
                for i in list where seen.insert(i).inserted {
                    let other = oldWords[i]!
                    let shared = words.count < other.count ? words.filter(other.contains).count : other.filter(words.contains).count
                    let dice = 2 * Double(shared) / Double(words.count + other.count)
                    if dice >= Self.rewordSimilarity {
                        let bonus = gaps.old[i] == gaps.new[j] ? Self.sameGapBonus : 0
                        candidates.append((dice + bonus, abs(Double(i) / oldSpan - Double(j) / newSpan), i, j))
                    }
                }
            }
        }
        candidates.sort { ($0.score, -$0.distance, -$0.old, -$0.new) > ($1.score, -$1.distance, -$1.old, -$1.new) }
        var usedOld = Set<Int>(), usedNew = Set<Int>()
        var out: [(Int, Int)] = []
        for c in candidates where !usedOld.contains(c.old) && !usedNew.contains(c.new) {
            usedOld.insert(c.old)
            usedNew.insert(c.new)
            out.append((c.old, c.new))
        }
        return out
    }

    /// Short lines left alone in the same gap between anchors, one old and one new: the same slot edited
    /// ("7." → "8.", "10 p.m." → "1 p.m."), where word overlap says nothing because there are hardly any words.
    static func slotPairs(oldKeys: [String], newKeys: [String], oldPartner: [Int], newPartner: [Int],
                          gaps: (old: [Int], new: [Int])) -> [(Int, Int)] {
        var oldByGap: [Int: [Int]] = [:], newByGap: [Int: [Int]] = [:]
        for i in oldKeys.indices where oldPartner[i] < 0 && !oldKeys[i].isEmpty { oldByGap[gaps.old[i], default: []].append(i) }
        for j in newKeys.indices where newPartner[j] < 0 && !newKeys[j].isEmpty { newByGap[gaps.new[j], default: []].append(j) }
        var out: [(Int, Int)] = []
        for (gap, olds) in oldByGap {
            guard olds.count == 1, let news = newByGap[gap], news.count == 1 else { continue }
            let a = oldKeys[olds[0]].split(separator: " ").count, b = newKeys[news[0]].split(separator: " ").count
            if a <= maximumSlotWords && b <= maximumSlotWords { out.append((olds[0], news[0])) }
        }
        return out.sorted { $0.0 < $1.0 }
    }

    /// Words that say something about which sentence this is: not a stopword, at least two characters.
    static func isContent(_ word: Substring) -> Bool {
        word.count >= 2 && !Stopwords.english.contains(String(word))
    }
}
