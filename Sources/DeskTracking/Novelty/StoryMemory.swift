import DeskLanguage
import DeskModel
import Foundation

/// What one story has said so far, held incrementally: every sentence's content terms and numbers, an
/// inverted index from term to sentences, and per-term article counts. A new sentence is compared only with
/// the sentences that share one of its rarest terms (prefix filtering: a sentence that contains at least
/// `k` of `n` terms must share one of any `n - k + 1` of them), so judging an article costs about the same
/// whether the story holds ten sentences or ten thousand.
public struct StoryMemory: Sendable {
    public struct Entry: Sendable, Hashable {
        /// The caller's id for the sentence (the store's row id; 0 when not stored).
        public var id: Int64
        /// Sorted term ids.
        public var terms: [Int32]
        public var numbers: Set<String>
        /// The article it came from (the caller's key) and when it was first seen.
        public var article: Int
        public var seen: Date
        /// Distinct articles that stated it (itself included): cross-source agreement.
        public var support: Int
    }

    public private(set) var entries: [Entry] = []
    /// Each entry's term count and article, apart from the entries: `bestMatch` filters every sentence of a
    /// long posting list on them, and reading them out of the entries themselves missed the cache each time.
    var termCounts: [Int32] = []
    var entryArticles: [Int] = []
    var vocabulary: [String: Int32] = [:]
    var postings: [[Int32]] = []
    /// Articles each term occurs in, and articles held.
    var termArticles: [Int] = []
    public private(set) var articles = 0

    public init() {}

    public var count: Int { entries.count }

    /// Term ids for `terms`, adding unseen terms to the vocabulary; sorted and unique.
    public mutating func intern(_ terms: [String]) -> [Int32] {
        var ids: [Int32] = []
        ids.reserveCapacity(terms.count)
        for t in terms {
            if let id = vocabulary[t] { ids.append(id); continue }
            let id = Int32(postings.count)
            vocabulary[t] = id
            postings.append([])
            termArticles.append(0)
            ids.append(id)
        }
        return Array(Set(ids)).sorted()
    }

    /// Term ids of known terms only (for read-only lookups).
    public func known(_ terms: [String]) -> [Int32] {
        Array(Set(terms.compactMap { vocabulary[$0] })).sorted()
    }

    /// Adds a sentence the store already holds (its terms as stored, or worked out from its text when the row
    /// predates stored terms), as an entry of no particular article seen long ago.
    @discardableResult
    public mutating func add(held h: HeldSentence) -> Int {
        let terms = intern(h.terms ?? Tokenizer.contentTerms(h.text))
        return add(id: h.id, terms: terms, numbers: NumberFacts.numbers(h.text), article: -1, seen: .distantPast)
    }

    /// Adds a sentence; returns its slot.
    @discardableResult
    public mutating func add(id: Int64, terms: [Int32], numbers: Set<String>, article: Int, seen: Date) -> Int {
        let slot = entries.count
        entries.append(Entry(id: id, terms: terms, numbers: numbers, article: article, seen: seen, support: 1))
        termCounts.append(Int32(terms.count))
        entryArticles.append(article)
        for t in terms { postings[Int(t)].append(Int32(slot)) }
        return slot
    }

    /// Counts one more article stating what `slot` says.
    public mutating func support(_ slot: Int) { entries[slot].support += 1 }

    /// Records that one more article holds these terms (for `informativeness`).
    public mutating func countArticle(terms: Set<Int32>) {
        articles += 1
        for t in terms { termArticles[Int(t)] += 1 }
    }

    /// Articles held that contain the term.
    public func articleCount(_ term: Int32) -> Int { Int(term) < termArticles.count ? termArticles[Int(term)] : 0 }
    public func articleCount(_ term: String) -> Int { vocabulary[term].map { termArticles[Int($0)] } ?? 0 }

    /// The held sentence that contains the largest share of `terms` (containment = shared / |terms|), among
    /// those sharing at least `minimumContainment` of them; nil when none does. `skipArticle` leaves out the
    /// sentences of one article (an article does not restate itself). `exact`: only a sentence of exactly
    /// these terms counts (for sentences too short for containment to mean anything).
    public func bestMatch(_ terms: [Int32], minimumContainment: Double, skipArticle: Int? = nil,
                          exact: Bool = false) -> (slot: Int, containment: Double)? {
        bestMatch(terms, of: terms.count, minimumContainment: minimumContainment, skipArticle: skipArticle, exact: exact)
    }

    /// The same for a sentence of `n` distinct terms of which only `terms` are known to this memory (the others
    /// cannot be shared): containment is still counted against all `n`.
    public func bestMatch(_ terms: [Int32], of n: Int, minimumContainment: Double, skipArticle: Int? = nil,
                          exact: Bool = false) -> (slot: Int, containment: Double)? {
        guard n > 0, !exact || terms.count == n else { return nil }
        var needed = max(1, Int((minimumContainment * Double(n)).rounded(.up)))
        guard terms.count >= needed else { return nil }
        // Rarest terms first: their posting lists are short. A sentence sharing `needed` of the terms shares
        // one of the first `terms.count - needed + 1` (prefix filtering). Once a match is found only a better
        // one matters, so `needed` rises and the prefix shrinks: the first best match found is still the one
        // returned, with far fewer candidates read in a long story (this search was three quarters of the
        // novelty stage's time on a story of thousands of sentences).
        let byRarity = terms.sorted { postingCount($0) < postingCount($1) }
        var seenSlots = Set<Int32>()
        var best: (slot: Int, containment: Double)?
        var i = 0
        while i < terms.count - needed + 1 {
            let t = byRarity[i]
            i += 1
            guard Int(t) < postings.count else { continue }
            for slot in postings[Int(t)] {
                // Checks that do not depend on the terms first: they skip a sentence without remembering it.
                let count = Int(termCounts[Int(slot)])
                if count < needed || (exact && count != n) { continue }
                if let skipArticle, entryArticles[Int(slot)] == skipArticle { continue }
                guard seenSlots.insert(slot).inserted else { continue }
                let shared = Self.intersectionCount(terms, entries[Int(slot)].terms, atLeast: needed)
                guard shared >= needed else { continue }
                best = (Int(slot), Double(shared) / Double(n))
                if shared == terms.count { return best }
                needed = shared + 1
                // The term being read has left the prefix: every better match shares an earlier term, read already.
                if i - 1 >= terms.count - needed + 1 { break }
            }
        }
        return best
    }

    func postingCount(_ t: Int32) -> Int { Int(t) < postings.count ? postings[Int(t)].count : 0 }

    /// Size of the intersection of two sorted id arrays.
    public static func intersectionCount(_ a: [Int32], _ b: [Int32]) -> Int {
        intersectionCount(a, b, atLeast: 0)
    }

    /// The same, giving up (with some count below `needed`) as soon as the rest of either array is too short
    /// to reach `needed`.
    static func intersectionCount(_ a: [Int32], _ b: [Int32], atLeast needed: Int) -> Int {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                var i = 0, j = 0, n = 0
                while i < a.count && j < b.count {
                    if n + min(a.count - i, b.count - j) < needed { return n }
                    if a[i] == b[j] { n += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
                }
                return n
            }
        }
    }
}
