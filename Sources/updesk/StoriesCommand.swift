import ArgumentParser
import DeskModel
import DeskPipeline
import Foundation

struct StoriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stories", abstract: "List stories, most recently active first.")

    @OptionGroup var store: StoreOptions
    @Option(help: "How many stories.") var limit = 30
    @Flag(help: "Write JSON.") var json = false

    func run() throws {
        let desk = try store.open()
        let stories = try presenting { try desk.stories(limit: limit, offset: 0) }
        if json { print(JSONOut.string(stories)); return }
        if stories.isEmpty { print("No stories yet: ingest something first (updesk ingest PATH)."); return }
        for s in stories {
            print("\(s.id)\t\(Plural.count(s.articleCount, "article"))\t\(Plural.count(s.sourceCount, "source"))\t\(s.updateCount) new\t\(ISO8601.day(s.lastSeen))\t\(s.title)")
        }
    }
}

struct StoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "story", abstract: "Show one story: its articles, timeline and updates.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The story id.") var id: Int64
    @Flag(help: "Write JSON.") var json = false

    func run() throws {
        let desk = try store.open()
        guard let story = try presenting({ try desk.story(id: id) }) else {
            Diagnostics.report(NotFound(what: "story \(id)"))
            throw ExitCode(NotFound(what: "").exitCode)
        }
        if json { print(JSONOut.string(story)); return }
        let s = story.summary
        print("# \(s.title)\n\nStory \(s.id) · \(Plural.count(s.articleCount, "article")) · \(Plural.count(s.sourceCount, "source")) · \(ISO8601.string(s.firstSeen)) – \(ISO8601.string(s.lastSeen))\n")
        print("## Articles")
        for a in story.articles {
            let copy = a.duplicateOf.map { " (copy of \($0))" } ?? ""
            let version = a.version > 1 ? " (version \(a.version))" : ""
            let source = a.source.map { " \($0):" } ?? ""
            print("- \(a.published.map(ISO8601.day) ?? "undated")\(source) \(a.title ?? a.docID)\(copy)\(version)")
        }
        if !story.timeline.isEmpty {
            print("\n## Timeline")
            for t in story.timeline { print("- \(t.date): \(t.text)") }
        }
        print("\n## What is new")
        if story.updates.isEmpty { print("Nothing new.") }
        for u in story.updates.prefix(20) {
            print("- \(u.text)" + (u.sources.isEmpty ? "" : " — " + u.sources.joined(separator: ", ")))
        }
    }
}

enum Plural {
    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}

struct NotFound: PresentableError {
    var what: String
    var message: String { "\(what) does not exist" }
    var exitCode: Int32 { 66 }
    var httpStatus: Int { 404 }
}

enum JSONOut {
    static func string<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self)
    }
}
