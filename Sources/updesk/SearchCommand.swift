import ArgumentParser
import DeskPipeline
import Foundation

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "search", abstract: "Full-text search over stored articles (bm25 ranked).")

    @OptionGroup var store: StoreOptions
    @Option(help: "How many results.") var limit = 20
    @Argument(help: "Words to search for.") var words: [String]

    func run() throws {
        let desk = try store.open()
        let hits = try presenting { try desk.search(words.joined(separator: " "), limit: limit) }
        if hits.isEmpty { print("No matches."); return }
        for h in hits {
            print("\(h.articleID)\tstory \(h.storyID.map(String.init) ?? "-")\t\(h.title ?? "")\n\t\(h.snippet)")
        }
    }
}
