import ArgumentParser
import DeskModel
import Foundation

struct SourceListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List sources with their state: last fetch, next fetch, failures and why.")

    @OptionGroup var store: StoreOptions

    @Flag(help: "JSON instead of a table.")
    var json = false

    func run() throws {
        let sources = try presenting { try store.openSources().sources() }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.dateEncodingStrategy = .iso8601
            print(String(decoding: try encoder.encode(sources), as: UTF8.self))
            return
        }
        let now = Date()
        for s in sources {
            var line = "\(s.id ?? 0)\t\(s.kind.rawValue)\t\(s.url)"
            if let title = s.title { line += "\t\(title)" }
            print(line)
            var state = "\tevery \(Self.duration(s.interval))"
            if !s.tags.isEmpty { state += ", tags: \(s.tags.joined(separator: ", "))" }
            if s.fullText { state += ", full text" }
            if s.paused { state += ", PAUSED" }
            if let last = s.state.lastFetched { state += ", fetched \(Self.duration(now.timeIntervalSince(last))) ago" } else { state += ", never fetched" }
            if let status = s.state.lastStatus { state += " (HTTP \(status))" }
            if let next = s.state.nextFetch, !s.paused {
                state += next > now ? ", next in \(Self.duration(next.timeIntervalSince(now)))" : ", due now"
            }
            print(state)
            if let error = s.state.lastError {
                print("\tfailing: \(s.state.failures) time\(s.state.failures == 1 ? "" : "s") in a row, backing off: \(error)")
            }
        }
        if sources.isEmpty { FileHandle.standardError.write(Data("no sources; add one with `updesk source add URL`\n".utf8)) }
    }

    static func duration(_ seconds: TimeInterval) -> String {
        let s = Int(seconds.rounded())
        if s < 120 { return "\(s)s" }
        if s < 7200 { return "\(s / 60)m" }
        if s < 172_800 { return "\(s / 3600)h" }
        return "\(s / 86_400)d"
    }
}
