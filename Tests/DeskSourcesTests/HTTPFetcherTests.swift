import DeskSources
import Foundation
import Testing

/// The fetcher against a real local server: every misbehaviour a server can show, each bounded in time.
@Suite("HTTP fetching: limits, redirects, conditional GET, rate limits")
struct HTTPFetcherTests {
    /// Loopback is allowed only for these tests' own server.
    static let local = AddressPolicy(allowPrivate: true)

    func fetcher(_ configure: (inout FetchLimits) -> Void = { _ in }) -> HTTPFetcher {
        var limits = FetchLimits()
        limits.totalTimeout = 20  // generous: the suite runs many heavy tests at once on 2 cores; /slow has its own 1 s test
        configure(&limits)
        return HTTPFetcher(policy: Self.local, limits: limits)
    }

    @Test("a feed is fetched with a descriptive User-Agent")
    func plainFetch() async throws {
        try await FixtureServer.with { server in
            let response = try await fetcher().get(server.url("/feeds/atom.xml"))
            #expect(response.status == 200)
            #expect(try FeedParser.parse(response.body, contentType: response.contentType).entries.count == 2)
            let agents = await server.state.userAgents
            #expect(agents.first?.hasPrefix("UpdateDesk/") == true)
        }
    }

    @Test("a slow server is cut off at the total timeout")
    func slow() async throws {
        try await FixtureServer.with { server in
            let started = Date()
            let error = await #expect(throws: FetchError.self) { try await fetcher { $0.totalTimeout = 1 }.get(server.url("/slow")) }
            #expect(error?.reason == .timeout)
            // The server answers after 60 s; the bound is loose because a loaded machine (the full suite
            // runs CPU-bound tests in parallel) delays when the timed-out task is resumed.
            #expect(Date().timeIntervalSince(started) < 45)
        }
    }

    @Test("a huge body is abandoned at the byte cap while streaming, announced or not")
    func huge() async throws {
        try await FixtureServer.with { server in
            for path in ["/huge", "/huge-announced"] {
                let error = await #expect(throws: FetchError.self) { try await fetcher { $0.maxBytes = 1 << 20 }.get(server.url(path)) }
                #expect(error?.reason == .tooLarge)
            }
        }
    }

    @Test("a redirect loop and a too-long chain stop; a short chain is followed")
    func redirects() async throws {
        try await FixtureServer.with { server in
            let loop = await #expect(throws: FetchError.self) { try await fetcher().get(server.url("/redirect-loop/a")) }
            #expect(loop?.reason == .tooManyRedirects)
            let long = await #expect(throws: FetchError.self) { try await fetcher { $0.maxRedirects = 3 }.get(server.url("/redirect/6")) }
            #expect(long?.reason == .tooManyRedirects)
            let short = try await fetcher().get(server.url("/redirect/2"))
            #expect(short.url.path == "/feeds/rss1-rdf.xml")
            #expect(short.status == 200)
        }
    }

    @Test("a gzip bomb is refused at the inflate cap")
    func gzipBomb() async throws {
        try await FixtureServer.with { server in
            let error = await #expect(throws: FetchError.self) { try await fetcher().get(server.url("/gzip-bomb")) }
            #expect(error?.reason == .decompressionBomb)
        }
    }

    @Test("conditional GET: the ETag and Last-Modified validators bring 304")
    func conditional() async throws {
        try await FixtureServer.with { server in
            let first = try await fetcher().get(server.url("/feeds-live.xml"))
            #expect(first.status == 200)
            let etag = try #require(first.etag)
            let second = try await fetcher().get(server.url("/feeds-live.xml"), validators: Validators(etag: etag))
            #expect(second.notModified)
            let modified = try await fetcher().get(server.url("/modified.xml"))
            let again = try await fetcher().get(server.url("/modified.xml"), validators: Validators(lastModified: modified.lastModified))
            #expect(again.notModified)
        }
    }

    @Test("429 and 503 carry Retry-After (seconds or a date)")
    func rateLimits() async throws {
        try await FixtureServer.with { server in
            let limited = await #expect(throws: FetchError.self) { try await fetcher().get(server.url("/rate-limited")) }
            #expect(limited?.reason == .rateLimited)
            #expect(limited?.status == 429)
            #expect(limited?.retryAfter == 7200)
            let unavailable = await #expect(throws: FetchError.self) { try await fetcher().get(server.url("/unavailable")) }
            #expect(unavailable?.status == 503)
            #expect((unavailable?.retryAfter ?? 0) > 86_400)
        }
    }

    @Test("a body in the wrong charset (header says UTF-8, bytes are Latin-1) reads right")
    func wrongCharset() async throws {
        try await FixtureServer.with { server in
            let response = try await fetcher().get(server.url("/wrong-charset.xml"))
            let feed = try FeedParser.parse(response.body, contentType: response.contentType)
            #expect(feed.entries.first?.title == "Réouverture du café après travaux")
        }
    }
}
