import DeskModel

/// Changing a watch in place (the browser's watch editor), apart from `WebStore` so a backend adds it on its
/// own. The id, owner, secret and mark stay; name, query, entities, sources and webhook URL change.
public protocol WatchEditStore: Sendable {
    func updateWatch(id: Int64, name: String, query: String, entities: [String], sources: [String], webhookURL: String?) throws
}
