import DeskExtract
import DeskModel
import DeskStore
import Foundation

/// `updesk eval stories`: replays a stream into a fresh desk and scores its story assignments. Reads either
/// layout of `../shared/eval`: a headline CSV (`stories/`) or topic folders of dated articles (`timelines/`,
/// gold story = topic).
public struct StoryEval: Sendable {
    public var data: URL
    /// For the dated-article layout: only these topic folders (all when nil).
    public var folders: [String]?
    /// For the dated-article layout: only the earliest this many articles of each folder.
    public var perFolder: Int?
    public init(data: URL, folders: [String]? = nil, perFolder: Int? = nil) {
        self.data = data
        self.folders = folders
        self.perFolder = perFolder
    }

    /// The stream in arrival order and its gold stories, from whichever layout the folder has.
    public func stream() throws -> (documents: [RawDocument], gold: [String: String]) {
        if DatedArticleStream.matches(data) {
            let stream = try DatedArticleStream(root: data, folders: folders, perFolder: perFolder)
            return (stream.documents, stream.gold)
        }
        let stream = try HeadlineStream(csv: try HeadlineStream.locate(in: data))
        return (stream.documents, stream.gold)
    }

    public func run(databasePath: String) throws -> (predictions: Data, score: StoryScore) {
        let (documents, gold) = try stream()
        try? FileManager.default.removeItem(atPath: databasePath)
        let store = try SQLiteStore(path: databasePath)
        let ingestor = Ingestor(store: store)
        let analyzed = ingestor.prepare(documents)
        for item in analyzed { _ = try ingestor.place(item) }
        let predictions = try Exports.json(.assignments, from: store)
        var assigned: [String: String] = [:]
        for a in try store.assignments() { assigned[a.docID] = String(a.storyID) }
        return (predictions, StoryScore.score(gold: gold, predicted: assigned))
    }
}
