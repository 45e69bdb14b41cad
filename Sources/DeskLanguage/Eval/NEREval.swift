import DeskModel
import Foundation

/// Runs the entity tagger over sentences in the JSON-lines layout of `score_ner.py export`
/// (`{"index", "text", ...}` per line) and returns predictions in that scorer's format:
/// `{"<index>": [{"start", "end", "type", "text"}, ...]}` with Unicode-scalar offsets into `text`.
public enum NEREval {
    public static func predict(sentencesJSONL url: URL) throws -> Data {
        let content = try String(contentsOf: url, encoding: .utf8)
        let tagger = EntityTagger()
        var out: [String: [[String: Any]]] = [:]
        for line in content.split(separator: "\n") where !line.isEmpty {
            guard let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let index = obj["index"] as? Int, let text = obj["text"] as? String else { continue }
            out[String(index)] = tagger.tagSpans(text).map {
                ["start": $0.start, "end": $0.end, "type": $0.mention.kind.rawValue, "text": $0.mention.text]
            }
        }
        return try JSONSerialization.data(withJSONObject: out, options: [.sortedKeys])
    }
}
