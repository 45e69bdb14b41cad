import DeskModel
import DeskPipeline
import DeskStore
import Foundation
import Hummingbird
import Logging
import Mustache

/// What the web desk reads and writes: one backend that is both the desk's `Store` and a `WebStore`.
public typealias WebBackend = Store & WebStore & StoryPageStore

/// The web desk: pages, the JSON API, feeds, watches and webhooks over one desk.
/// Unchecked: the router is only changed while `init` installs the routes.
public final class WebDesk: @unchecked Sendable {
    public struct Configuration: Sendable {
        public var host: String
        public var port: Int
        /// A token that acts as the admin (created at start if no user holds it); nil: no admin.
        public var adminToken: String?
        /// How often watches are matched against new updates and due webhooks are sent.
        public var watchInterval: Duration
        public var webhook: WebhookDeliverer.Policy
        /// Where POSTed documents go when this node does not place them (a PostgreSQL desk's job queue);
        /// nil: placed here, in order.
        public var intake: (any DocumentIntake)?
        /// The server runs behind TLS (a terminating proxy): cookies get the `Secure` flag.
        public var behindTLS: Bool
        /// PBKDF2 rounds for new passwords (`PasswordHasher.defaultRounds`; tests lower it for speed).
        public var passwordRounds: Int
        /// The login rate limit (failures per account and per client address).
        public var loginLimit: LoginLimiter.Policy
        /// Scheduled per-watch digests (Markdown and HTML files); nil: none.
        public var digests: WatchDigestWriter.Policy?
        public init(host: String = "127.0.0.1", port: Int = 8080, adminToken: String? = nil,
                    watchInterval: Duration = .seconds(WebhookDeliverer.Policy.defaultScanSeconds),
                    webhook: WebhookDeliverer.Policy = .init(), intake: (any DocumentIntake)? = nil, behindTLS: Bool = false,
                    passwordRounds: Int = PasswordHasher.defaultRounds, loginLimit: LoginLimiter.Policy = .init(),
                    digests: WatchDigestWriter.Policy? = nil) {
            self.digests = digests
            self.intake = intake
            self.behindTLS = behindTLS
            self.passwordRounds = passwordRounds
            self.loginLimit = loginLimit
            self.host = host
            self.port = port
            self.adminToken = adminToken
            self.watchInterval = watchInterval
            self.webhook = webhook
        }
    }

    let store: any WebBackend
    let configuration: Configuration
    let templates: MustacheLibrary
    let ingestor: Ingestor
    let indexer: EntityIndexer
    let watches: WatchRunner
    let digests: WatchDigestWriter?
    let logger: Logger
    public let routeTable: RouteTable
    public let metrics = DeskMetrics()
    let router: Router<DeskContext>

    public init(store: any WebBackend, configuration: Configuration = .init(), logger: Logger = Logger(label: "updesk.web")) async throws {
        self.store = store
        self.configuration = configuration
        self.logger = logger
        guard let folder = Bundle.module.url(forResource: "Templates", withExtension: nil)?.path else {
            throw WebError(.notFound, "the web desk's templates are missing from the bundle")
        }
        _ = FastHTMLContentType.registered
        templates = try await MustacheLibrary(directory: folder)
        ingestor = Ingestor(store: store, logger: logger)
        indexer = EntityIndexer(store: store)
        watches = WatchRunner(store: store, policy: configuration.webhook, logger: logger)
        digests = configuration.digests.map { WatchDigestWriter(store: store, policy: $0) }
        router = Router(context: DeskContext.self)
        routeTable = RouteTable(router: router)
        router.add(middleware: AccessLog(logger: logger))
        router.add(middleware: CSRFCheck(store: store, templates: templates))
        if let token = configuration.adminToken {
            let hash = Tokens.hash(token)
            if try store.user(tokenHash: hash) == nil {
                _ = try store.addUser(name: "admin", role: .admin, tokenHash: hash, at: Date())
            }
        }
        installPages()
        installAPI()
        installFeeds()
        installAccounts()
        installWatchPages()
    }

    /// The server, ready to run; `onRunning` gets the bound port (useful with port 0).
    public func application(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(router: router,
                    configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "updesk"),
                    onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
                    logger: logger)
    }

    /// Background work while serving: index entities, match watches, send due webhooks; until cancelled.
    public func runBackground() async {
        while !Task.isCancelled {
            await refresh()
            try? await Task.sleep(for: configuration.watchInterval)
        }
    }

    /// Brings the entity index and the watches up to date and sends what is due. Called after each ingest.
    public func refresh() async {
        do {
            try await Blocking.run { [indexer] in try indexer.run() }
            try await Blocking.run { [watches] in try watches.match(now: Date()) }
            await watches.deliverDue(now: Date())
            if let digests {
                let files = try await Blocking.run { try digests.runIfDue(now: Date()) }
                if !files.isEmpty { logger.notice("watch digests written", metadata: ["files": "\(files.count)"]) }
            }
        } catch {
            logger.error("background refresh failed", metadata: ["error": "\(error)"])
        }
    }
}
