import ArgumentParser
import DeskPipeline
import Foundation

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Run the desk over an evaluation folder, write predictions, and print the score (last line).",
        discussion: "Tasks: extraction (folder like ../shared/eval/extraction), scrapes (like ../shared/eval/scrapes). The official scorer in ../shared/tools is run too when it is found."
    )

    enum Task: String, ExpressibleByArgument, CaseIterable {
        case extraction, scrapes
    }

    @Argument(help: "The task: \(Task.allCases.map(\.rawValue).joined(separator: ", ")).")
    var task: Task

    @Option(help: "The evaluation folder.")
    var data: String

    @Option(help: "Where to write the predictions (JSON).")
    var out: String

    func run() throws {
        let dataURL = URL(fileURLWithPath: data)
        switch task {
        case .extraction, .scrapes:
            let eval = ExtractionEval(layout: task == .extraction ? .extraction : .scrapes, data: dataURL)
            let predictions = try eval.predict()
            try ExtractionEval.predictionsJSON(predictions).write(to: URL(fileURLWithPath: out))
            let score = ExtractionScore.score(gold: try eval.gold(), predictions: predictions)
            print("\(task.rawValue): \(score)")
        }
    }
}
