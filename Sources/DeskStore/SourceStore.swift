import DeskModel
import Foundation

/// What the fetcher keeps: subscribed sources with their fetch state, and the identities of the entries
/// already taken from each, so a restart neither refetches nor re-ingests what it has. Kept apart from
/// `Store` so that a backend adds it on its own (SQLite now, PostgreSQL later).
public protocol SourceStore: Sendable {
    /// Adds `source` unless one with the same URL is held; returns the held or new source and whether it was added.
    func addSource(_ source: Source) throws -> (source: Source, added: Bool)
    /// Every source, in the order they were added.
    func sources() throws -> [Source]
    /// The source with this id (a number) or URL.
    func source(matching idOrURL: String) throws -> Source?
    /// Saves a source's settings and fetch state.
    func updateSource(_ source: Source) throws
    /// Saves what a fetch learned: the fetch state, the kind, and a title and site address where none is held.
    /// The settings a user changes (paused, interval, tags, full text) are left as stored, so a `source pause`
    /// made while the source is being fetched is not undone by the fetch.
    func saveFetchState(_ source: Source) throws
    /// Removes a source and what was remembered of its entries; its articles stay in the desk.
    func removeSource(id: Int64) throws
    /// Entry identity → hash of the entry as last ingested, for one source.
    func seenEntries(source: Int64) throws -> [String: String]
    /// Remembers entries as ingested (identity → hash of what was ingested).
    func recordEntries(source: Int64, _ entries: [String: String], at: Date) throws
}
