import DeskModel
import DeskPipeline
import DeskStore
import DeskTracking
import Foundation
import Testing

/// Story memories are kept between placements and brought up to date by reading only what a story gained.
/// Placing through the cache must judge every sentence exactly as reading the story afresh does.
@Suite("Story memory cache")
struct StoryMemoryCacheTests {
    @Test("placing through cached story memories gives the same stories, verdicts and evidence as fresh reads")
    func cachedEqualsFresh() throws {
        // One long-running story (below the held-sentence limit, where both paths read everything).
        let eval = StoryEval(data: Paths.shared.appendingPathComponent("eval/timelines"), folders: ["haiti_bbc"], perFolder: 40)
        let (documents, _) = try eval.stream()
        let dir = Paths.scratch("memory-cache")
        let cachedStore = try SQLiteStore(path: dir.appendingPathComponent("cached.sqlite").path)
        let freshStore = try SQLiteStore(path: dir.appendingPathComponent("fresh.sqlite").path)
        let fixed: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_700_000_000) }
        let cached = Ingestor(store: cachedStore, clock: fixed)
        let fresh = Ingestor(store: freshStore, clock: fixed)
        let analyzed = cached.prepare(documents)
        var cachedOutcomes: [PlacementOutcome] = [], freshOutcomes: [PlacementOutcome] = []
        for a in analyzed {
            cachedOutcomes.append(try cached.place(a))
            fresh.placer.memories.removeAll()
            freshOutcomes.append(try fresh.place(a))
        }
        #expect(cachedOutcomes == freshOutcomes)
        #expect(cachedOutcomes.contains { $0.newSentences > 0 && !$0.openedStory }, "the stream must exercise joining a story")
        #expect(cached.placer.memories.hits > 0)
        #expect(fresh.placer.memories.hits == 0)
        let a = try cachedStore.updates(since: nil, perStory: 10_000)
        let b = try freshStore.updates(since: nil, perStory: 10_000)
        #expect(a == b)
        #expect(try cachedStore.timeline(story: 1) == (try freshStore.timeline(story: 1)))
    }
}
