import Foundation

/// robots.txt per host, fetched once and kept for `maxAge` (a long-running `fetch` or `serve` reads it
/// again daily). Missing (4xx) allows everything; a server error or no answer disallows everything for now
/// (RFC 9309, 2.3.1).
actor RobotsCache {
    let fetcher: HTTPFetcher
    private var byHost: [String: (robots: RobotsTxt, fetched: Date)] = [:]
    /// RFC 9309, 2.4: crawlers should not use a cached robots.txt for more than 24 hours.
    static let maxAge: TimeInterval = 24 * 3600
    /// The product token matched against User-agent lines.
    static let agent = "updatedesk"

    init(fetcher: HTTPFetcher) {
        self.fetcher = fetcher
    }

    func allows(_ url: URL) async throws -> Bool {
        guard let host = url.host, let scheme = url.scheme else { return false }
        let key = "\(scheme)://\(host)\(url.port.map { ":\($0)" } ?? "")"
        let robots: RobotsTxt
        if let held = byHost[key], Date().timeIntervalSince(held.fetched) < Self.maxAge {
            robots = held.robots
        } else {
            robots = await fetch(key)
            byHost[key] = (robots, Date())
        }
        var path = url.path.isEmpty ? "/" : url.path
        if let query = url.query { path += "?" + query }
        return robots.allows(path)
    }

    private func fetch(_ origin: String) async -> RobotsTxt {
        guard let url = URL(string: origin + "/robots.txt") else { return .allowAll }
        do {
            let response = try await fetcher.get(url, accept: "text/plain")
            return RobotsTxt(String(decoding: response.body, as: UTF8.self), agent: Self.agent)
        } catch {
            if let status = error.status, (400..<500).contains(status) { return .allowAll }
            return .disallowAll
        }
    }
}
