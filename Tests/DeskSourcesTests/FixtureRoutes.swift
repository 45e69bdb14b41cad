import Foundation
import Hummingbird
import NIOCore

/// The fixture server's endpoints.
enum FixtureRoutes {
    static func response(_ body: Data, type: String, headers extra: HTTPFields = [:]) -> Response {
        var headers = extra
        headers[.contentType] = type
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    static func install(on router: Router<BasicRequestContext>, state: FixtureState) {
        router.middlewares.add(CountingMiddleware(state: state))

        // Fixture files as they are. `?type=` overrides the Content-Type (for charset tests).
        router.get("/feeds/{name}") { request, context -> Response in
            let name = context.parameters.get("name") ?? ""
            let data = Fixtures.data(name)
            guard !data.isEmpty else { return Response(status: .notFound) }
            let type = request.uri.queryParameters.get("type") ?? (name.hasSuffix(".json") ? "application/feed+json" : "application/rss+xml")
            // Relative links in fixtures resolve against this server; absolute ".example" links stay unfetched.
            return response(data, type: type)
        }
        // An RSS feed whose entries are summaries linking to full articles on this server.
        router.get("/summary-feed.xml") { _, _ -> Response in
            let base = await state.base
            let xml = """
            <?xml version="1.0"?><rss version="2.0"><channel><title>Summaries</title><link>\(base)/</link>
            <item><title>Council approves new harbour wall</title><link>\(base)/articles/wall?utm_source=rss</link>
            <guid isPermaLink="true">\(base)/articles/wall</guid><pubDate>Tue, 12 Mar 2024 09:30:00 GMT</pubDate>
            <description>The council voted for the wall.</description></item>
            </channel></rss>
            """
            return response(Data(xml.utf8), type: "application/rss+xml")
        }
        router.get("/articles/{slug}") { _, _ -> Response in response(Fixtures.data("article.html"), type: "text/html; charset=utf-8") }
        // A feed that grows when a test adds entries, answering conditional GETs by ETag.
        router.get("/feeds-live.xml") { request, _ -> Response in
            let entries = await state.liveEntries
            let etag = "\"live-\(entries.count)\""
            if request.headers[.ifNoneMatch] == etag { return Response(status: .notModified, headers: [.eTag: etag]) }
            let items = entries.map { "<item><title>\($0.title)</title><guid>\($0.guid)</guid><description>\($0.title). The harbour board met on Monday to discuss it.</description></item>" }.joined()
            let xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Live</title>\(items)</channel></rss>"
            return response(Data(xml.utf8), type: "application/rss+xml", headers: [.eTag: etag])
        }
        // 304 by Last-Modified.
        router.get("/modified.xml") { request, _ -> Response in
            let stamp = "Tue, 12 Mar 2024 09:30:00 GMT"
            if request.headers[.ifModifiedSince] == stamp { return Response(status: .notModified) }
            return response(Fixtures.data("rss1-rdf.xml"), type: "application/rss+xml", headers: [.lastModified: stamp])
        }
        // A page watched for new versions.
        router.get("/page") { _, _ -> Response in
            let version = await state.pageVersion
            let html = """
            <!DOCTYPE html><html><head><title>Harbour works status</title></head><body><article><h1>Harbour works status</h1>
            <p>The harbour wall works are in phase \(version) of four, the council said in its latest update on the project.</p>
            <p>Phase \(version) covers the northern section of the quay, which will stay closed to the public during the works.</p>
            </article></body></html>
            """
            return response(Data(html.utf8), type: "text/html; charset=utf-8")
        }
        // Wrong charset: the header claims UTF-8, the bytes (and the XML declaration) are ISO-8859-1.
        router.get("/wrong-charset.xml") { _, _ -> Response in
            response(Fixtures.data("latin1.xml"), type: "application/rss+xml; charset=utf-8")
        }
        // Slow: headers only after a minute.
        router.get("/slow") { _, _ -> Response in
            try await Task.sleep(nanoseconds: 60_000_000_000)
            return response(Data("<rss/>".utf8), type: "application/rss+xml")
        }
        // Huge: 64 MiB streamed with no Content-Length.
        router.get("/huge") { _, _ -> Response in
            let chunk = ByteBuffer(repeating: UInt8(ascii: "a"), count: 1 << 16)
            return Response(status: .ok, headers: [.contentType: "application/rss+xml"], body: ResponseBody { writer in
                for _ in 0..<1024 { try await writer.write(chunk) }
                try await writer.finish(nil)
            })
        }
        // Huge, announced by Content-Length.
        router.get("/huge-announced") { _, _ -> Response in
            let chunk = ByteBuffer(repeating: UInt8(ascii: "a"), count: 1 << 16)
            return Response(status: .ok, headers: [.contentType: "text/html"], body: ResponseBody(contentLength: 1024 << 16) { writer in
                for _ in 0..<1024 { try await writer.write(chunk) }
                try await writer.finish(nil)
            })
        }
        router.get("/redirect-loop/a") { _, _ -> Response in Response(status: .found, headers: [.location: "/redirect-loop/b"]) }
        router.get("/redirect-loop/b") { _, _ -> Response in Response(status: .found, headers: [.location: "/redirect-loop/a"]) }
        router.get("/redirect/{n}") { _, context -> Response in
            let n = Int(context.parameters.get("n") ?? "0") ?? 0
            return Response(status: .movedPermanently, headers: [.location: n > 1 ? "/redirect/\(n - 1)" : "/feeds/rss1-rdf.xml"])
        }
        // 64 MiB of zeros as ~64 KiB of gzip.
        router.get("/gzip-bomb") { _, _ -> Response in
            response(Fixtures.data("gzip-bomb.gz"), type: "application/rss+xml", headers: [.contentEncoding: "gzip"])
        }
        router.get("/rate-limited") { _, _ -> Response in
            Response(status: .tooManyRequests, headers: [.retryAfter: "7200"])
        }
        router.get("/unavailable") { _, _ -> Response in
            Response(status: .serviceUnavailable, headers: [.retryAfter: "Wed, 21 Oct 2099 07:28:00 GMT"])
        }
        router.get("/gone") { _, _ -> Response in Response(status: .notFound) }
        // A feed address answering an error document (no rss, RDF or feed root) that carries an ETag and answers 304 when the client sends it back.
        router.get("/broken-etag.xml") { request, _ -> Response in
            let etag = "\"broken-1\""
            if request.headers[.ifNoneMatch] == etag { return Response(status: .notModified, headers: [.eTag: etag]) }
            let xml = "<?xml version=\"1.0\"?><error><message>Feed temporarily unavailable</message></error>"
            return response(Data(xml.utf8), type: "application/rss+xml", headers: [.eTag: etag])
        }
        // A valid feed answered after 300 ms; counts how many such requests are in flight at once.
        router.get("/held/{n}") { _, context -> Response in
            await state.enterHeld()
            try? await Task.sleep(nanoseconds: 300_000_000)
            await state.leaveHeld()
            let n = context.parameters.get("n") ?? "0"
            let xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Held \(n)</title></channel></rss>"
            return response(Data(xml.utf8), type: "application/rss+xml")
        }
        // Redirects to a private address that is not this server (nothing listens there).
        router.get("/redirect-private") { _, _ -> Response in
            Response(status: .found, headers: [.location: "http://10.255.255.1/feed.xml"])
        }
        router.get("/robots.txt") { _, _ -> Response in
            response(Data("User-agent: *\nDisallow: /private/\n".utf8), type: "text/plain")
        }
        router.get("/private/feed.xml") { _, _ -> Response in response(Fixtures.data("rss1-rdf.xml"), type: "application/rss+xml") }
    }
}

/// Counts requests per path and records the User-Agent.
struct CountingMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let state: FixtureState
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        await state.hit(request.uri.path, userAgent: request.headers[.userAgent])
        return try await next(request, context)
    }
}
