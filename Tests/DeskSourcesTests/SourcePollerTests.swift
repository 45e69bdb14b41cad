import DeskModel
import DeskSources
import DeskStore
import Foundation
import Testing

/// The scheduler end to end: real SQLite file, real local server, real ingest pipeline.
@Suite("Fetch cycles: ingest, restarts, politeness, backoff")
struct SourcePollerTests {
    @discardableResult
    func add(_ desk: SQLiteStore, _ url: URL, fullText: Bool = false) throws -> Source {
        try desk.addSource(Source(url: url.absoluteString, fullText: fullText)).source
    }

    @Test("every format's entries go through the ingest pipeline into the desk")
    func ingestsEveryFormat() async throws {
        try await FixtureServer.with { server in
            let desk = try PollerFixture.desk("poll")
            for name in ["rss2-quirks.xml", "rss091.xml", "rss1-rdf.xml", "atom.xml", "jsonfeed.json"] {
                try add(desk, server.url("/feeds/\(name)"))
            }
            let report = try await PollerFixture.poller(desk).runOnce()
            #expect(report.polled == 5)
            #expect(report.failed == 0, "\(report.failures)")
            #expect(report.documents == 5 + 2 + 2 + 2 + 2)
            let articles = try desk.articles()
            let wall = try #require(articles.first { $0.title == "Council approves new harbour wall" })
            #expect(wall.paragraphs.joined(separator: " ").contains("winter storms"))
            #expect(wall.published?.value != nil)
            #expect(try desk.sources().allSatisfy { $0.kind == .feed && $0.state.lastError == nil })
            #expect(try desk.sources().first?.title == "Harbour Town Gazette & Courier")
        }
    }

    @Test("a second cycle takes nothing again; state survives reopening the database; 304 is honoured")
    func restartsAndConditionalGET() async throws {
        try await FixtureServer.with { server in
            let path = Scratch.folder("restart").appendingPathComponent("desk.sqlite").path
            do {
                let desk = try SQLiteStore(path: path)
                try add(desk, server.url("/feeds-live.xml"))
                let first = try await PollerFixture.poller(desk).runOnce()
                #expect(first.documents == 1)
            }
            // A new process: everything it knows comes from the file.
            let reopened = try SQLiteStore(path: path)
            let source = try #require(try reopened.sources().first)
            #expect(source.state.etag == "\"live-1\"")
            #expect(source.state.nextFetch != nil)
            #expect(try await PollerFixture.poller(reopened).runOnce().polled == 0)  // not due yet
            let later = Date().addingTimeInterval(source.interval + 1)
            let second = try await PollerFixture.poller(reopened).runOnce(now: later)
            #expect(second.notModified == 1)
            #expect(second.documents == 0)
            // The feed grows: only the new entry is ingested.
            await server.state.addLive("live-2", "Second live story about the ferry timetable")
            let third = try await PollerFixture.poller(reopened).runOnce(now: later.addingTimeInterval(source.interval + 1))
            #expect(third.documents == 1)
            #expect(third.stored == 1)
            #expect(try reopened.counts().articles == 2)
        }
    }

    @Test("429 and failures back off exponentially with the reason kept for `source list`; success resets")
    func backoff() async throws {
        try await FixtureServer.with { server in
            let desk = try PollerFixture.desk("poll")
            try add(desk, server.url("/rate-limited"))
            try add(desk, server.url("/gone"))
            let start = Date()
            let report = try await PollerFixture.poller(desk).runOnce(now: start)
            #expect(report.failed == 2)
            let sources = try desk.sources()
            let limited = try #require(sources.first { $0.url.hasSuffix("/rate-limited") })
            #expect(limited.state.lastStatus == 429)
            #expect(limited.state.failures == 1)
            #expect(limited.state.lastError?.contains("429") == true)
            #expect(try #require(limited.state.nextFetch).timeIntervalSince(start) >= 7200 - 5)  // Retry-After wins
            let gone = try #require(sources.first { $0.url.hasSuffix("/gone") })
            #expect(gone.state.lastError?.contains("404") == true)
            let firstDelay = try #require(gone.state.nextFetch).timeIntervalSince(start)
            #expect(firstDelay >= Backoff.delay(failures: 1, interval: gone.interval) - 5)
            // Fails again: the delay doubles.
            let again = try await PollerFixture.poller(desk).runOnce(now: start.addingTimeInterval(firstDelay + 1))
            #expect(again.failed >= 1)
            let goneAgain = try #require(try desk.source(matching: gone.url))
            #expect(goneAgain.state.failures == 2)
            #expect(Backoff.delay(failures: 2, interval: gone.interval) == 2 * Backoff.delay(failures: 1, interval: gone.interval))
        }
    }

