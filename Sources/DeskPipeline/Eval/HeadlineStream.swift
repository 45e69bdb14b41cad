import DeskExtract
import DeskModel
import Foundation

/// A headline stream laid out like `../shared/eval/stories`: one CSV with columns ID, TITLE, URL, PUBLISHER,
/// STORY (gold), TIMESTAMP (ms since 1970). Read into headline-only documents in stream order.
public struct HeadlineStream: Sendable {
    public var documents: [RawDocument]
    /// Gold story of each document id (empty when the file has no STORY column).
    public var gold: [String: String]

    public init(csv url: URL) throws {
        guard let data = FileManager.default.contents(atPath: url.path) else { throw EvalError.missing(url.path) }
        let table = CSVTable(parsing: String(decoding: data, as: UTF8.self))
        guard let idCol = table.column("ID"), let titleCol = table.column("TITLE"), let timeCol = table.column("TIMESTAMP") else {
            throw EvalError.malformed(url.path, "needs columns ID, TITLE and TIMESTAMP")
        }
        let urlCol = table.column("URL"), publisherCol = table.column("PUBLISHER"), storyCol = table.column("STORY")
        var rows: [(Double, Int, RawDocument)] = []
        var gold: [String: String] = [:]
        for (line, row) in table.rows.enumerated() where row.count == table.header.count {
            let id = row[idCol]
            let ms = Double(row[timeCol]) ?? 0
            let doc = RawDocument(id: id, origin: "\(url.lastPathComponent):\(line + 2)", kind: .text, text: "",
                                  url: urlCol.map { row[$0] }, source: publisherCol.map { row[$0] }, title: row[titleCol],
                                  published: Date(timeIntervalSince1970: ms / 1000))
            rows.append((ms, Int(id) ?? line, doc))
            if let storyCol { gold[id] = row[storyCol] }
        }
        rows.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        documents = rows.map(\.2)
        self.gold = gold
    }

    /// The one CSV file in a folder.
    public static func locate(in folder: URL) throws -> URL {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        guard let name = names.filter({ $0.hasSuffix(".csv") }).sorted().first else {
            throw EvalError.missing(folder.appendingPathComponent("*.csv").path)
        }
        return folder.appendingPathComponent(name)
    }
}
