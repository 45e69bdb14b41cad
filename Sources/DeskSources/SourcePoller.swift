import DeskExtract
import DeskModel
import DeskPipeline
import DeskStore
import Foundation
import Logging

/// The scheduler: polls due sources politely and safely, and hands every new or changed entry (or page
/// version) to the same `Ingestor` that `updesk ingest` uses. Everything it learns (validators, backoff,
/// entries taken) is saved in the `SourceStore`, so a restart carries on where it stopped.
public final class SourcePoller: Sendable {
    let store: any Store & SourceStore
    let ingestor: Ingestor
    /// Where new entries go instead of the ingestor when workers place them (PostgreSQL desks).
    let intake: (any DocumentIntake)?
    let fetcher: HTTPFetcher
    let options: PollOptions
    let logger: Logger
    let pacer: HostPacer
    let robots: RobotsCache
    /// Placement depends on everything placed before it: one document at a time.
    let placing = NSLock()

    public init(store: any Store & SourceStore, fetcher: HTTPFetcher, options: PollOptions = PollOptions(),
                logger: Logger = Logger(label: "updesk.fetch"), intake: (any DocumentIntake)? = nil) {
        self.store = store
        self.ingestor = Ingestor(store: store, logger: logger)
        self.intake = intake
        self.fetcher = fetcher
        self.options = options
        self.logger = logger
        self.pacer = HostPacer(interval: options.hostInterval, perHost: options.perHostConcurrency)
        self.robots = RobotsCache(fetcher: fetcher)
    }

