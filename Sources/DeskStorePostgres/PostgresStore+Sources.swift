import DeskModel
import DeskStore
import Foundation
import PostgresNIO

/// Subscribed sources and the entries taken from each, as `SQLiteStore+Sources`.
extension PostgresStore: SourceStore {
    func writeSources<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        do { return try transaction(lockPlacement: false, body) } catch { throw PostgresErrors.storeError(error) }
    }

    public func addSource(_ source: Source) throws -> (source: Source, added: Bool) {
        try writeSources { s in
            if let held = try s.query("SELECT * FROM sources WHERE url = \(source.url)").first { return (try Self.source(from: held), false) }
            var added = source
            added.id = try s.scalar("""
                INSERT INTO sources (url, kind, title, site_url, tags, interval, full_text, paused, added)
                VALUES (\(source.url), \(source.kind.rawValue), \(source.title), \(source.siteURL), \(Self.encodeTags(source.tags)),
                        \(source.interval), \(source.fullText), \(source.paused), \(source.added.timeIntervalSince1970))
                ON CONFLICT (url) DO NOTHING RETURNING id
                """, as: Int64.self)
            guard added.id != nil else { // another node added it between the two statements
                return (try Self.source(from: try s.query("SELECT * FROM sources WHERE url = \(source.url)")[0]), false)
            }
            try Self.saveState(added, s)
            return (added, true)
        }
    }

    public func sources() throws -> [Source] {
        try read { s in try s.query("SELECT * FROM sources ORDER BY id").map(Self.source(from:)) }
    }

    public func source(matching idOrURL: String) throws -> Source? {
        try read { s in
            if let id = Int64(idOrURL) { return try s.query("SELECT * FROM sources WHERE id = \(id)").first.map(Self.source(from:)) }
            return try s.query("SELECT * FROM sources WHERE url = \(idOrURL)").first.map(Self.source(from:))
        }
    }

    public func updateSource(_ source: Source) throws {
        guard let id = source.id else { throw StoreError(.query, "a source without an id cannot be updated") }
        try writeSources { s in
            try s.execute("""
                UPDATE sources SET url = \(source.url), kind = \(source.kind.rawValue), title = \(source.title), site_url = \(source.siteURL),
                    tags = \(Self.encodeTags(source.tags)), interval = \(source.interval), full_text = \(source.fullText),
                    paused = \(source.paused) WHERE id = \(id)
                """)
            try Self.saveState(source, s)
        }
    }

    public func saveFetchState(_ source: Source) throws {
        guard let id = source.id else { throw StoreError(.query, "a source without an id cannot be updated") }
        try writeSources { s in
            try s.execute("""
                UPDATE sources SET kind = \(source.kind.rawValue), title = COALESCE(title, \(source.title)),
                    site_url = COALESCE(site_url, \(source.siteURL)) WHERE id = \(id)
                """)
            try Self.saveState(source, s)
        }
    }

    public func removeSource(id: Int64) throws {
        try writeSources { s in try s.execute("DELETE FROM sources WHERE id = \(id)") }
    }

    public func seenEntries(source: Int64) throws -> [String: String] {
        try read { s in
            var seen: [String: String] = [:]
            for row in try s.query("SELECT entry_key, hash FROM source_entries WHERE source_id = \(source)") {
                let (key, hash) = try row.decode((String, String).self)
                seen[key] = hash
            }
            return seen
        }
    }

    public func recordEntries(source: Int64, _ entries: [String: String], at date: Date) throws {
        guard !entries.isEmpty else { return }
        let sorted = entries.sorted { $0.key < $1.key }
        try writeSources { s in
            try s.execute("""
                INSERT INTO source_entries (source_id, entry_key, hash, seen)
                SELECT \(source), k, h, \(date.timeIntervalSince1970) FROM unnest(\(sorted.map(\.key))::text[], \(sorted.map(\.value))::text[]) AS e(k, h)
                ON CONFLICT (source_id, entry_key) DO UPDATE SET hash = excluded.hash, seen = excluded.seen
                """)
        }
    }

    static func saveState(_ source: Source, _ s: PostgresSession) throws {
        let st = source.state
        try s.execute("""
            UPDATE sources SET etag = \(st.etag), last_modified = \(st.lastModified), last_fetched = \(st.lastFetched?.timeIntervalSince1970),
                next_fetch = \(st.nextFetch?.timeIntervalSince1970), last_status = \(st.lastStatus.map(Int64.init)),
                failures = \(Int64(st.failures)), last_error = \(st.lastError), content_hash = \(st.contentHash) WHERE id = \(source.id)
            """)
    }

    static func encodeTags(_ tags: [String]) -> String {
        (try? String(decoding: JSONEncoder().encode(tags), as: UTF8.self)) ?? "[]"
    }

    static func source(from row: PostgresRow) throws -> Source {
        let r = row.makeRandomAccess()
        let tagsJSON = try r["tags"].decode(String.self)
        let tags = (try? JSONDecoder().decode([String].self, from: Data(tagsJSON.utf8))) ?? []
        func date(_ column: String) throws -> Date? { try r[column].decode(Double?.self)?.asDate }
        let state = FetchState(etag: try r["etag"].decode(String?.self), lastModified: try r["last_modified"].decode(String?.self),
                               lastFetched: try date("last_fetched"), nextFetch: try date("next_fetch"),
                               lastStatus: try r["last_status"].decode(Int?.self), failures: try r["failures"].decode(Int.self),
                               lastError: try r["last_error"].decode(String?.self), contentHash: try r["content_hash"].decode(String?.self))
        return Source(id: try r["id"].decode(Int64.self), url: try r["url"].decode(String.self),
                      kind: Source.Kind(rawValue: try r["kind"].decode(String.self)) ?? .unknown, title: try r["title"].decode(String?.self),
                      siteURL: try r["site_url"].decode(String?.self), tags: tags, interval: try r["interval"].decode(Double.self),
                      fullText: try r["full_text"].decode(Bool.self), paused: try r["paused"].decode(Bool.self),
                      added: try r["added"].decode(Double.self).asDate, state: state)
    }
}
