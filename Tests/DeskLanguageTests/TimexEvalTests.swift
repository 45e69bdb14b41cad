import Foundation
import Testing
@testable import DeskLanguage
import DeskModel

/// Writes predictions for the shared TimeML development set (when it is present beside the project)
/// so they can be scored with `../shared/tools/score_timex.py score ../shared/eval/timex/tml PATH`.
@Test func timexPredictionsOnDevelopmentSet() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let folder = root.deletingLastPathComponent().appendingPathComponent("shared/eval/timex/text")
    guard FileManager.default.fileExists(atPath: folder.path) else { return }
    let start = Date()
    let data = try TimexEval.predict(textFolder: folder)
    let elapsed = Date().timeIntervalSince(start)
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("timex-pred.json")
    try data.write(to: out)
    print("timex predictions: \(out.path) (\(String(format: "%.2f", elapsed)) s)")
    #expect(data.count > 100)
}
