import DeskSources
import DeskStore
import Foundation

enum Scratch {
    static func folder(_ name: String) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("updesk-\(name)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// The fetch tests' desk and poller: a real SQLite file, and a fetcher that may reach only 127.0.0.1 (the fixture
/// server), so a request to any other address fails the test instead of leaving the machine.
enum PollerFixture {
    static func desk(_ name: String = "poll") throws -> SQLiteStore {
        try SQLiteStore(path: Scratch.folder(name).appendingPathComponent("desk.sqlite").path)
    }

    static func poller(_ desk: SQLiteStore, _ configure: (inout PollOptions) -> Void = { _ in }) -> SourcePoller {
        var options = PollOptions()
        options.hostInterval = 0
        configure(&options)
        var limits = FetchLimits()
        limits.totalTimeout = 20  // generous: the suite runs many heavy tests at once on 2 cores; /slow has its own 1 s test
        return SourcePoller(store: desk, fetcher: HTTPFetcher(policy: AddressPolicy(exemptions: [IPAddress("127.0.0.1")!]), limits: limits),
                            options: options)
    }
}
