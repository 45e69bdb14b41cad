import DeskLanguage
import DeskModel
import Foundation

/// The sentences of held articles, as hashes, kept between placements. Placing an article into a story asks
/// whether it is a new version of one of the same source's recent articles there (`Placer.sameSourceRecent`),
/// which meant decoding each of them and splitting its text into sentences again for every article placed:
/// a sixth of the place stage on the dated-article stream (perf). The answer needs only which of the held
/// article's sentences the new one keeps verbatim, so hashes are enough.
///
/// Keyed by article id and content hash, so a held article that gained a revision is read afresh. Bounded:
/// two generations of at most `capacity / 2` entries each; a hit in the older one is promoted, and when the
/// newer one fills up the older one is dropped (amortised O(1), least recently used go first).
public final class HeldSentenceHashes: @unchecked Sendable {
    /// Articles kept: at ~30 sentences each, about a quarter of a kilobyte apiece, so ~2 MB.
    public static let defaultCapacity = 8_192

    struct Key: Hashable {
        var article: Int64
        var contentHash: String
    }

    let lock = NSLock()
    var current: [Key: [Int]] = [:]
    var previous: [Key: [Int]] = [:]
    let capacity: Int

    public init(capacity: Int = HeldSentenceHashes.defaultCapacity) { self.capacity = max(2, capacity) }

    /// The hashes of `held`'s sentences, from the cache or from `load` (nil: the article's text is not stored).
    func hashes(of held: HeldArticle, load: () throws -> [String]?) rethrows -> [Int]? {
        let key = Key(article: held.id, contentHash: held.contentHash)
        lock.lock()
        if let found = current[key] {
            lock.unlock()
            return found
        }
        if let found = previous.removeValue(forKey: key) {
            insert(found, for: key)
            lock.unlock()
            return found
        }
        lock.unlock()
        guard let sentences = try load() else { return nil }
        let hashes = sentences.map(Self.hash)
        lock.lock()
        insert(hashes, for: key)
        lock.unlock()
        return hashes
    }

    /// Records the sentences of an article just stored, so the first later placement that compares with it
    /// does not read it back and split it again.
    func remember(article: Int64, contentHash: String, sentences: [String]) {
        let hashes = sentences.map(Self.hash)
        lock.lock()
        insert(hashes, for: Key(article: article, contentHash: contentHash))
        lock.unlock()
    }

    /// Call with the lock held.
    private func insert(_ hashes: [Int], for key: Key) {
        if current.count >= capacity / 2 {
            previous = current
            current = [:]
        }
        current[key] = hashes
    }

    static func hash(_ sentence: String) -> Int { sentence.hashValue }

    /// Share of the held sentences (`old`, hashed) found verbatim among `new` (hashed).
    static func keptShare(of old: [Int], in new: Set<Int>) -> Double {
        guard !old.isEmpty else { return 0 }
        return Double(old.filter { new.contains($0) }.count) / Double(old.count)
    }
}
