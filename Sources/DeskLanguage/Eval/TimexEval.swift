import DeskModel
import Foundation

/// Runs the time tagger over a TempEval-style plain-text folder (`<doc>.txt` + `<doc>.dct.json`, as
/// written by `score_timex.py export`) and returns predictions in the scorer's JSON format:
/// `{"doc": [{"start", "end", "text", "type", "value"}, ...]}` with Unicode-scalar offsets into the file.
public enum TimexEval {
    public static func predict(textFolder: URL) throws -> Data {
        let files = try FileManager.default.contentsOfDirectory(at: textFolder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        var docs: [String: [[(String, PredictionJSON.Value)]]] = [:]
        for file in files {
            let docID = file.deletingPathExtension().lastPathComponent
            let text = try String(contentsOf: file, encoding: .utf8)
            var anchor: Date?
            let dctURL = textFolder.appendingPathComponent(docID + ".dct.json")
            if let data = try? Data(contentsOf: dctURL),
               let obj = try JSONSerialization.jsonObject(with: data) as? [String: Any],
               let dct = obj["dct"] as? String {
                anchor = parseDay(dct)
            }
            docs[docID] = predictDocument(text, anchor: anchor).map {
                [("end", .int($0.end)), ("start", .int($0.start)), ("text", .string($0.text)), ("type", .string($0.kind.rawValue)),
                 ("value", .string($0.value))]
            }
        }
        return PredictionJSON.write(docs)
    }

    /// Time expressions of a whole document, offsets into `text`. Paragraphs are blank-line separated
    /// blocks; single newlines inside a block count as spaces.
    public static func predictDocument(_ text: String, anchor: Date?) -> [TimeRef] {
        let scalars = Array(text.unicodeScalars)
        // Paragraph ranges.
        var paragraphs: [Range<Int>] = []
        var start = 0
        var i = 0
        while i < scalars.count {
            if scalars[i] == "\n" {
                var j = i
                var newlines = 0
                while j < scalars.count, scalars[j].properties.isWhitespace { if scalars[j] == "\n" { newlines += 1 }; j += 1 }
                if newlines >= 2 { paragraphs.append(start..<i); start = j }
                i = j
            } else { i += 1 }
        }
        paragraphs.append(start..<scalars.count)
        let splitter = SentenceSplitter()
        var sentences: [String] = []
        var offsets: [Int] = []
        for p in paragraphs where !p.isEmpty {
            let flat = String(String.UnicodeScalarView(scalars[p].map { $0 == "\n" ? " " : $0 }))
            let flatScalars = Array(flat.unicodeScalars)
            for r in splitter.sentenceRanges(flat) {
                sentences.append(ScalarTokenizer.slice(flatScalars, r.lowerBound, r.upperBound))
                offsets.append(p.lowerBound + r.lowerBound)
            }
        }
        let tagged = TimeTagger().tagDocument(sentences: sentences, anchor: anchor)
        var out: [TimeRef] = []
        for (k, refs) in tagged.enumerated() {
            for var r in refs {
                r.start += offsets[k]; r.end += offsets[k]
                out.append(r)
            }
        }
        return out
    }

    public static func parseDay(_ s: String) -> Date? {
        let parts = s.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return Date(timeIntervalSince1970: Double(CivilCalendar.dayNumber(parts[0], parts[1], parts[2])) * 86_400)
    }
}
