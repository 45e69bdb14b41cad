import DeskModel
import DeskPipeline
import DeskStore
import Foundation

/// Scheduled digests per watch: every `every` seconds, for each watch, the new facts it matched since its last
/// digest, ranked as the desk's digest ranks them, written into `directory` as Markdown and as HTML (an
/// email-ready body: one self-contained document, no scripts, no outside styles).
///
/// Each watch's digest mark (the last sentence id digested) is kept in `directory/.marks/watch-ID` and moved only
/// after both files are written. File names carry the sentence range they cover
/// (`watch-7-101-250.md`), so a crash between writing and moving the mark writes the very same files again
/// on the next run: nothing is lost, nothing appears twice. A new watch starts at the desk's newest fact.
public final class WatchDigestWriter: @unchecked Sendable {
    public struct Policy: Sendable {
        public var directory: URL
        public var every: TimeInterval
        public init(directory: URL, every: TimeInterval) {
            self.directory = directory
            self.every = every
        }
    }

    /// New facts read per watch per digest; a digest that falls behind catches up over the next ones.
    static let readLimit = 2_000
    /// Candidates per story handed to the digest ranker (as `Digest` reads per story).
    static let candidatesPerStory = 40

    let store: any WebBackend
    public let policy: Policy
    private let lock = NSLock()
    private var lastRun: Date?

    init(store: any WebBackend, policy: Policy) {
        self.store = store
        self.policy = policy
    }

    /// Writes the digests when one period has passed since the last run (at once on the first call).
    func runIfDue(now: Date) throws -> [URL] {
        let due = lock.withLock { () -> Bool in
            if let last = lastRun, now.timeIntervalSince(last) < policy.every { return false }
            lastRun = now
            return true
        }
        return due ? try writeAll() : []
    }

    /// A new watch digests what arrives after it was made (its mark at creation), as its webhooks do.
    func begin(_ watch: Watch) throws {
        let marks = policy.directory.appendingPathComponent(".marks")
        try FileManager.default.createDirectory(at: marks, withIntermediateDirectories: true)
        let file = marks.appendingPathComponent("watch-\(watch.id)")
        if try Self.readMark(file) == nil { try Self.writeMark(watch.lastSentenceID, to: file) }
    }

    /// One digest per watch that matched something new; the files written.
    public func writeAll() throws -> [URL] {
        let marks = policy.directory.appendingPathComponent(".marks")
        try FileManager.default.createDirectory(at: marks, withIntermediateDirectories: true)
        var written: [URL] = []
        for watch in try store.watches(user: nil) {
            let markFile = marks.appendingPathComponent("watch-\(watch.id)")
            guard let mark = try Self.readMark(markFile) else {
                // A watch made before digests were on (or on another node): it digests what arrives from now on.
                try Self.writeMark(max(watch.lastSentenceID, try store.newestSentenceID()), to: markFile)
                continue
            }
            let batch = try store.updates(afterSentence: mark, limit: Self.readLimit)
            guard let last = batch.last?.sentenceID else { continue }
            let hits = try WatchMatch.matching(watch, batch) { try store.entityKeys(article: $0) }
            if !hits.isEmpty {
                let digest = try digest(of: hits)
                let name = "watch-\(watch.id)-\(mark + 1)-\(last)"
                let heading = "Watch \u{201C}\(watch.name)\u{201D}"
                let md = policy.directory.appendingPathComponent(name + ".md")
                let html = policy.directory.appendingPathComponent(name + ".html")
                try (digest.markdown().replacingOccurrences(of: "# What is new", with: "# \(heading): what is new", options: .anchored))
                    .write(to: md, atomically: true, encoding: .utf8)
                try digest.html().replacingOccurrences(of: "<h1>What is new", with: "<h1>\(HTMLText.escape(heading)): what is new")
                    .write(to: html, atomically: true, encoding: .utf8)
                written += [md, html]
            }
            try Self.writeMark(last, to: markFile)
        }
        return written
    }

    func digest(of hits: [UpdateItem]) throws -> Digest {
        var byStory: [Int64: [UpdateItem]] = [:]
        for u in hits { byStory[u.storyID, default: []].append(u) }
        var groups: [StoryUpdates] = []
        for (id, items) in byStory {
            guard let page = try store.storyPage(id: id, StoryPageRequest()) else { continue }
            let sources = Set(items.flatMap(\.sources)).count
            groups.append(StoryUpdates(story: page.summary, items: Array(items.suffix(Self.candidatesPerStory)), total: items.count,
                                       sources: sources))
        }
        return Digest.rank(groups, since: nil)
    }

    static func readMark(_ url: URL) throws -> Int64? {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
        guard let value = Int64(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw MarkError(description: "the digest mark \(url.path) is not a number; remove it to restart that watch's digests")
        }
        return value
    }

    struct MarkError: Error, CustomStringConvertible {
        var description: String
    }

    static func writeMark(_ value: Int64, to url: URL) throws {
        try "\(value)\n".write(to: url, atomically: true, encoding: .utf8)
    }
}
