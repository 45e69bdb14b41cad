import DeskExtract
import DeskModel
import Foundation

/// Dated articles laid out like `../shared/eval/timelines`: `<topic>_<source>/articles.jsonl` with
/// `{"id", "time": "YYYY-MM-DD", "text": tokenised sentences, one per line}`. Every folder's articles merged
/// into one stream in the scorer's order (date, folder, numeric id); gold story = topic (folder name up to `_`).
public struct DatedArticleStream: Sendable {
    public struct Entry: Sendable {
        public var document: RawDocument
        public var topic: String
        public var folder: String
    }

    public var entries: [Entry]
    public var documents: [RawDocument] { entries.map(\.document) }
    public var gold: [String: String] { Dictionary(uniqueKeysWithValues: entries.map { ($0.document.id, $0.topic) }) }

    /// Whether a folder is laid out this way (topic folders holding `articles.jsonl`).
    public static func matches(_ root: URL) -> Bool { !folders(root).isEmpty }

    static func folders(_ root: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: root.appendingPathComponent($0).appendingPathComponent("articles.jsonl").path) }
            .sorted()
    }

    /// `perFolder`: only the earliest this many articles of each folder (a smaller stream for tests).
    public init(root: URL, folders only: [String]? = nil, perFolder: Int? = nil) throws {
        let names = only ?? Self.folders(root)
        guard !names.isEmpty else { throw EvalError.missing(root.appendingPathComponent("*/articles.jsonl").path) }
        var rows: [(String, String, Int, Entry)] = []
        let day = DateFormatter()
        day.locale = Locale(identifier: "en_US_POSIX")
        day.timeZone = TimeZone(identifier: "UTC")
        day.dateFormat = "yyyy-MM-dd"
        for folder in names {
            let file = root.appendingPathComponent(folder).appendingPathComponent("articles.jsonl")
            guard let data = FileManager.default.contents(atPath: file.path) else { throw EvalError.missing(file.path) }
            let topic = String(folder.split(separator: "_", maxSplits: 1).first ?? Substring(folder))
            for (n, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() where !line.isEmpty {
                guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                    throw EvalError.malformed("\(file.path):\(n + 1)", "not a JSON object")
                }
                let id = (object["id"] as? String) ?? (object["id"] as? Int).map(String.init) ?? "\(n)"
                let time = object["time"] as? String ?? ""
                let text = object["text"] as? String ?? ""
                let sentences = text.split(separator: "\n").map { PTBDetokenizer.detokenize(String($0)) }.filter { !$0.isEmpty }
                guard !sentences.isEmpty else { continue }
                let published = day.date(from: String(time.prefix(10)))
                // The first sentence serves as the headline: these articles carry none of their own.
                let doc = RawDocument(id: "\(folder)/\(id)", origin: "\(file.lastPathComponent):\(n + 1)", kind: .text,
                                      text: sentences.joined(separator: "\n\n"), url: nil, source: folder, title: nil,
                                      published: published)
                rows.append((String(time.prefix(10)), folder, Int(id) ?? n, Entry(document: doc, topic: topic, folder: folder)))
            }
        }
        rows.sort { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }
        if let perFolder {
            var taken: [String: Int] = [:]
            rows = rows.filter { row in
                taken[row.1, default: 0] += 1
                return taken[row.1]! <= perFolder
            }
        }
        entries = rows.map(\.3)
    }
}
