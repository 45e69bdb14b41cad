import DeskExtract
import DeskModel
import DeskPipeline
import DeskStore
import Foundation
import Testing

/// Stories over time: a story that went quiet takes a new article only when it is clearly the same story;
/// a looser match opens a new story that records the quiet one it follows.
@Suite("Story threads")
struct StoryThreadTests {
    static let day = 86_400.0
    static let t0 = Date(timeIntervalSince1970: 1_700_000_000)

    static func doc(_ id: String, _ title: String, _ text: String, at days: Double) -> RawDocument {
        RawDocument(id: id, origin: id, kind: .text, text: text, source: "source-\(id)", title: title,
                    published: t0.addingTimeInterval(days * day))
    }

    static let spill = "Crews fought an oil spill off the Louisiana coast after a drilling rig exploded. "
        + "The well is leaking thousands of barrels of crude oil a day into the Gulf of Mexico. "
        + "BP said it would pay for the clean-up of the spill."

    @Test("a quiet story reopens for a close match and is followed by a new story for a loose one")
    func quietStories() throws {
        let db = Paths.scratch("threads").appendingPathComponent("desk.sqlite").path
        let store = try SQLiteStore(path: db)
        let ingestor = Ingestor(store: store)
        let first = try ingestor.ingest(Self.doc("a", "Oil spill spreads in the Gulf of Mexico", Self.spill, at: 0))
        let story = try #require(first.storyID)
        // Ten days later, the same spill told again: clearly the same story, so it reopens.
        let close = try ingestor.ingest(Self.doc("b", "BP oil spill in the Gulf of Mexico keeps spreading",
            "The oil spill in the Gulf of Mexico kept spreading as the well leaked crude oil. "
            + "BP said the clean-up of the spill off the Louisiana coast would take months.", at: 10))
        #expect(close.storyID == story)
        // Thirty days on, a new event that shares only part of the subject: a new story following the old one.
        let loose = try ingestor.ingest(Self.doc("c", "Louisiana fishermen sue over lost season",
            "Fishermen in Louisiana sued for the income they lost this season. "
            + "Their lawyers said the oil had closed fishing grounds along the coast for weeks. "
            + "A judge in New Orleans will hear the case in March.", at: 40))
        #expect(loose.openedStory)
        let summary = try #require(try store.stories(limit: 10, offset: 0).first { $0.id == loose.storyID })
        #expect(summary.follows == story)
        #expect(try store.integrityCheck())
    }
}
