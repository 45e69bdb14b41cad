import DeskModel
import Foundation
import GRDB

extension SQLiteStore: SourceStore {
    func writeDB<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.write(body) } catch { throw StoreError.from(error) }
    }

    public func addSource(_ source: Source) throws -> (source: Source, added: Bool) {
        try writeDB { db in
            if let held = try Row.fetchOne(db, sql: "SELECT * FROM sources WHERE url = ?", arguments: [source.url]) {
                return (Self.source(from: held), false)
            }
            try db.execute(sql: """
                INSERT INTO sources (url, kind, title, site_url, tags, interval, full_text, paused, added)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [source.url, source.kind.rawValue, source.title, source.siteURL, Self.encodeTags(source.tags),
                                 source.interval, source.fullText, source.paused, source.added.timeIntervalSince1970])
            var added = source
            added.id = db.lastInsertedRowID
            try Self.saveState(added, db)
            return (added, true)
        }
    }

    public func sources() throws -> [Source] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM sources ORDER BY id").map(Self.source(from:)) }
    }

    public func source(matching idOrURL: String) throws -> Source? {
        try read { db in
            if let id = Int64(idOrURL) {
                return try Row.fetchOne(db, sql: "SELECT * FROM sources WHERE id = ?", arguments: [id]).map(Self.source(from:))
            }
            return try Row.fetchOne(db, sql: "SELECT * FROM sources WHERE url = ?", arguments: [idOrURL]).map(Self.source(from:))
        }
    }

    public func updateSource(_ source: Source) throws {
        guard source.id != nil else { throw StoreError(.query, "a source without an id cannot be updated") }
        try writeDB { db in
            try db.execute(sql: """
                UPDATE sources SET url = ?, kind = ?, title = ?, site_url = ?, tags = ?, interval = ?, full_text = ?, paused = ?
                WHERE id = ?
                """, arguments: [source.url, source.kind.rawValue, source.title, source.siteURL, Self.encodeTags(source.tags),
                                 source.interval, source.fullText, source.paused, source.id])
            try Self.saveState(source, db)
        }
    }

    public func saveFetchState(_ source: Source) throws {
        guard source.id != nil else { throw StoreError(.query, "a source without an id cannot be updated") }
        try writeDB { db in
            try db.execute(sql: "UPDATE sources SET kind = ?, title = COALESCE(title, ?), site_url = COALESCE(site_url, ?) WHERE id = ?",
                           arguments: [source.kind.rawValue, source.title, source.siteURL, source.id])
            try Self.saveState(source, db)
        }
    }

    public func removeSource(id: Int64) throws {
        try writeDB { db in try db.execute(sql: "DELETE FROM sources WHERE id = ?", arguments: [id]) }
    }

    public func seenEntries(source: Int64) throws -> [String: String] {
        try read { db in
            var seen: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT entry_key, hash FROM source_entries WHERE source_id = ?", arguments: [source]) {
                seen[row["entry_key"]] = row["hash"]
            }
            return seen
        }
    }

    public func recordEntries(source: Int64, _ entries: [String: String], at date: Date) throws {
        guard !entries.isEmpty else { return }
        try writeDB { db in
            let statement = try db.cachedStatement(sql: """
                INSERT INTO source_entries (source_id, entry_key, hash, seen) VALUES (?, ?, ?, ?)
                ON CONFLICT (source_id, entry_key) DO UPDATE SET hash = excluded.hash, seen = excluded.seen
                """)
            for (key, hash) in entries {
                try statement.execute(arguments: [source, key, hash, date.timeIntervalSince1970])
            }
        }
    }

    static func saveState(_ source: Source, _ db: Database) throws {
        let s = source.state
        try db.execute(sql: """
            UPDATE sources SET etag = ?, last_modified = ?, last_fetched = ?, next_fetch = ?, last_status = ?,
                failures = ?, last_error = ?, content_hash = ? WHERE id = ?
            """, arguments: [s.etag, s.lastModified, s.lastFetched?.timeIntervalSince1970, s.nextFetch?.timeIntervalSince1970,
                             s.lastStatus, s.failures, s.lastError, s.contentHash, source.id])
    }

    static func encodeTags(_ tags: [String]) -> String {
        (try? String(decoding: JSONEncoder().encode(tags), as: UTF8.self)) ?? "[]"
    }

    static func source(from row: Row) -> Source {
        let tagsJSON: String = row["tags"]
        let tags = (try? JSONDecoder().decode([String].self, from: Data(tagsJSON.utf8))) ?? []
        func date(_ column: String) -> Date? {
            (row[column] as Double?).map(Date.init(timeIntervalSince1970:))
        }
        let state = FetchState(etag: row["etag"], lastModified: row["last_modified"], lastFetched: date("last_fetched"),
                               nextFetch: date("next_fetch"), lastStatus: row["last_status"], failures: row["failures"],
                               lastError: row["last_error"], contentHash: row["content_hash"])
        return Source(id: row["id"], url: row["url"], kind: Source.Kind(rawValue: row["kind"]) ?? .unknown, title: row["title"],
                      siteURL: row["site_url"], tags: tags, interval: row["interval"], fullText: row["full_text"],
                      paused: row["paused"], added: Date(timeIntervalSince1970: row["added"]), state: state)
    }
}
