import DeskModel
import Foundation

/// Runs the entity tagger over sentences in the JSON-lines layout of `score_ner.py export`
/// (`{"index", "doc", "text", ...}` per line) and returns predictions in that scorer's format:
/// `{"<index>": [{"start", "end", "type", "text"}, ...]}` with Unicode-scalar offsets into `text`.
/// Sentences of one document are tagged together (document-wide case cues).
public enum NEREval {
    public static func predict(sentencesJSONL url: URL) throws -> Data {
        var docs: [(doc: Int, items: [(index: Int, text: String)])] = []
        for line in try readLines(url) {
            let index = line.index, text = line.text
            let doc = line.doc ?? index
            if docs.last?.doc == doc { docs[docs.count - 1].items.append((index, text)) } else { docs.append((doc, [(index, text)])) }
        }
        let tagger = EntityTagger()
        var out: [String: [[(String, PredictionJSON.Value)]]] = [:]
        for d in docs {
            let tagged = tagger.tagDocumentSpans(d.items.map(\.text))
            for (item, spans) in zip(d.items, tagged) {
                out[String(item.index)] = spans.map {
                    [("end", .int($0.end)), ("start", .int($0.start)), ("text", .string($0.mention.text)),
                     ("type", .string($0.mention.kind.rawValue))]
                }
            }
        }
        return PredictionJSON.write(out)
    }

    /// One line of the sentences file (other fields are ignored).
    struct Line: Decodable {
        var index: Int
        var doc: Int?
        var text: String
    }

    /// The sentence lines of a `score_ner.py export` file; lines without an index or text are skipped.
    static func readLines(_ url: URL) throws -> [Line] {
        let content = try Data(contentsOf: url)
        let decoder = JSONDecoder()
        var out: [Line] = []
        for line in content.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            if let l = try? decoder.decode(Line.self, from: line) { out.append(l) }
        }
        return out
    }

    /// Whitespace-separated words of the sentences (the speed line's word count).
    public static func words(sentencesJSONL url: URL) throws -> Int {
        try readLines(url).reduce(0) { $0 + LanguageSpeed.count($1.text) }
    }
}
