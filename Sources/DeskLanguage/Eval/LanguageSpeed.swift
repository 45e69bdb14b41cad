import Foundation

/// Word counts for the speed line of `updesk eval timex|ner` (whitespace-separated words).
public enum LanguageSpeed {
    public static func words(inFolder url: URL, ext: String) -> Int {
        let files = (try? FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)) ?? []
        return files.filter { $0.pathExtension == ext }.reduce(0) { n, f in
            n + ((try? String(contentsOf: f, encoding: .utf8)).map(count) ?? 0)
        }
    }

    public static func words(inJSONL url: URL) -> Int {
        guard let content = try? String(contentsOf: url, encoding: .utf8) else { return 0 }
        var n = 0
        for line in content.split(separator: "\n") {
            guard let obj = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let text = obj["text"] as? String else { continue }
            n += count(text)
        }
        return n
    }

    static func count(_ text: String) -> Int {
        text.split(whereSeparator: { $0.isWhitespace }).count
    }
}
