import DeskExtract
import DeskModel
import DeskTracking
import Foundation

/// Dated articles laid out like `../shared/eval/timelines` as one stream for story placement: every folder's
/// articles (read by `T17Article`, detokenised by `PTBText`) merged in the scorer's order (day, folder, numeric
/// id), as raw documents that go through extraction like any ingested text; gold story = topic.
public struct DatedArticleStream: Sendable {
    public var documents: [RawDocument]
    public var gold: [String: String]

    /// Whether a folder is laid out this way (topic folders with their articles and gold timelines).
    public static func matches(_ root: URL) -> Bool { !T17Root(root).folders().isEmpty }

    /// `perFolder`: only the earliest this many articles of each folder (a smaller stream for tests).
    public init(root: URL, folders only: [String]? = nil, perFolder: Int? = nil) throws {
        let t17 = T17Root(root)
        let names = only ?? t17.folders()
        guard !names.isEmpty else { throw EvalError.missing(root.appendingPathComponent("*/articles.jsonl").path) }
        var articles: [T17Article] = []
        for folder in names {
            let all = try T17Article.load(folder: root.appendingPathComponent(folder)).sorted(by: T17Article.streamOrder)
            articles += perFolder.map { Array(all.prefix($0)) } ?? all
        }
        articles.sort(by: T17Article.streamOrder)
        // These articles carry no headline of their own: the extractor takes the first line as it would in a scrape.
        documents = articles.map { a in
            RawDocument(id: a.docID, origin: "\(a.folder)/articles.jsonl", kind: .text,
                        text: a.sentences.map(PTBText.detokenize).joined(separator: "\n\n"), source: a.folder,
                        published: TimeValue.start(of: a.day))
        }
        gold = Dictionary(uniqueKeysWithValues: articles.map { ($0.docID, T17Root.topic(ofFolder: $0.folder)) })
    }
}
