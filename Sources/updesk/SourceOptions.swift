import ArgumentParser
import DeskPipeline
import DeskQueue
import DeskSources
import DeskStore
import DeskStorePostgres
import Foundation

extension StoreOptions {
    /// The desk with its sources (both backends implement both protocols).
    func openSources() throws -> any Store & SourceStore {
        try openDesk().store
    }

    /// The desk, and where new documents go: on PostgreSQL the job queue (workers place them), on SQLite
    /// nowhere else (nil: placed in this process).
    func openDesk() throws -> (store: any Store & SourceStore, intake: (any DocumentIntake)?) {
        try presenting {
            if PostgresLocation.isPostgres(db) {
                let desk = try PostgresStore(url: db)
                return (desk, QueueIntake(queue: JobQueue(store: desk)))
            }
            return (try SQLiteStore(path: db), nil)
        }
    }
}

/// A poll interval: "15m", "1h", "90s", "2d", or seconds.
struct IntervalArgument: ExpressibleByArgument {
    let seconds: TimeInterval
    init?(argument: String) {
        let lower = argument.lowercased()
        if let plain = Double(lower) {
            // A source polled every 0 s (or less) would be fetched in a tight loop.
            guard plain > 0 else { return nil }
            seconds = plain
            return
        }
        guard let unit = lower.last, let n = Double(lower.dropLast()), n > 0 else { return nil }
        switch unit {
        case "s": seconds = n
        case "m": seconds = n * 60
        case "h": seconds = n * 3600
        case "d": seconds = n * 86_400
        default: return nil
        }
    }
    static var defaultValueDescription: String { "15m, 1h, 90s, 2d" }
}

/// `--allow-private-addresses` and the fetch limits, shared by `fetch` and `source add`.
struct FetchOptions: ParsableArguments {
    @Flag(help: "Allow fetching loopback, link-local and private addresses (also UPDESK_ALLOW_PRIVATE_ADDRESSES=1). For local setups and tests.")
    var allowPrivateAddresses = false

    @Option(help: "Seconds for a whole fetch, redirects and body included.")
    var timeout: Double = FetchLimits().totalTimeout

    @Option(help: "User-Agent sent with every request.")
    var userAgent: String = HTTPFetcher.defaultUserAgent

    var fetcher: HTTPFetcher {
        var limits = FetchLimits()
        limits.totalTimeout = timeout
        return HTTPFetcher(policy: .fromEnvironment(flag: allowPrivateAddresses), limits: limits, userAgent: userAgent)
    }
}

/// How sources are polled, shared by `fetch` and `serve` (which polls in the background).
struct PollingOptions: ParsableArguments {
    @Option(help: "Sources fetched at once.")
    var concurrency = PollOptions().concurrency

    @Option(help: "Requests in flight to one host at most.")
    var perHostConcurrency = PollOptions().perHostConcurrency

    @Option(help: "Seconds between two requests to the same host.")
    var hostInterval = PollOptions().hostInterval

    @Flag(help: "Read robots.txt and skip what it disallows.")
    var respectRobots = false

    var options: PollOptions {
        var options = PollOptions()
        options.concurrency = max(1, concurrency)
        options.perHostConcurrency = max(1, perHostConcurrency)
        options.hostInterval = max(0, hostInterval)
        options.respectRobots = respectRobots
        return options
    }
}
