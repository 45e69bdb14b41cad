import ArgumentParser
import DeskSources
import Foundation

struct SourceExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Print every source as OPML 2.0 (tags become categories), for a feed reader.")

    @OptionGroup var store: StoreOptions

    func run() throws {
        let sources = try presenting { try store.openSources().sources() }
        let subscriptions = sources.map {
            OPMLSubscription(url: $0.url, title: $0.title, siteURL: $0.siteURL, tags: $0.tags, isPage: $0.kind == .page)
        }
        print(OPML.export(subscriptions), terminator: "")
    }
}
