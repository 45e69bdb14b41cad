import DeskModel
@testable import DeskTracking
import Foundation
import Testing

/// `StoryMemory.bestMatch` prunes its search as it finds matches; this is the search before pruning, kept as the
/// reference: every sentence sharing a prefix term is read, and the first with the highest containment wins.
@Suite("Story memory: best match")
struct StoryMemoryMatchTests {
    static func reference(_ memory: StoryMemory, _ terms: [Int32], of n: Int, minimumContainment: Double,
                          skipArticle: Int?, exact: Bool) -> (slot: Int, containment: Double)? {
        guard n > 0, !exact || terms.count == n else { return nil }
        let needed = max(1, Int((minimumContainment * Double(n)).rounded(.up)))
        guard terms.count >= needed else { return nil }
        let byRarity = terms.sorted { memory.postingCount($0) < memory.postingCount($1) }
        var seen = Set<Int32>()
        var best: (slot: Int, containment: Double)?
        for t in byRarity.prefix(terms.count - needed + 1) where Int(t) < memory.postings.count {
            for slot in memory.postings[Int(t)] where seen.insert(slot).inserted {
                let e = memory.entries[Int(slot)]
                if let skipArticle, e.article == skipArticle { continue }
                if exact && e.terms.count != n { continue }
                let shared = StoryMemory.intersectionCount(terms, e.terms)
                guard shared >= needed else { continue }
                let c = Double(shared) / Double(n)
                if c > (best?.containment ?? 0) { best = (Int(slot), c) }
            }
        }
        return best
    }

    /// Sentences as term sets drawn from a skewed vocabulary (a few terms in most sentences, as "oil" and "spill"
    /// are in a story about a spill), many of them near-copies of earlier ones.
    static func sentence(_ rng: inout SeededRandom, from earlier: [[String]]) -> [String] {
        if !earlier.isEmpty, rng.next() % 3 == 0 {
            var s = earlier[Int(rng.next() % UInt64(earlier.count))]
            for _ in 0..<Int(rng.next() % 3) where !s.isEmpty { s.remove(at: Int(rng.next() % UInt64(s.count))) }
            for _ in 0..<Int(rng.next() % 3) { s.append("w\(rng.next() % 400)") }
            return s
        }
        return (0..<(1 + Int(rng.next() % 14))).map { _ in
            let r = rng.next() % 100
            return r < 40 ? "c\(r % 6)" : "w\(rng.next() % 400)"
        }
    }

    @Test("the pruned search returns the reference's match, slot for slot")
    func agreesWithReference() {
        var rng = SeededRandom(seed: 21)
        var memory = StoryMemory()
        var earlier: [[String]] = []
        var compared = 0, found = 0
        for k in 0..<3_000 {
            let words = Self.sentence(&rng, from: earlier)
            let terms = memory.intern(words)
            for (minimum, exact) in [(0.7, false), (1.0, true), (0.5, false)] {
                let skip: Int? = k % 5 == 0 ? Int(rng.next() % 50) : nil
                let got = memory.bestMatch(terms, minimumContainment: minimum, skipArticle: skip, exact: exact)
                let want = Self.reference(memory, terms, of: terms.count, minimumContainment: minimum, skipArticle: skip, exact: exact)
                #expect(got?.slot == want?.slot && got?.containment == want?.containment, "sentence \(k), minimum \(minimum)")
                // A sentence with terms the memory has never seen: containment over all of them.
                let extra = terms.count + Int(rng.next() % 3)
                let gotOf = memory.bestMatch(terms, of: extra, minimumContainment: minimum, skipArticle: skip, exact: exact)
                let wantOf = Self.reference(memory, terms, of: extra, minimumContainment: minimum, skipArticle: skip, exact: exact)
                #expect(gotOf?.slot == wantOf?.slot && gotOf?.containment == wantOf?.containment, "sentence \(k), of \(extra)")
                compared += 2
                if want != nil { found += 1 }
            }
            memory.add(id: Int64(k + 1), terms: terms, numbers: [], article: k % 50, seen: .distantPast)
            earlier.append(words)
        }
        #expect(compared == 18_000 && found > 3_000, "found \(found) matches")
    }
}
