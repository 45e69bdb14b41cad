import ArgumentParser
import DeskModel
import DeskSources
import Foundation

struct SourceAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Subscribe to a feed or watch a page (which one is told on the first fetch).")

    @OptionGroup var store: StoreOptions

    @Argument(help: "The feed's or page's http(s) address.")
    var url: String

    @Option(help: "How often to poll it.")
    var every: IntervalArgument?

    @Flag(help: "For feed entries with only a summary, fetch and extract the linked article.")
    var fullText = false

    @Option(help: "A tag (repeatable).")
    var tag: [String] = []

    @Flag(help: "Watch it as a page even if it is a feed.")
    var page = false

    func run() throws {
        guard let canonical = URLCanonicalizer.resolve(url, base: nil), let parsed = URL(string: canonical),
              ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""), parsed.host != nil else {
            throw ValidationError("\(url) is not an http(s) address")
        }
        let desk = try store.openSources()
        let source = Source(url: canonical, kind: page ? .page : .unknown, tags: tag, interval: every?.seconds ?? Source.defaultInterval,
                            fullText: fullText)
        let result = try presenting { try desk.addSource(source) }
        let id = result.source.id.map(String.init) ?? "?"
        print(result.added ? "added source \(id): \(canonical)" : "already subscribed as source \(id): \(canonical)")
    }
}
