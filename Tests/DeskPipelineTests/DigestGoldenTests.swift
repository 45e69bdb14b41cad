import DeskExtract
import DeskModel
import DeskPipeline
import DeskStore
import Foundation
import Testing

/// The digest of a fixed stream, in each format, pinned as golden files.
@Suite("Digest")
struct DigestGoldenTests {
    static func desk() throws -> any Store {
        let db = Paths.scratch("digest").appendingPathComponent("desk.sqlite").path
        let store = try SQLiteStore(path: db)
        let ingestor = Ingestor(store: store, clock: IngestTests.clock)
        _ = try ingestor.ingest(paths: [try IngestTests.sampleSlice(600).path, Paths.seed.path])
        return store
    }

    @Test("markdown, HTML and JSON digests match their golden files")
    func golden() throws {
        let store = try Self.desk()
        let since = DateParser.parse("2014-03-10T20:00:00Z")
        let digest = try Digest.build(from: store, since: since)
        #expect(!digest.stories.isEmpty)
        #expect(digest.stories.allSatisfy { $0.updates.allSatisfy { $0.firstSeen >= since! } })
        try Golden.check(digest.markdown(), "digest.md")
        try Golden.check(digest.html(), "digest.html")
        try Golden.check(digest.json() + "\n", "digest.json")
    }
}
