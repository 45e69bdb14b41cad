import ArgumentParser
import DeskSources
import DeskStore
import DeskWeb
import Foundation
import Logging

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web desk: pages, the JSON API (/openapi.json), feeds, watches and signed webhooks.",
        discussion: "Pages work without JavaScript. API tokens: set UPDESK_ADMIN_TOKEN (or --admin-token) to act as admin, then POST /api/users to make readers and editors. The desk's sources (`updesk source add`) are polled in the background as `updesk fetch` polls them (--no-fetch: not). Stops on Ctrl-C or SIGTERM."
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on (0: any free port, printed at start).") var port = 8080
    @Option(help: "A token that acts as the admin (default: $UPDESK_ADMIN_TOKEN).")
    var adminToken: String? = ProcessInfo.processInfo.environment["UPDESK_ADMIN_TOKEN"]
    @Flag(help: "The server runs behind a TLS-terminating proxy: session cookies get the Secure flag.")
    var behindTLS = false
    @Option(help: "Write each watch's digest (Markdown and an email-ready HTML body) into this folder on a schedule.")
    var digestDir: String?
    @Option(help: "How often watch digests are written: 24h (the default), 1h, 30m ... (with --digest-dir).")
    var digestEvery: IntervalArgument?
    @Flag(help: "Do not poll the desk's sources in the background (run `updesk fetch` elsewhere instead).")
    var noFetch = false
    @OptionGroup var fetch: FetchOptions
    @OptionGroup var polling: PollingOptions
    /// A day: the digest a desk reader expects each morning.
    static let defaultDigestSeconds: TimeInterval = 86_400

    func run() throws {
        let (desk, intake, feed) = try store.openWeb()
        let digests = digestDir.map { WatchDigestWriter.Policy(directory: URL(fileURLWithPath: $0), every: digestEvery?.seconds ?? Self.defaultDigestSeconds) }
        let config = WebDesk.Configuration(host: host, port: port, adminToken: adminToken, intake: intake, behindTLS: behindTLS,
                                           digests: digests)
        let db = store.db
        try AsyncBridge.run {
            var logger = Logger(label: "updesk.web")
            logger.logLevel = .notice
            let web = try await WebDesk(store: desk, configuration: config, logger: logger)
            let app = web.application { port in
                FileHandle.standardError.write(Data("updesk: serving \(db) on http://\(config.host):\(port)/\n".utf8))
            }
            let poller = noFetch ? nil : (desk as? any Store & SourceStore).map {
                SourcePoller(store: $0, fetcher: fetch.fetcher, options: polling.options, logger: Log.logger("updesk.fetch"), intake: intake)
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await web.runBackground() }
                if let poller { group.addTask { await Self.poll(poller, web: web) } }
                if let feed { group.addTask { await LiveUpdates.follow(feed) { await web.refresh() } } }
                group.addTask { try await app.runService() }
                // The server stops on a signal; then the background work stops too.
                try await group.next()
                group.cancelAll()
            }
        }
    }

    /// How long the background scheduler waits after a failed cycle (a full disk, a lost database) before it
    /// tries again: the web desk keeps serving meanwhile instead of stopping with the scheduler.
    static let pollRetrySeconds: UInt64 = 60

    /// The scheduler in the background: what a cycle ingests shows at once (watches, pages).
    static func poll(_ poller: SourcePoller, web: WebDesk) async {
        let logger = Log.logger("updesk.fetch")
        while !Task.isCancelled {
            do {
                // Each failed fetch is logged by the poller itself.
                try await poller.run { report in
                    if report.documents > 0 { Task { await web.refresh() } }
                }
            } catch is CancellationError {
                return
            } catch {
                logger.error("source polling failed; retrying", metadata: ["error": "\(error)", "retry_in_s": "\(pollRetrySeconds)"])
                try? await Task.sleep(nanoseconds: pollRetrySeconds * 1_000_000_000)
            }
        }
    }
}
