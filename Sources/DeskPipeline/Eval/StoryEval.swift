import DeskModel
import DeskStore
import Foundation

/// `updesk eval stories`: replays a headline stream into a fresh desk and scores its story assignments.
public struct StoryEval: Sendable {
    public var data: URL
    public init(data: URL) { self.data = data }

    public func run(databasePath: String) throws -> (predictions: Data, score: StoryScore) {
        let stream = try HeadlineStream(csv: try HeadlineStream.locate(in: data))
        try? FileManager.default.removeItem(atPath: databasePath)
        let store = try SQLiteStore(path: databasePath)
        let ingestor = Ingestor(store: store)
        let analyzed = ingestor.prepare(stream.documents)
        for item in analyzed { _ = try ingestor.place(item) }
        let predictions = try Exports.json(.assignments, from: store)
        var assigned: [String: String] = [:]
        for a in try store.assignments() { assigned[a.docID] = String(a.storyID) }
        return (predictions, StoryScore.score(gold: stream.gold, predicted: assigned))
    }
}
