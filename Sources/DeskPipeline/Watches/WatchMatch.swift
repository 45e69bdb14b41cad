import DeskModel
import Foundation

/// Which new updates a watch matches and the webhook messages that carry them: one definition for the web desk's
/// watch runner and the queue workers, which queue a placement's matches in the placement's own transaction.
public enum WatchMatch {
    /// New updates read per watch per pass: a pass that falls behind catches up over the next ones.
    public static let batch = 500
    /// Updates in one webhook message at most (the rest go in the next).
    public static let updatesPerMessage = 50

    /// The updates of `batch` that `watch` matches: its keywords, its sources, its entities (by article).
    public static func matching(_ watch: Watch, _ batch: [UpdateItem], entityKeys: (Int64) throws -> Set<String>) throws -> [UpdateItem] {
        let query = (try? WatchQuery.parse(watch.query)) ?? .all
        let sources = Set(watch.sources.map { $0.lowercased() })
        let entities = Set(watch.entities.map { $0.lowercased() })
        return try batch.filter { u in
            guard query.matches(u.text) else { return false }
            if !sources.isEmpty, !u.sources.contains(where: { sources.contains($0.lowercased()) }) { return false }
            if !entities.isEmpty, try entityKeys(u.articleID).isDisjoint(with: entities) { return false }
            return true
        }
    }

    /// The webhook bodies for `hits` (none without a webhook address), `updatesPerMessage` updates each.
    public static func messages(for watch: Watch, _ hits: [UpdateItem], sent: Date) throws -> [String] {
        guard watch.webhookURL != nil else { return [] }
        var bodies: [String] = []
        for start in stride(from: 0, to: hits.count, by: updatesPerMessage) {
            let chunk = hits[start..<min(hits.count, start + updatesPerMessage)]
            let message = WebhookMessage(watch: .init(id: watch.id, name: watch.name), sent: ISO8601.string(sent),
                                         updates: chunk.map(UpdateRow.init))
            bodies.append(String(decoding: try encoder.encode(message), as: UTF8.self))
        }
        return bodies
    }

    /// As the web desk's JSON: sorted keys, slashes unescaped.
    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()
}

/// What a webhook POSTs: the watch and the updates it matched.
public struct WebhookMessage: Codable, Sendable {
    public struct WatchRef: Codable, Sendable {
        public var id: Int64
        public var name: String
    }
    public var watch: WatchRef
    public var sent: String
    public var updates: [UpdateRow]
}

/// A new fact, as pages, the API and webhooks show it.
public struct UpdateRow: Codable, Sendable, Hashable {
    public var sentenceID: Int64
    public var storyID: Int64
    public var articleID: Int64
    public var text: String
    public var firstSeen: String
    public var sources: [String]
    public var urls: [String]

    public init(_ u: UpdateItem) {
        sentenceID = u.sentenceID
        storyID = u.storyID
        articleID = u.articleID
        text = u.text
        firstSeen = ISO8601.string(u.firstSeen)
        sources = u.sources
        urls = u.urls
    }
}
