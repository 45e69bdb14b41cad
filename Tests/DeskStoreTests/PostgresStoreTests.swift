import DeskModel
import DeskStore
import DeskStorePostgres
import Foundation
import Testing

@Suite("PostgreSQL store", .enabled(if: TestPostgres.url != nil, TestPostgres.skipReason))
struct PostgresStoreTests {
    @Test("migrating again applies nothing and keeps the data")
    func migrateTwice() throws {
        let store = try TestPostgres.freshStore()
        try StoreContract.opensStoryAndFindsIt(store)
        #expect(try store.migrate().isEmpty)
        let again = try PostgresStore(location: store.location)
        #expect(try again.migrate().isEmpty)
        #expect(try again.counts().articles == 1)
    }

    @Test("a server that does not answer is a clear error, not a hang")
    func unreachable() throws {
        #expect {
            _ = try PostgresStore(url: "postgres://nobody@127.0.0.1:1/none")
        } throws: { error in
            (error as? StoreError)?.message.contains("cannot connect") == true
        }
    }

    @Test("copy from SQLite keeps every row, id and answer")
    func copyFromSQLite() throws {
        let path = SQLiteStoreTests.freshPath()
        let sqlite = try SQLiteStore(path: path)
        try StoreContract.opensStoryAndFindsIt(sqlite)
        try Self.addCopyAndRevision(sqlite)
        let target = try TestPostgres.freshStore()
        let report = try SQLiteToPostgresCopy.copy(sqlitePath: path, to: target)
        #expect(report.rows.first { $0.table == "articles" }?.count == 3)
        #expect(try target.counts() == sqlite.counts())
        #expect(try target.assignments() == sqlite.assignments())
        #expect(try target.stories(limit: 10, offset: 0) == sqlite.stories(limit: 10, offset: 0))
        for story in try sqlite.stories(limit: 10, offset: 0) {
            #expect(try target.story(id: story.id) == sqlite.story(id: story.id))
        }
        #expect(try target.updates(since: nil, perStory: 10) == sqlite.updates(since: nil, perStory: 10))
        #expect(try target.articles() == sqlite.articles())
        #expect(try target.search("grain", limit: 5).map(\.articleID) == sqlite.search("grain", limit: 5).map(\.articleID))
        #expect(try target.integrityCheck())
        // Ids continue after the copied ones.
        let next = StoreContract.analyzed("later", title: "Later", sentences: ["Something else entirely."])
        let outcome = try target.write { tx in
            try tx.apply(StoreContract.placement(.new, story: nil, hash: "hl", sentences: ["Something else entirely."]), to: next,
                         ingestedAt: StoreContract.t0)
        }
        #expect(outcome.articleID == 4)
        // A second copy into a desk that holds something is refused.
        #expect(throws: StoreError.self) { _ = try SQLiteToPostgresCopy.copy(sqlitePath: path, to: target) }
    }

    @Test("sources: add is idempotent by URL; settings, state and entries survive; remove forgets entries")
    func sources() throws {
        let store = try TestPostgres.freshStore()
        let added = Date(timeIntervalSince1970: 1_700_000_000)
        let (first, isNew) = try store.addSource(Source(url: "https://example.org/feed.xml", kind: .feed, title: "Example",
                                                        tags: ["world"], added: added))
        #expect(isNew)
        let id = try #require(first.id)
        #expect(try store.addSource(Source(url: "https://example.org/feed.xml")).added == false)
        var changed = first
        changed.paused = true
        changed.state = FetchState(etag: "\"v1\"", lastFetched: added, lastStatus: 200, failures: 2, lastError: "timeout")
        try store.updateSource(changed)
        try store.recordEntries(source: id, ["a": "h1", "b": "h2"], at: added)
        try store.recordEntries(source: id, ["a": "h3"], at: added)
        let again = try PostgresStore(location: store.location)
        #expect(try again.sources() == [changed])
        #expect(try again.source(matching: "\(id)") == changed)
        #expect(try again.source(matching: "https://example.org/feed.xml") == changed)
        #expect(try again.seenEntries(source: id) == ["a": "h3", "b": "h2"])
        try again.removeSource(id: id)
        #expect(try again.sources().isEmpty)
        #expect(try again.seenEntries(source: id).isEmpty)
    }

    static func addCopyAndRevision(_ store: any Store) throws {
        let held = try #require(try store.write { tx in try tx.article(docID: "a1") })
        let copy = StoreContract.analyzed("b1", title: "Ship docks (wire)", sentences: ["The ship docked at the port on Monday."])
        _ = try store.write { tx in
            try tx.apply(StoreContract.placement(.duplicate(of: held.id, similarity: 0.97), story: held.storyID, hash: "h1", sentences: []),
                         to: copy, ingestedAt: StoreContract.t0)
        }
        let other = StoreContract.analyzed("c1", title: "Grain prices", sentences: ["Grain prices rose.", "Traders cited the port."])
        let first = try store.write { tx in
            try tx.apply(StoreContract.placement(.new, story: held.storyID, hash: "h3", sentences: other.sentences.map(\.text)), to: other,
                         ingestedAt: StoreContract.t0)
        }
        let v2 = StoreContract.analyzed("c1", title: "Grain prices soar", sentences: ["Grain prices soared.", "Traders cited the port."])
        var placement = StoreContract.placement(.revision(of: first.articleID), story: held.storyID, hash: "h4", sentences: v2.sentences.map(\.text))
        placement.revision = nil
        _ = try store.write { tx in try tx.apply(placement, to: v2, ingestedAt: StoreContract.t0.addingTimeInterval(60)) }
    }
}
