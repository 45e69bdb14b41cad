import ArgumentParser
import DeskPipeline
import Foundation

struct DigestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "digest", abstract: "Per story, only what is new since a date.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, html, json }

    @OptionGroup var store: StoreOptions
    @Option(help: "Only what was first seen at or after this time (ISO 8601, today, yesterday, 24h, 7d). Default: everything.")
    var since: DateArgument?
    @Option(help: "markdown, html or json.") var format: Format = .markdown

    func run() throws {
        let desk = try store.open()
        let digest = try presenting { try Digest.build(from: desk, since: since?.date) }
        switch format {
        case .markdown: print(digest.markdown(), terminator: "")
        case .html: print(digest.html(), terminator: "")
        case .json: print(digest.json())
        }
    }
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export JSON for tools (the formats ../shared/tools/score_*.py read).",
        discussion: "assignments: {assign: {doc: story}, opened: [doc]}; updates: {story: {day: text}}; timelines: {story: [[day, [sentence]]]}; articles: {id: {articleBody}}."
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: "assignments, updates, timelines or articles.") var what: Exports.Kind

    func run() throws {
        let desk = try store.open()
        let data = try presenting { try Exports.json(what, from: desk) }
        FileHandle.standardOutput.write(data)
        print()
    }
}

extension Exports.Kind: ExpressibleByArgument {}
