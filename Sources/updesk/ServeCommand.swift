import ArgumentParser
import DeskStore
import DeskWeb
import Foundation
import Logging

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web desk: pages, the JSON API (/openapi.json), feeds, watches and signed webhooks.",
        discussion: "Pages work without JavaScript. API tokens: set UPDESK_ADMIN_TOKEN (or --admin-token) to act as admin, then POST /api/users to make readers and editors. Stops on Ctrl-C or SIGTERM."
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
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await web.runBackground() }
                if let feed { group.addTask { await LiveUpdates.follow(feed) { await web.refresh() } } }
                group.addTask { try await app.runService() }
                // The server stops on a signal; then the background work stops too.
                try await group.next()
                group.cancelAll()
            }
        }
    }
}
