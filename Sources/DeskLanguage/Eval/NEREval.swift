import DeskModel
import Foundation

/// Runs the entity tagger over sentences in the JSON-lines layout of `score_ner.py export`
/// (`{"index", "doc", "text", ...}` per line) and returns predictions in that scorer's format:
/// `{"<index>": [{"start", "end", "type", "text"}, ...]}` with Unicode-scalar offsets into `text`.
/// Sentences of one document are tagged together (document-wide case cues).
public enum NEREval {
    public static func predict(sentencesJSONL url: URL) throws -> Data {
        let content = try String(contentsOf: url, encoding: .utf8)
        var docs: [(doc: Int, items: [(index: Int, text: String)])] = []
        for line in content.split(separator: "\n") where !line.isEmpty {
            guard let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let index = obj["index"] as? Int, let text = obj["text"] as? String else { continue }
            let doc = obj["doc"] as? Int ?? index
            if docs.last?.doc == doc { docs[docs.count - 1].items.append((index, text)) } else { docs.append((doc, [(index, text)])) }
        }
        let tagger = EntityTagger()
        var out: [String: [[String: Any]]] = [:]
        for d in docs {
            let tagged = tagger.tagDocumentSpans(d.items.map(\.text))
            for (item, spans) in zip(d.items, tagged) {
                out[String(item.index)] = spans.map {
                    ["start": $0.start, "end": $0.end, "type": $0.mention.kind.rawValue, "text": $0.mention.text]
                }
            }
        }
        return try JSONSerialization.data(withJSONObject: out, options: [.sortedKeys])
    }
}
