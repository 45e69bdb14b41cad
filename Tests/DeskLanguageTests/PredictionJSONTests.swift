import Foundation
import Testing
@testable import DeskLanguage

/// The eval's prediction writer and the tagger's feature table are speed-ups that must not change output.
@Suite struct PredictionJSONTests {
    @Test func writesWhatJSONSerializationWrites() throws {
        let texts = ["U.S. \"quoted\"", "a/b \\ c", "tab\tnew\nline\u{1}\u{1f}", "Zürich – 東京", ""]
        for keys in [["0", "1", "2", "10", "9", "100"], ["wsj_0135", "APW19980810.0907", "ABC19980108.1830.0711", "apw2", "APW10"]] {
            var boxed: [String: [[String: Any]]] = [:]
            var typed: [String: [[(String, PredictionJSON.Value)]]] = [:]
            for (k, key) in keys.enumerated() {
                let text = texts[k % texts.count]
                boxed[key] = [["end": k + 3, "start": k, "text": text, "type": "PER"]]
                typed[key] = [[("end", .int(k + 3)), ("start", .int(k)), ("text", .string(text)), ("type", .string("PER"))]]
            }
            boxed["empty"] = []
            typed["empty"] = []
            let expected = try JSONSerialization.data(withJSONObject: boxed, options: [.sortedKeys])
            #expect(PredictionJSON.write(typed) == expected, "\(String(decoding: PredictionJSON.write(typed), as: UTF8.self))")
        }
    }

    @Test func featureTableFindsWhatTheDictionaryFinds() {
        var rng = SystemRandomNumberGenerator()
        var index: [UInt64: Int32] = [:]
        for r in 0..<5_000 { index[rng.next()] = Int32(r) }
        index[0] = 5_000   // a zero key is a key like any other
        let table = FeatureTable(index)
        for (key, row) in index { #expect(table.row(key) == row) }
        for _ in 0..<5_000 {
            let key = rng.next()
            #expect(table.row(key) == (index[key] ?? -1))
        }
    }
}
