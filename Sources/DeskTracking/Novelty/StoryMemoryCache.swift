import DeskLanguage
import DeskModel
import Foundation

/// Story memories kept between placements, so placing an article into a story reads only the sentences the
/// story gained since the last placement into it (an indexed range query), instead of re-reading and
/// re-indexing its recent sentences every time. Coherent with any number of writers: every use first asks the
/// store for sentences after the last one held.
///
/// Bounded twice: at most `storyCapacity` stories (least recently used dropped), and a story memory that has
/// grown past `rebuildFactor` times the held-sentence limit is rebuilt from the most recent sentences, so the
/// sentences compared stay "the story's recent ones" as they were when read afresh.
public final class StoryMemoryCache: @unchecked Sendable {
    /// Stories kept. A story memory of 1,500 sentences is a few hundred kilobytes; 512 of them stay well under
    /// the desk's memory budget while covering every story active in a day of a busy desk.
    public static let storyCapacity = 512
    static let rebuildFactor = 2

    struct Held {
        var memory: StoryMemory
        var lastSentence: Int64
        var lastUse: UInt64
    }

    let lock = NSLock()
    var stories: [Int64: Held] = [:]
    var clock: UInt64 = 0
    let capacity: Int
    var hitCount = 0
    var missCount = 0
    /// Uses that found the story's memory held, and uses that had to read it afresh.
    public var hits: Int { lock.withLock { hitCount } }
    public var misses: Int { lock.withLock { missCount } }

    public init(capacity: Int = StoryMemoryCache.storyCapacity) { self.capacity = capacity }

    /// The story's memory, brought up to date from `store`: its recent sentences (at most `limit` when read
    /// afresh), each with its stored id.
    public func memory(story: Int64, limit: Int, store: any TrackingMemory) throws -> StoryMemory {
        // Taken out of the cache while it is brought up to date, so it is the only reference and grows in place
        // (read in place, every placement copied the whole memory: its cost grew with the story).
        lock.lock()
        clock += 1
        var held = stories.removeValue(forKey: story)
        let now = clock
        lock.unlock()

        if let count = held?.memory.count, count > limit * Self.rebuildFactor { held = nil }
        let after = held?.lastSentence ?? 0
        let wasHeld = held != nil
        let fresh = try store.sentences(story: story, after: after, limit: limit)
        var entry = (consume held) ?? Held(memory: StoryMemory(), lastSentence: 0, lastUse: now)
        for s in fresh {
            entry.memory.add(held: s)
            entry.lastSentence = max(entry.lastSentence, s.id)
        }
        entry.lastUse = now

        lock.lock()
        defer { lock.unlock() }
        if wasHeld { hitCount += 1 } else { missCount += 1 }
        stories[story] = entry
        if stories.count > capacity { evictLeastRecent() }
        return entry.memory
    }

    /// Forgets everything (for a store that was replaced or rolled back past what was read).
    public func removeAll() {
        lock.lock()
        stories.removeAll()
        lock.unlock()
    }

    func evictLeastRecent() {
        // Drop the oldest quarter at once, so eviction is amortised O(1) per placement.
        let drop = stories.sorted { $0.value.lastUse < $1.value.lastUse }.prefix(max(1, capacity / 4))
        for (id, _) in drop { stories[id] = nil }
    }
}
