import DeskPipeline
import Foundation

extension EvalCommand {
    /// `updesk eval revisions`: generated versions of the clean bodies in DATA/ground-truth.json, scored.
    func runRevisions() throws {
        let started = Date()
        let result = try RevisionEval(data: URL(fileURLWithPath: data), seed: seed).run()
        try write(RevisionEval.json(result))
        for line in result.score.lines { print(line) }
        print(String(format: "diff of a %d-sentence article (50 edits): %.2f ms; whole run %.1f s",
                     result.longDiffSentences, result.longDiffMilliseconds, Date().timeIntervalSince(started)))
        print(result.score.description)
    }
}