    @Test("a summary-only entry gets its full article fetched and extracted with --full-text")
    func fullText() async throws {
        try await FixtureServer.with { server in
            let desk = try PollerFixture.desk("poll")
            try add(desk, server.url("/summary-feed.xml"), fullText: true)
            let report = try await PollerFixture.poller(desk).runOnce()
            #expect(report.fullTextFetched == 1)
            let article = try #require(try desk.articles().first)
            #expect(article.paragraphs.joined(separator: " ").contains("spoil the view from the promenade"))
            #expect(article.title == "Council approves new harbour wall")
            #expect(await server.state.count("/articles/wall") == 1)
        }
    }

    @Test("without --full-text the summary is what goes in")
    func summaryOnly() async throws {
        try await FixtureServer.with { server in
            let desk = try PollerFixture.desk("poll")
            try add(desk, server.url("/summary-feed.xml"))
            let report = try await PollerFixture.poller(desk).runOnce()
            #expect(report.fullTextFetched == 0)
            #expect(report.documents == 1)
            #expect(await server.state.count("/articles/wall") == 0)
        }
    }

    @Test("a page is watched: a new version is ingested as a revision, an unchanged one is not")
    func pageWatching() async throws {
        try await FixtureServer.with { server in
            let desk = try PollerFixture.desk("poll")
            try add(desk, server.url("/page"))
            let first = try await PollerFixture.poller(desk).runOnce()
            #expect(first.stored == 1)
            #expect(try desk.sources().first?.kind == .page)
            let later = Date().addingTimeInterval(Source.defaultInterval + 1)
            let unchanged = try await PollerFixture.poller(desk).runOnce(now: later)
            #expect(unchanged.documents == 0)
            await server.state.bumpPage()
            let changed = try await PollerFixture.poller(desk).runOnce(now: later.addingTimeInterval(Source.defaultInterval + 1))
            #expect(changed.revised == 1)
            #expect(try desk.counts().revisions == 1)
        }
    }

    @Test("robots.txt is respected when asked")
    func robots() async throws {
        try await FixtureServer.with { server in
            let desk = try PollerFixture.desk("poll")
            try add(desk, server.url("/private/feed.xml"))
            try add(desk, server.url("/feeds/atom.xml"))
            let report = try await PollerFixture.poller(desk) { $0.respectRobots = true }.runOnce()
            #expect(report.deferred == 1)
            #expect(await server.state.count("/private/feed.xml") == 0)
            #expect(try desk.source(matching: server.url("/private/feed.xml").absoluteString)?.state.lastError == "disallowed by robots.txt")
        }
    }

    @Test("per-host pacing spaces requests to one host; paused sources are skipped")
    func pacing() async throws {
        try await FixtureServer.with { server in
            let desk = try PollerFixture.desk("poll")
            try add(desk, server.url("/feeds/atom.xml"))
            try add(desk, server.url("/feeds/rss1-rdf.xml"))
            try add(desk, server.url("/feeds/rss091.xml"))
            var paused = try add(desk, server.url("/feeds/jsonfeed.json"))
            paused.paused = true
            try desk.updateSource(paused)
            let started = Date()
            let report = try await PollerFixture.poller(desk) { $0.hostInterval = 0.3 }.runOnce()
            #expect(report.polled == 3)
            #expect(Date().timeIntervalSince(started) >= 0.55)  // three requests to one host: two gaps
            #expect(await server.state.count("/feeds/jsonfeed.json") == 0)
        }
    }
}
