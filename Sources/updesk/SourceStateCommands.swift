import ArgumentParser
import DeskModel
import DeskStore
import Foundation

/// The source named by id or URL, or a clear error.
func findSource(_ idOrURL: String, in desk: any SourceStore) throws -> Source {
    guard let source = try presenting({ try desk.source(matching: idOrURL) }) else {
        throw ValidationError("no source \(idOrURL) (see `updesk source list`)")
    }
    return source
}

struct SourceRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Unsubscribe from a source; what it brought stays in the desk.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "The source's id or URL.") var source: String

    func run() throws {
        let desk = try store.openSources()
        let found = try findSource(source, in: desk)
        try presenting { try desk.removeSource(id: found.id!) }
        print("removed source \(found.id!): \(found.url)")
    }
}

struct SourcePauseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pause", abstract: "Stop polling a source until resumed.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "The source's id or URL.") var source: String

    func run() throws {
        let desk = try store.openSources()
        var found = try findSource(source, in: desk)
        found.paused = true
        try presenting { try desk.updateSource(found) }
        print("paused source \(found.id!): \(found.url)")
    }
}

struct SourceResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "resume", abstract: "Poll a paused source again (due at once).")
    @OptionGroup var store: StoreOptions
    @Argument(help: "The source's id or URL.") var source: String

    func run() throws {
        let desk = try store.openSources()
        var found = try findSource(source, in: desk)
        found.paused = false
        found.state.nextFetch = nil
        try presenting { try desk.updateSource(found) }
        print("resumed source \(found.id!): \(found.url)")
    }
}