    /// Polls every source due at `now` once.
    public func runOnce(now: Date = Date()) async throws -> CycleReport {
        let started = Date()
        let due = Self.interleavedByHost(try store.sources().filter { $0.isDue(at: now) })
        var report = CycleReport()
        try await withThrowingTaskGroup(of: CycleReport.self) { group in
            var next = 0
            func launch() {
                let source = due[next]
                next += 1
                group.addTask { try await self.poll(source) }
            }
            while next < min(options.concurrency, due.count) { launch() }
            while let one = try await group.next() {
                report.merge(one)
                if next < due.count { launch() }
            }
        }
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    /// Orders sources so that consecutive ones are on different hosts (each host's first source, then each
    /// host's second …): a slot of the cycle's concurrency then rarely waits on one host's pacing.
    static func interleavedByHost(_ sources: [Source]) -> [Source] {
        var seen: [String: Int] = [:]
        let ranked = sources.enumerated().map { index, source -> (rank: Int, index: Int, source: Source) in
            let host = URL(string: source.url)?.host ?? source.url
            let rank = seen[host, default: 0]
            seen[host] = rank + 1
            return (rank, index, source)
        }
        return ranked.sorted { ($0.rank, $0.index) < ($1.rank, $1.index) }.map(\.source)
    }

    /// Polls forever: a cycle, then sleep until the next source is due (at least a second, at most a minute).
    public func run(cycle: @escaping @Sendable (CycleReport) -> Void) async throws {
        while !Task.isCancelled {
            let report = try await runOnce()
            if report.polled > 0 { cycle(report) }
            let nextDue = try store.sources().filter { !$0.paused }.compactMap(\.state.nextFetch).min()
            let wait = min(max(nextDue.map { $0.timeIntervalSinceNow } ?? 60, 1), 60)
            try await Task.sleep(nanoseconds: UInt64(wait * 1_000_000_000))
        }
    }

    /// Fetches one source and ingests what is new; saves its state whatever happens.
    func poll(_ original: Source) async throws -> CycleReport {
        var source = original
        var report = CycleReport()
        report.polled = 1
        let now = Date()
        source.state.lastFetched = now
        do {
            guard let url = URL(string: source.url), let host = url.host else { throw FetchError(.badURL, "\(source.url) is not a URL") }
            if options.respectRobots, try await !robots.allows(url) {
                report.deferred = 1
                source.state.lastError = "disallowed by robots.txt"
                source.state.nextFetch = now.addingTimeInterval(Backoff.maxDelay)
                try store.saveFetchState(source)
                return report
            }
            let validators = Validators(etag: source.state.etag, lastModified: source.state.lastModified)
            await pacer.acquire(host)
            let response: FetchResponse
            do {
                response = try await fetcher.get(url, validators: validators)
                await pacer.release(host)
            } catch {
                await pacer.release(host)
                throw error
            }
            source.state.lastStatus = response.status
            if response.notModified {
                report.notModified = 1
            } else {
                try await take(response, for: &source, into: &report)
                // Validators only for a body that was taken: were they saved before a malformed feed failed to
                // parse, the next cycle's 304 would clear the failure and `source list` would show it healthy.
                source.state.etag = response.etag
                source.state.lastModified = response.lastModified
            }
            source.state.failures = 0
            source.state.lastError = nil
            source.state.nextFetch = now.addingTimeInterval(source.interval)
        } catch {
            let failure = error as? FetchError
            let message = (error as? any PresentableError)?.message ?? String(describing: error)
            source.state.failures += 1
            source.state.lastError = message
            if let status = failure?.status { source.state.lastStatus = status }
            var delay = Backoff.delay(failures: source.state.failures, interval: source.interval)
            // A server's Retry-After is honoured up to the backoff's own cap: a date years ahead must not park
            // the source for good.
            if let retryAfter = failure?.retryAfter { delay = max(delay, min(retryAfter, Backoff.maxDelay)) }
            source.state.nextFetch = now.addingTimeInterval(delay)
            report.failed = 1
            report.failures.append("\(source.url): \(message)")
            logger.notice("fetch failed", metadata: ["source": "\(source.url)", "reason": "\(message)", "retry_in_s": "\(Int(delay))"])
            if error is StoreError { throw error }
        }
        try store.saveFetchState(source)
        return report
    }

    /// A fresh response: a feed's new or changed entries, or a page's new version, into the pipeline.
    func take(_ response: FetchResponse, for source: inout Source, into report: inout CycleReport) async throws {
        let isFeed = source.kind == .feed || (source.kind == .unknown && FeedParser.looksLikeFeed(response.body, contentType: response.contentType))
        guard isFeed else {
            source.kind = .page
            try takePage(response, for: &source, into: &report)
            return
        }
        let feed = try FeedParser.parse(response.body, contentType: response.contentType, url: response.url)
        source.kind = .feed
        if source.title == nil { source.title = feed.title }
        if source.siteURL == nil { source.siteURL = feed.siteURL }
        guard let sourceID = source.id else { return }
        let seen = try store.seenEntries(source: sourceID)
        var documents: [RawDocument] = []
        var taken: [String: String] = [:]
        let label = source.title ?? response.url.host
        for entry in feed.entries {
            let key = EntryDocument.key(for: entry)
            let hash = EntryDocument.hash(of: entry)
            guard seen[key] != hash, taken[key] == nil else { continue }
            let id = EntryDocument.id(for: entry, feedURL: source.url, key: key)
            var page: (html: String, url: String)?
            if source.fullText, entry.content == nil, let link = entry.link, let linkURL = URL(string: link) {
                page = await fullText(linkURL)
                if page != nil { report.fullTextFetched += 1 }
            }
            documents.append(EntryDocument.document(for: entry, id: id, feedURL: source.url, source: label, fullPage: page))
            taken[key] = hash
        }
        try ingest(documents, into: &report)
        try store.recordEntries(source: sourceID, taken, at: Date())
    }

    /// A page source: ingested again only when its bytes changed; the pipeline keeps it as a revision.
    func takePage(_ response: FetchResponse, for source: inout Source, into report: inout CycleReport) throws {
        let hash = StableHash.hex([String(decoding: response.body, as: UTF8.self)])
        guard hash != source.state.contentHash else { return }
        let decoded: (text: String, fallback: String?)
        do { decoded = try TextDecoding.decodeReporting(response.body, declared: response.contentType) } catch {
            throw FetchError(.badEncoding, "\(source.url): the page is \(error == .empty ? "empty" : "binary")")
        }
        let id = URLCanonicalizer.canonical(source.url) ?? source.url
        let doc = RawDocument(id: id, origin: source.url, kind: .html, text: decoded.text, url: response.url.absoluteString, source: source.title)
        try ingest([doc], into: &report)
        source.state.contentHash = hash
    }

    /// The linked article of a summary-only entry; nil (the summary is used) when it cannot be had.
    func fullText(_ url: URL) async -> (html: String, url: String)? {
        guard let host = url.host else { return nil }
        if options.respectRobots, (try? await robots.allows(url)) != true { return nil }
        await pacer.acquire(host)
        do {
            let fetched = try await fetcher.get(url, accept: HTTPFetcher.acceptPages)
            await pacer.release(host)
            let response = fetched
            let text = try TextDecoding.decode(response.body, declared: response.contentType)
            return (text, response.url.absoluteString)
        } catch {
            if !(error is TextDecoding.Failure) { await pacer.release(host) }
            logger.notice("full text not fetched; the summary is used", metadata: ["url": "\(url)", "reason": "\(error)"])
            return nil
        }
    }

    func ingest(_ documents: [RawDocument], into report: inout CycleReport) throws {
        guard !documents.isEmpty else { return }
        if let intake {
            let queued = try intake.enqueue(documents)
            report.documents += queued
            report.queued += queued
            return
        }
        let analyzed = ingestor.prepare(documents)
        placing.lock()
        defer { placing.unlock() }
        for item in analyzed {
            let outcome = try ingestor.place(item)
            report.documents += 1
            switch outcome.action {
            case .stored: report.stored += 1
            case .revised: report.revised += 1
            case .duplicate: report.duplicates += 1
            case .unchanged: report.unchanged += 1
            }
        }
    }
}
