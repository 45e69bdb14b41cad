import Foundation
import Testing

@Suite("Command line")
struct CLITests {
    static let subcommands = ["demo", "extract", "ingest", "stories", "story", "digest", "export", "search", "eval", "bench"]

    @Test("every subcommand answers --help", arguments: [""] + subcommands)
    func help(_ subcommand: String) throws {
        let run = try CLIRun.run(subcommand.isEmpty ? ["--help"] : [subcommand, "--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("USAGE"))
    }

    @Test("shell completions are generated")
    func completions() throws {
        for shell in ["bash", "zsh", "fish"] {
            let run = try CLIRun.run(["--generate-completion-script", shell])
            #expect(run.status == 0)
            #expect(run.stdout.contains("updesk"))
        }
    }

    @Test("a bad JSONL line is named with its line number and the rest goes in; progress stays off when piped")
    func ingestReportsLines() throws {
        let dir = Paths.scratch("cli")
        let stream = dir.appendingPathComponent("in.jsonl")
        try """
            {"id": "x1", "title": "Storm closes harbour", "text": "The storm closed the harbour on Monday."}
            {not json
            {"id": "x2", "title": "Budget passes", "text": "Parliament passed the budget."}
            """.write(to: stream, atomically: true, encoding: .utf8)
        let db = dir.appendingPathComponent("d/desk.sqlite").path
        let run = try CLIRun.run(["ingest", "--db", db, stream.path])
        #expect(run.status == 0)
        #expect(run.stderr.contains("in.jsonl:2: not a JSON object"))
        #expect(run.stderr.contains("2 new"))
        #expect(!run.stderr.contains("\u{1B}["))
        let stories = try CLIRun.run(["stories", "--db", db])
        #expect(stories.stdout.contains("Storm closes harbour"))
        let digest = try CLIRun.run(["digest", "--db", db, "--format", "json"])
        #expect(digest.status == 0)
        #expect((try? JSONSerialization.jsonObject(with: Data(digest.stdout.utf8))) != nil)
    }

    @Test("errors are clear messages with non-zero exit codes")
    func errors() throws {
        let dir = Paths.scratch("cli-err")
        let db = dir.appendingPathComponent("desk.sqlite").path
        let missing = try CLIRun.run(["story", "--db", db, "999"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("story 999 does not exist"))
        let notDB = dir.appendingPathComponent("junk.sqlite")
        try Data(repeating: 0x42, count: 4096).write(to: notDB)
        let damaged = try CLIRun.run(["stories", "--db", notDB.path])
        #expect(damaged.status == 74)
        #expect(damaged.stderr.contains("damaged"))
        let nothing = try CLIRun.run(["ingest", "--db", db, dir.appendingPathComponent("nope.txt").path])
        #expect(nothing.status != 0)
        #expect(nothing.stderr.contains("nope.txt: no such file or folder"))
        let badDate = try CLIRun.run(["digest", "--db", db, "--since", "not-a-date"])
        #expect(badDate.status != 0)
        #expect(badDate.stderr.contains("since"))
    }

    @Test("eval ner and eval timex write predictions and end with the official scorer's summary line")
    func evalWithPythonScorers() throws {
        let out = Paths.scratch("eval").appendingPathComponent("pred.json").path
        let ner = try CLIRun.run(["eval", "ner", "--data", Paths.shared.appendingPathComponent("eval/ner/wikigold").path, "--out", out])
        #expect(ner.status == 0)
        #expect(ner.stdout.split(separator: "\n").last?.hasPrefix("SUMMARY ner") == true)
        let missing = try CLIRun.run(["eval", "timex", "--data", "/nonexistent", "--out", out])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("/nonexistent"))
    }

    @Test("a page with nothing to extract, 100,000 tags deep, is named on standard error; the run goes on")
    func nothingExtracted() throws {
        let dir = Paths.scratch("cli-nothing")
        let deep = dir.appendingPathComponent("deep.html")
        try (String(repeating: "<div><span>", count: 100_000) + String(repeating: "</span></div>", count: 100_000))
            .write(to: deep, atomically: true, encoding: .utf8)
        let run = try CLIRun.run(["extract", "--format", "jsonl", deep.path])
        #expect(run.status == 0)
        #expect(run.stderr.contains("deep.html: nothing extracted: no article text found"))
        #expect(run.stdout.split(separator: "\n").count == 1)
    }

    @Test("extract reads standard input and gzip")
    func stdinAndGzip() throws {
        let seed = try Data(contentsOf: Paths.seed)
        let run = try CLIRun.run(["extract", "--format", "text", "-"], stdin: seed)
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("Israel, Japan agree to deepen economic, security ties"))
        let html = try CLIRun.run(["extract", "--format", "jsonl", Paths.shared.appendingPathComponent("eval/extraction/html").path])
        #expect(html.status == 0)
        #expect(html.stdout.split(separator: "\n").count == 91)
    }
}
