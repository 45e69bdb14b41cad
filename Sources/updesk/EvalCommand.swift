import ArgumentParser
import DeskPipeline
import Foundation

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Run the desk over an evaluation folder, write predictions, and print the score (last line).",
        discussion: """
        Tasks and the folder layout each reads (as in ../shared/eval):
          extraction  html/ID.html.gz + ground-truth.json
          scrapes     pages/ID.txt + ground-truth.json
          stories     one CSV with ID, TITLE, URL, PUBLISHER, STORY, TIMESTAMP columns
        Predictions are written in the format the matching ../shared/tools/score_*.py reads; the score printed is
        computed by the same definition in Swift.
        """
    )

    enum Task: String, ExpressibleByArgument, CaseIterable {
        case extraction, scrapes, stories
    }

    @Argument(help: "The task: \(Task.allCases.map(\.rawValue).joined(separator: ", ")).")
    var task: Task

    @Option(help: "The evaluation folder.")
    var data: String

    @Option(help: "Where to write the predictions (JSON).")
    var out: String

    func run() throws {
        let dataURL = URL(fileURLWithPath: data)
        try presenting {
            switch task {
            case .extraction, .scrapes:
                let eval = ExtractionEval(layout: task == .extraction ? .extraction : .scrapes, data: dataURL)
                let predictions = try eval.predict()
                try write(ExtractionEval.predictionsJSON(predictions))
                let score = ExtractionScore.score(gold: try eval.gold(), predictions: predictions)
                print("\(task.rawValue): \(score)")
            case .stories:
                let db = FileManager.default.temporaryDirectory.appendingPathComponent("updesk-eval-stories-\(getpid()).sqlite").path
                defer { for ext in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + ext) } }
                let started = Date()
                let result = try StoryEval(data: dataURL).run(databasePath: db)
                try write(result.predictions)
                print(String(format: "placed in %.1f s", Date().timeIntervalSince(started)))
                print(result.score.description)
            }
        }
    }

    func write(_ data: Data) throws {
        do {
            try data.write(to: URL(fileURLWithPath: out))
        } catch {
            throw EvalError.malformed(out, "cannot write predictions: \(error.localizedDescription)")
        }
    }
}
