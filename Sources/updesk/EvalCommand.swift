import ArgumentParser
import DeskLanguage
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
          timex       text/DOC.txt + text/DOC.dct.json (+ tml/ for scoring)
          ner         a folder holding one *.sentences.jsonl (and its gold file for scoring)
          revisions   ground-truth.json of clean bodies (as extraction): generated versions, scored by what the generator knows
        Predictions are written in the format the matching ../shared/tools/score_*.py reads. extraction, scrapes and
        stories are scored in Swift by the same definition; timex and ner run the Python scorer when it is found
        beside the data (DATA/../../tools) or in $UPDESK_TOOLS.
        """
    )

    enum Task: String, ExpressibleByArgument, CaseIterable {
        case extraction, scrapes, stories, timex, ner
        case revisions
    }

    @Argument(help: "The task: \(Task.allCases.map(\.rawValue).joined(separator: ", ")).")
    var task: Task

    @Option(help: "The evaluation folder.")
    var data: String

    @Option(help: "Where to write the predictions (JSON).")
    var out: String

    @Option(help: "revisions: the generator's seed (the floors use 5 and 6).")
    var seed: UInt64 = RevisionEval.defaultSeed

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
            case .revisions:
                try runRevisions()
            case .timex:
                try write(TimexEval.predict(textFolder: dataURL.appendingPathComponent("text")))
                try score("score_timex.py", ["score", dataURL.appendingPathComponent("tml").path, out])
            case .ner:
                let files = (try? FileManager.default.contentsOfDirectory(atPath: dataURL.path)) ?? []
                guard let sentences = files.first(where: { $0.hasSuffix(".sentences.jsonl") }) else {
                    throw EvalError.missing(dataURL.appendingPathComponent("*.sentences.jsonl").path)
                }
                try write(NEREval.predict(sentencesJSONL: dataURL.appendingPathComponent(sentences)))
                let goldName = String(sentences.dropLast(".sentences.jsonl".count))
                let gold = files.contains(goldName) ? goldName : files.first { $0.hasSuffix(".conll.txt") } ?? goldName
                try score("score_ner.py", ["score", dataURL.appendingPathComponent(gold).path, out])
            }
        }
    }

    /// Prints the official scorer's output (its summary line last), or says how to score when it is absent.
    func score(_ script: String, _ arguments: [String]) throws {
        guard let scorer = OfficialScorer.locate(script, near: URL(fileURLWithPath: data)) else {
            print("predictions written to \(out); score them with \(script) (not found beside the data; set UPDESK_TOOLS)")
            return
        }
        print(try OfficialScorer.run(scorer, arguments), terminator: "")
    }

    func write(_ data: Data) throws {
        do {
            try data.write(to: URL(fileURLWithPath: out))
        } catch {
            throw EvalError.malformed(out, "cannot write predictions: \(error.localizedDescription)")
        }
    }
}
