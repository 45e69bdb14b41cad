import ArgumentParser
import DeskModel
import DeskSources
import Foundation

struct SourceImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Subscribe to every feed of an OPML file (a feed reader's export); categories become tags.")

    @OptionGroup var store: StoreOptions

    @Argument(help: "The OPML file, or - for standard input.")
    var file: String

    @Option(help: "How often to poll the imported sources.")
    var every: IntervalArgument?

    func run() throws {
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let read = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
            data = read
        }
        let started = Date()
        let subscriptions = try presenting { try OPML.parse(data) }
        let desk = try store.openSources()
        var added = 0, held = 0, skipped = 0
        for s in subscriptions {
            guard let url = URLCanonicalizer.resolve(s.url, base: nil), let parsed = URL(string: url),
                  ["http", "https"].contains(parsed.scheme?.lowercased() ?? "") else {
                Diagnostics.warn("skipped \(s.url): not an http(s) address")
                skipped += 1
                continue
            }
            let source = Source(url: url, kind: s.isPage ? .page : .unknown, title: s.title, siteURL: s.siteURL, tags: s.tags,
                                interval: every?.seconds ?? Source.defaultInterval)
            if try presenting({ try desk.addSource(source) }).added { added += 1 } else { held += 1 }
        }
        let seconds = Date().timeIntervalSince(started)
        print("imported \(subscriptions.count) subscriptions in \(String(format: "%.3f", seconds)) s: \(added) added, \(held) already held, \(skipped) skipped")
    }
}
