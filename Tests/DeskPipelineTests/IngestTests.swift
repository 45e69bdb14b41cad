import DeskExtract
import DeskModel
import DeskPipeline
import DeskStore
import Foundation
import Testing

@Suite("Ingest end to end")
struct IngestTests {
    static let clock: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_394_700_000) }

    /// The first `count` headlines of the bundled sample stream, as a JSONL file.
    static func sampleSlice(_ count: Int) throws -> URL {
        let all = try String(contentsOf: Paths.samples.appendingPathComponent("uci-news-headlines.jsonl"), encoding: .utf8)
        let slice = all.split(separator: "\n").prefix(count).joined(separator: "\n") + "\n"
        let url = Paths.scratch("slice").appendingPathComponent("slice.jsonl")
        try slice.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test("the seed and a headline stream become stories; ingesting again changes nothing")
    func idempotent() throws {
        let db = Paths.scratch("ingest").appendingPathComponent("desk.sqlite").path
        let store = try SQLiteStore(path: db)
        let ingestor = Ingestor(store: store, clock: Self.clock)
        let inputs = [try Self.sampleSlice(400).path, Paths.seed.path]
        let first = try ingestor.ingest(paths: inputs)
        #expect(first.seen == 401)
        #expect(first.rejected.isEmpty)
        #expect(first.storiesOpened > 10 && first.storiesOpened < 400)
        let counts = try store.counts()
        let second = try ingestor.ingest(paths: inputs)
        #expect(second.unchanged == 401)
        #expect(try store.counts() == counts)
        #expect(try store.integrityCheck())
        // The seed's story holds its sentences, all new to a desk that had not seen the story.
        let seedStory = try #require(try store.assignments().first { $0.docID == "seed-article" })
        let detail = try #require(try store.story(id: seedStory.storyID))
        #expect(detail.summary.title == "Israel, Japan agree to deepen economic, security ties")
        #expect(detail.updates.count >= 8)
    }

    @Test("a copy under another id is collapsed into the original, listing both sources")
    func copies() throws {
        let db = Paths.scratch("copies").appendingPathComponent("desk.sqlite").path
        let store = try SQLiteStore(path: db)
        let ingestor = Ingestor(store: store, clock: Self.clock)
        let text = "Rescuers pulled two more survivors from the rubble on Tuesday, officials said. The death toll stands at 11. Aid flights landed overnight."
        for (id, source) in [("a", "Wire"), ("b", "Gazette")] {
            _ = try ingestor.ingest(RawDocument(id: id, origin: id, kind: .text, text: text, source: source, title: "Quake survivors found"))
        }
        let counts = try store.counts()
        #expect(counts.articles == 1 && counts.duplicates == 1 && counts.stories == 1)
        let story = try #require(try store.stories(limit: 1, offset: 0).first)
        #expect(story.sourceCount == 2)
    }

    @Test("a changed document under the same id is a revision, with the old version kept")
    func revision() throws {
        let db = Paths.scratch("revision").appendingPathComponent("desk.sqlite").path
        let store = try SQLiteStore(path: db)
        let ingestor = Ingestor(store: store, clock: Self.clock)
        let v1 = RawDocument(id: "wire-1", origin: "v1", kind: .text,
                             text: "Flooding closed the main bridge on Monday. Schools stayed shut across the district.",
                             source: "Wire", title: "Floods close bridge")
        var v2 = v1
        v2.text = "Flooding closed the main bridge on Monday. Schools stayed shut across the district. The army was called in to help."
        #expect(try ingestor.ingest(v1).action == .stored)
        let second = try ingestor.ingest(v2)
        #expect(second.action == .revised)
        #expect(second.newSentences == 1)
        #expect(try ingestor.ingest(v2).action == .unchanged)
        let counts = try store.counts()
        #expect(counts.articles == 1 && counts.revisions == 1)
        let storyID = try #require(second.storyID)
        let story = try #require(try store.story(id: storyID))
        #expect(story.articles.first?.version == 2)
        #expect(story.updates.map(\.text).contains("The army was called in to help."))
    }

    @Test("the same source re-filing near-same text under a new id is a revision; another source's copy is a duplicate")
    func revisionUnderNewID() throws {
        let db = Paths.scratch("revision-new-id").appendingPathComponent("desk.sqlite").path
        let store = try SQLiteStore(path: db)
        let ingestor = Ingestor(store: store, clock: Self.clock)
        let body = """
            Flooding closed the main bridge across the river Lune on Monday after three days of heavy rain in the hills. \
            Schools stayed shut across the district and the council opened two rest centres for families moved from homes \
            near the water. The river rose to 4.2 metres overnight, the highest level recorded since the floods of 2015, \
            the Environment Agency said. Engineers will inspect the bridge on Wednesday before deciding when it can reopen \
            to traffic, and buses will run a diversion through the upper town until then. Residents were told to avoid the \
            riverside paths and to keep listening to local radio for warnings during the night.
            """
        let v1 = RawDocument(id: "https://gazette.example/floods", origin: "v1", kind: .text, text: body, source: "Gazette",
                             title: "Floods close bridge")
        let v2 = RawDocument(id: "https://gazette.example/floods-latest", origin: "v2", kind: .text,
                             text: body + " The army was called in on Tuesday evening.", source: "Gazette",
                             title: "Floods close bridge")
        let copy = RawDocument(id: "https://courier.example/floods", origin: "c", kind: .text,
                               text: body + " The army was called in on Tuesday evening.", source: "Courier",
                               title: "Bridge shut by floods")
        let first = try ingestor.ingest(v1)
        #expect(first.action == .stored)
        let second = try ingestor.ingest(v2)
        #expect(second.action == .revised)
        #expect(second.articleID == first.articleID)
        #expect(second.newSentences == 1)
        #expect(try ingestor.ingest(v2).action == .unchanged)
        #expect(try ingestor.ingest(copy).action == .duplicate)
        #expect(try store.revisions(docID: "https://gazette.example/floods-latest").count == 1)
        let assigned = try store.assignments()
        #expect(Set(assigned.map(\.docID)) == [v1.id, v2.id, copy.id])
        #expect(Set(assigned.map(\.storyID)).count == 1)
        #expect(try store.integrityCheck())
    }

    @Test("a new timestamp or comment count is not a revision; a correction is stored as one, flagged")
    func cosmeticChangesAndCorrections() throws {
        let db = Paths.scratch("cosmetic").appendingPathComponent("desk.sqlite").path
        let store = try SQLiteStore(path: db)
        let ingestor = Ingestor(store: store, clock: Self.clock)
        let body = "Flooding closed the main bridge on Monday. Schools stayed shut across the district. "
            + "The river rose to 4.2 metres overnight."
        let v1 = RawDocument(id: "page-1", origin: "v1", kind: .text, text: "Updated 5 minutes ago\n\n" + body + "\n\n12 comments",
                             source: "Gazette", title: "Floods close bridge")
        var v2 = v1
        v2.text = "Updated 42 minutes ago\n\n" + body + "\n\n31 comments"
        #expect(try ingestor.ingest(v1).action == .stored)
        #expect(try ingestor.ingest(v2).action == .unchanged)
        #expect(try store.counts().revisions == 0)
        var v3 = v1
        v3.text = body.replacingOccurrences(of: "Monday", with: "Tuesday")
            + " An earlier version of this article misstated the day the bridge closed."
        #expect(try ingestor.ingest(v3).action == .revised)
        #expect(try store.counts().revisions == 1)
        let revisions = try store.revisions(docID: "page-1")
        #expect(revisions.count == 1)
        #expect(revisions.first?.isCorrection == true)
        #expect(revisions.first?.verdict?.diff.entries.contains { $0.op == .changed } == true)
    }

    @Test("a changed number is an update even when the sentence looks old")
    func changedFact() throws {
        let db = Paths.scratch("facts").appendingPathComponent("desk.sqlite").path
        let store = try SQLiteStore(path: db)
        let ingestor = Ingestor(store: store, clock: Self.clock)
        let day1 = Date(timeIntervalSince1970: 1_700_000_000)
        _ = try ingestor.ingest(RawDocument(id: "q1", origin: "q1", kind: .text,
            text: "An earthquake struck the coastal city of Mira on Monday. The death toll stands at 7, officials said. Rescue teams are searching collapsed buildings.",
            source: "Wire", title: "Earthquake strikes coastal city of Mira", published: day1))
        _ = try ingestor.ingest(RawDocument(id: "q2", origin: "q2", kind: .text,
            text: "The death toll stands at 11, officials said. Rescue teams are searching collapsed buildings in Mira after the earthquake. The government declared a state of emergency.",
            source: "Gazette", title: "Mira earthquake death toll rises", published: day1.addingTimeInterval(86_400)))
        let stories = try store.stories(limit: 5, offset: 0)
        #expect(stories.count == 1)
        let since = try store.updates(since: day1.addingTimeInterval(3600), perStory: 10)
        let texts = since.flatMap { $0.items.map(\.text) }
        #expect(texts.contains("The death toll stands at 11, officials said."))
        #expect(texts.contains("The government declared a state of emergency."))
        #expect(!texts.contains { $0.hasPrefix("Rescue teams") })
    }
}
