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
          stories     one CSV with ID, TITLE, URL, PUBLISHER, STORY, TIMESTAMP columns, or topic_source/articles.jsonl
                      folders of dated articles (gold story = topic)
          timex       text/DOC.txt + text/DOC.dct.json (+ tml/ for scoring)
          ner         a folder holding one *.sentences.jsonl (and its gold file for scoring)
          updates     EVENT/annotator*.tsv (Date column: the days asked) + EVENT/topic; articles in DATA/../timelines
          timelines   TOPIC_SOURCE/articles.jsonl + timelines.jsonl (only its number of dates is read)
          revisions   ground-truth.json of clean bodies (as extraction): generated versions, scored by what the generator knows
        Predictions are written in the format the matching ../shared/tools/score_*.py reads. extraction, scrapes and
        stories are scored in Swift by the same definition; timex, ner, updates and timelines run the Python scorer when
        it is found beside the data (DATA/../../tools) or in $UPDESK_TOOLS, with $UPDESK_PYTHON (default python3).
        """
    )

    enum Task: String, ExpressibleByArgument, CaseIterable {
        case extraction, scrapes, stories, timex, ner, updates, timelines, revisions
    }

    @Argument(help: "The task: \(Task.allCases.map(\.rawValue).joined(separator: ", ")).")
    var task: Task

    @Option(help: "The evaluation folder.")
    var data: String

    @Option(help: "Where to write the predictions (JSON).")
    var out: String

    @Option(help: "stories on dated-article folders: only these topic folders (comma-separated).")
    var folders: String?

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
                let result = try StoryEval(data: dataURL, folders: folders?.split(separator: ",").map(String.init)).run(databasePath: db)
                try write(result.predictions)
                print(String(format: "placed in %.1f s", Date().timeIntervalSince(started)))
                print(result.score.description)
            case .revisions:
                try runRevisions()
            case .timex:
                // Words are counted before the clock starts: the speed line times tagging (and writing), not counting.
                let words = LanguageSpeed.words(inFolder: dataURL.appendingPathComponent("text"), ext: "txt")
                let started = Date(), cpu = Self.cpuSeconds()
                try write(TimexEval.predict(textFolder: dataURL.appendingPathComponent("text")))
                printSpeed(words: words, since: started, cpuAtStart: cpu)
                try score("score_timex.py", ["score", dataURL.appendingPathComponent("tml").path, out])
            case .ner:
                let files = (try? FileManager.default.contentsOfDirectory(atPath: dataURL.path)) ?? []
                guard let sentences = files.first(where: { $0.hasSuffix(".sentences.jsonl") }) else {
                    throw EvalError.missing(dataURL.appendingPathComponent("*.sentences.jsonl").path)
                }
                let words = LanguageSpeed.words(inJSONL: dataURL.appendingPathComponent(sentences))
                let started = Date(), cpu = Self.cpuSeconds()
                try write(NEREval.predict(sentencesJSONL: dataURL.appendingPathComponent(sentences)))
                printSpeed(words: words, since: started, cpuAtStart: cpu)
                let goldName = String(sentences.dropLast(".sentences.jsonl".count))
                let gold = files.contains(goldName) ? goldName : files.first { $0.hasSuffix(".conll.txt") } ?? goldName
                try score("score_ner.py", ["score", dataURL.appendingPathComponent(gold).path, out])
            case .updates:
                let result = try UpdatesEval(data: dataURL).run()
                try write(UpdatesEval.json(result.predictions))
                print(result.speedLine)
                try score("score_updates.py", [out, "--gold-root", dataURL.path, "--no-ceiling"])
            case .timelines:
                let result = try TimelinesEval(data: dataURL).run()
                try write(TimelinesEval.json(result.predictions))
                print(result.speedLine)
                try score("score_timelines.py", [out, "--root", dataURL.path])
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

    /// Words per second of a language task (one core: the eval runs single-threaded), model loading included.
    /// Per CPU second as well as per wall-clock second: on a shared machine the wall clock counts waiting.
    func printSpeed(words: Int, since started: Date, cpuAtStart: Double) {
        let seconds = Date().timeIntervalSince(started)
        let cpu = Self.cpuSeconds() - cpuAtStart
        print(String(format: "tagged %d words in %.2f s (%.2f s CPU): %.0f words/s per CPU second, %.0f per wall-clock second (one core)",
                     words, seconds, cpu, Double(words) / max(cpu, 1e-9), Double(words) / max(seconds, 1e-9)))
    }

    /// User + system CPU time of this process so far.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    func write(_ data: Data) throws {
        do {
            try data.write(to: URL(fileURLWithPath: out))
        } catch {
            throw EvalError.malformed(out, "cannot write predictions: \(error.localizedDescription)")
        }
    }
}
