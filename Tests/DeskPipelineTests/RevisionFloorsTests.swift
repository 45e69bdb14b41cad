import DeskModel
import DeskPipeline
import Foundation
import Testing

/// Floors for revision detection and the sentence diff on versions generated from the clean bodies of
/// ../shared/eval/extraction (the same figures as `updesk eval revisions --data ../shared/eval/extraction`).
/// Seed 5 is the one the methods were looked at on; seed 6 is a held-out draw of the same generator.
@Suite("Revision floors")
struct RevisionFloorsTests {
    static let data = Paths.shared.appendingPathComponent("eval/extraction")

    @Test("detection, correction flag and diff accuracy stay above their floors", arguments: [UInt64(5), 6])
    func floors(seed: UInt64) throws {
        guard FileManager.default.fileExists(atPath: Self.data.appendingPathComponent("ground-truth.json").path) else {
            Issue.record("evaluation data not found at \(Self.data.path)")
            return
        }
        let score = try RevisionEval(data: Self.data, seed: seed).run(timeLongDiff: false).score
        print(score)
        #expect(score.cases >= 800)
        #expect(score.detection.f1 >= 0.98)
        // One of the generator's eight note wordings ("... was wrong in an earlier edition and has been fixed") is
        // not in the classifier's phrase list on purpose: 0.978 (seed 5) and 0.930 (seed 6) measured.
        #expect(score.correction.recall >= 0.90)
        #expect(score.correction.precision >= 0.98)
        #expect(score.allOps.f1 >= 0.97)
        for op in [RevisionDiff.Op.added, .removed, .changed] { #expect((score.ops[op]?.f1 ?? 0) >= 0.96, "\(op)") }
        #expect((score.ops[.moved]?.f1 ?? 0) >= 0.93)
        #expect(score.exactDiffShare >= 0.95)
    }
}
