import DeskModel
@testable import DeskSources
import DeskStore
import Foundation
import Testing

/// What a cycle saves about a source: failures that a 304 must not hide, Retry-After within the backoff's cap,
/// the per-host limit on requests in flight, and the user's settings left as they are.
@Suite("Fetch state: validators, Retry-After cap, per-host concurrency, settings kept")
struct SourcePollerStateTests {
    @Test("a broken feed stays failing: its ETag is not kept, so the next cycle is not a 304 that clears the failure")
    func brokenFeedKeepsFailing() async throws {
        try await FixtureServer.with { server in
            let desk = try PollerFixture.desk("poll-state")
            let source = try desk.addSource(Source(url: server.url("/broken-etag.xml").absoluteString)).source
            let start = Date()
            let first = try await PollerFixture.poller(desk).runOnce(now: start)
            #expect(first.failed == 1)
            let after = try #require(try desk.source(matching: source.url))
            #expect(after.state.etag == nil)
            let later = try #require(after.state.nextFetch).addingTimeInterval(1)
            let second = try await PollerFixture.poller(desk).runOnce(now: later)
            #expect(second.failed == 1)
            #expect(second.notModified == 0)
            let again = try #require(try desk.source(matching: source.url))
            #expect(again.state.failures == 2)
            #expect(again.state.lastError != nil)
        }
    }

    @Test("a Retry-After date years ahead is capped at the backoff's longest delay")
    func retryAfterCapped() async throws {
        try await FixtureServer.with { server in
            let desk = try PollerFixture.desk("poll-state")
            _ = try desk.addSource(Source(url: server.url("/unavailable").absoluteString))
            let start = Date()
            let report = try await PollerFixture.poller(desk).runOnce(now: start)
            #expect(report.failed == 1)
            let source = try #require(try desk.sources().first)
            #expect(source.state.lastStatus == 503)
            let delay = try #require(source.state.nextFetch).timeIntervalSince(start)
            #expect(delay <= Backoff.maxDelay + 60)
            #expect(delay >= Backoff.maxDelay - 60)  // the server asked for more than the cap: the cap it is
        }
    }

    /// Three sources on one host fetched with a cycle concurrency of 4: the per-host limit alone decides how
    /// many of their requests are in flight together.
    func mostInFlight(perHost: Int) async throws -> Int {
        try await FixtureServer.with { server in
            let desk = try PollerFixture.desk("poll-state")
            for n in 1...3 { _ = try desk.addSource(Source(url: server.url("/held/\(n)").absoluteString)) }
            let report = try await PollerFixture.poller(desk) {
                $0.concurrency = 4
                $0.perHostConcurrency = perHost
            }.runOnce()
            #expect(report.failed == 0, "\(report.failures)")
            return await server.state.mostHeld
        }
    }

    @Test("at most the per-host limit of requests is in flight to one host")
    func perHostConcurrency() async throws {
        #expect(try await mostInFlight(perHost: 1) == 1)
        #expect(try await mostInFlight(perHost: 2) <= 2)
    }

    @Test("a pause made while the source is being fetched is not undone by the fetch")
    func settingsKeptThroughFetch() async throws {
        try await FixtureServer.with { server in
            let desk = try PollerFixture.desk("poll-state")
            let fetched = try desk.addSource(Source(url: server.url("/feeds/rss1-rdf.xml").absoluteString)).source
            // The user pauses it and retags it after the cycle read it (the poller holds the old settings).
            var paused = fetched
            paused.paused = true
            paused.tags = ["harbour"]
            try desk.updateSource(paused)
            let report = try await PollerFixture.poller(desk).poll(fetched)
            #expect(report.failed == 0, "\(report.failures)")
            let stored = try #require(try desk.source(matching: fetched.url))
            #expect(stored.paused)
            #expect(stored.tags == ["harbour"])
            #expect(stored.kind == .feed)  // what the fetch learned is saved
            #expect(stored.state.lastStatus == 200)
        }
    }
}
