import Foundation
import Testing
@testable import DeskLanguage
import DeskModel

/// Writes entity predictions for the shared NER development sets (when present beside the project) so
/// they can be scored with `../shared/tools/score_ner.py score GOLD PATH`.
@Test func nerPredictionsOnDevelopmentSets() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let shared = root.deletingLastPathComponent().appendingPathComponent("shared/eval/ner")
    for (name, file) in [("conll", "conll2003/eng.testa.sentences.jsonl"), ("wikigold", "wikigold/wikigold.sentences.jsonl")] {
        let url = shared.appendingPathComponent(file)
        guard FileManager.default.fileExists(atPath: url.path) else { continue }
        let data = try NEREval.predict(sentencesJSONL: url)
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("ner-pred-\(name).json")
        try data.write(to: out)
        print("ner predictions (\(name)): \(out.path)")
        #expect(data.count > 100)
    }
}
