import DeskExtract
import DeskModel
@testable import DeskPipeline
import DeskStore
import Foundation
import Testing

/// The bulk preload behind `updesk bench growth` writes the rows normal ingest writes: a copy of a desk built by
/// ingest is that desk again, and a perturbed generation has its shape and can be placed into like it.
@Suite struct BulkPreloadTests {
    static func analyzed(_ count: Int) throws -> [AnalyzedArticle] {
        var docs: [RawDocument] = []
        InputReader().read(paths: [Paths.samples.appendingPathComponent("uci-news-headlines.jsonl").path]) { item in
            if case .document(let d) = item, docs.count < count { docs.append(d) }
        }
        try #require(docs.count == count)
        return Ingestor(store: try SQLiteStore(path: Paths.scratch("bulk-prep").appendingPathComponent("x.sqlite").path)).prepare(docs)
    }

    @Test func unperturbedCopyIsTheIngestedDesk() throws {
        let folder = Paths.scratch("bulk")
        defer { try? FileManager.default.removeItem(at: folder) }
        let articles = try Self.analyzed(300)
        let preload = try BulkPreload.build(from: articles, path: folder.appendingPathComponent("ingested.sqlite").path)
        let ingested = try SQLiteStore(path: folder.appendingPathComponent("ingested.sqlite").path)
        let copy = try SQLiteStore(path: folder.appendingPathComponent("copy.sqlite").path)
        #expect(try copy.bulkInsert(preload.template) == 300)

        #expect(try copy.shape() == ingested.shape())
        #expect(try copy.assignments() == ingested.assignments())
        #expect(try copy.stories(limit: 1000, offset: 0) == ingested.stories(limit: 1000, offset: 0))
        #expect(try copy.counts() == ingested.counts())
        #expect(try copy.integrityCheck())
        let shape = try ingested.shape()
        #expect(shape["articles"] == 300 && shape["stories"]! > 10 && shape["timeline"]! >= 0 && shape["story_terms"]! > 100)
    }

    @Test func perturbedGenerationsHaveTheShapeOfIngest() throws {
        let folder = Paths.scratch("bulk")
        defer { try? FileManager.default.removeItem(at: folder) }
        let articles = try Self.analyzed(300)
        let preload = try BulkPreload.build(from: articles, path: folder.appendingPathComponent("ingested.sqlite").path)
        let ingested = try SQLiteStore(path: folder.appendingPathComponent("ingested.sqlite").path).shape()
        let grown = try SQLiteStore(path: folder.appendingPathComponent("grown.sqlite").path)
        let (held, next) = try preload.grow(grown, from: 0, to: 600, generation: 1)
        #expect(held == 600 && next == 3)
        let shape = try grown.shape()
        // Row for row what ingest wrote, twice: the same articles, copies, stories, sentences, novelty, timeline,
        // fingerprints and search rows; postings and document frequencies lose the tenth of terms salting drops.
        for table in ["articles", "duplicates", "stories", "sentences", "new sentences", "timeline", "simhash_bands", "article_search", "documents",
                      "web_entity_index"] {
            #expect(shape[table] == 2 * ingested[table]!, "\(table)")
        }
        #expect(shape["story_terms"]! < 2 * ingested["story_terms"]! && shape["story_terms"]! > ingested["story_terms"]!)
        #expect(shape["term_df.sum"]! < 2 * ingested["term_df.sum"]! && shape["term_df.sum"]! > ingested["term_df.sum"]!)
        // The entity index as ingest keeps it, less the tenth of entity keys salting drops.
        #expect(ingested["web_entities"]! > 0)
        #expect(shape["web_entities"]! < 2 * ingested["web_entities"]! && shape["web_entities"]! > ingested["web_entities"]!)
        #expect(try grown.integrityCheck())
        // No two generations share an id, a content hash or (mostly) a fingerprint band: they are not copies.
        let ids = Set(try grown.assignments().map(\.docID))
        #expect(ids.count == 600)

        // Placing into the grown desk works as into an ingested one: the real articles again are new to it
        // (salted copies are not their duplicates) and find stories by the words they share.
        let ingestor = Ingestor(store: grown)
        var report = IngestReport()
        for a in articles.prefix(50) { report.record(try ingestor.place(a)) }
        #expect(report.stored + report.duplicates == 50 && report.stored >= 40)
        #expect(try grown.integrityCheck())
    }
}
