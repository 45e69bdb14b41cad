import DeskModel
import DeskStore
import Foundation
import Testing

@Suite("SourceStore on SQLite (migration sources-v1)")
struct SourceStoreTests {
    @Test("add is idempotent by URL; settings, state and entries survive reopening; remove forgets entries")
    func roundTrip() throws {
        let path = Scratch.folder("store").appendingPathComponent("desk.sqlite").path
        let sourceID: Int64
        do {
            let store = try SQLiteStore(path: path)
            let first = try store.addSource(Source(url: "https://a.example/feed", tags: ["News", "Local"], interval: 3600, fullText: true))
            #expect(first.added)
            let again = try store.addSource(Source(url: "https://a.example/feed"))
            #expect(!again.added)
            #expect(again.source.id == first.source.id)
            var source = first.source
            source.state = FetchState(etag: "\"e1\"", lastModified: "Tue, 12 Mar 2024 09:30:00 GMT", lastFetched: Date(timeIntervalSince1970: 1000),
                                      nextFetch: Date(timeIntervalSince1970: 2000), lastStatus: 429, failures: 3, lastError: "HTTP 429", contentHash: "abc")
            source.kind = .feed
            try store.updateSource(source)
            try store.recordEntries(source: source.id!, ["guid:1": "h1", "url:https://a.example/x": "h2"], at: Date())
            sourceID = source.id!
        }
        let store = try SQLiteStore(path: path)
        let held = try #require(try store.source(matching: "\(sourceID)"))
        #expect(held.tags == ["News", "Local"])
        #expect(held.fullText && held.interval == 3600 && held.kind == .feed)
        #expect(held.state.etag == "\"e1\"" && held.state.failures == 3 && held.state.lastError == "HTTP 429")
        #expect(held.state.nextFetch == Date(timeIntervalSince1970: 2000))
        #expect(try store.seenEntries(source: sourceID) == ["guid:1": "h1", "url:https://a.example/x": "h2"])
        try store.removeSource(id: sourceID)
        #expect(try store.sources().isEmpty)
        #expect(try store.seenEntries(source: sourceID).isEmpty)
    }
}
