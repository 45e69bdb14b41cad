import AsyncHTTPClient
import DeskExtract
import Foundation
import NIOCore
import NIOHTTP1

/// One polite, bounded GET: conditional (ETag, Last-Modified), redirects followed by hand so every hop's
/// address is checked by the `AddressPolicy` and the connection pinned to the checked address, body
/// streamed under a byte cap, gzip inflated under its own cap, and the whole fetch under one deadline.
public struct HTTPFetcher: Sendable {
    public var policy: AddressPolicy
    public var limits: FetchLimits
    public var userAgent: String

    /// Says who is fetching and what for, as feed publishers ask of aggregators.
    public static let defaultUserAgent = "UpdateDesk/0.1 (self-hosted news update desk; feed and page fetcher)"

    public init(policy: AddressPolicy = AddressPolicy(), limits: FetchLimits = FetchLimits(), userAgent: String = HTTPFetcher.defaultUserAgent) {
        self.policy = policy
        self.limits = limits
        self.userAgent = userAgent
    }

    public func get(_ url: URL, validators: Validators = Validators(), accept: String = HTTPFetcher.acceptFeeds) async throws(FetchError) -> FetchResponse {
        let limits = self.limits
        do {
            return try await Deadline.run(seconds: limits.totalTimeout, onTimeout: FetchError(.timeout, "no complete answer within \(Int(limits.totalTimeout)) s")) {
                try await self.follow(url, validators: validators, accept: accept)
            }
        } catch let error as FetchError {
            throw error
        } catch {
            throw FetchError(.transport, Self.describe(error))
        }
    }

    public static let acceptFeeds = "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5"
    public static let acceptPages = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"

    func follow(_ start: URL, validators: Validators, accept: String) async throws -> FetchResponse {
        var url = start
        var visited: Set<String> = []
        for _ in 0...limits.maxRedirects {
            guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty else {
                throw FetchError(.badURL, "\(url.absoluteString) is not an http(s) address")
            }
            guard visited.insert(url.absoluteString).inserted else {
                throw FetchError(.tooManyRedirects, "redirect loop at \(url.absoluteString)")
            }
            let address = try await policy.address(for: host)
            let answer = try await once(url, host: host, address: address, validators: validators, accept: accept)
            if let location = answer.location {
                guard let next = URL(string: location, relativeTo: url)?.absoluteURL else {
                    throw FetchError(.badURL, "redirect to an unreadable address: \(location)")
                }
                url = next
                continue
            }
            return answer.response
        }
        throw FetchError(.tooManyRedirects, "more than \(limits.maxRedirects) redirects from \(start.absoluteString)")
    }

    /// One request on a client pinned to `address`.
    func once(_ url: URL, host: String, address: IPAddress, validators: Validators, accept: String) async throws -> (response: FetchResponse, location: String?) {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .milliseconds(Int64(limits.connectTimeout * 1000)), read: .milliseconds(Int64(limits.totalTimeout * 1000))),
            decompression: .disabled)
        configuration.dnsOverride = [host: address.description]
        configuration.httpVersion = .http1Only
        return try await HTTPClient.withHTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration) { client in
            var request = HTTPClientRequest(url: url.absoluteString)
            request.headers.add(name: "User-Agent", value: userAgent)
            request.headers.add(name: "Accept", value: accept)
            request.headers.add(name: "Accept-Encoding", value: "gzip, deflate")
            if let etag = validators.etag { request.headers.add(name: "If-None-Match", value: etag) }
            if let modified = validators.lastModified { request.headers.add(name: "If-Modified-Since", value: modified) }
            let response: HTTPClientResponse
            do {
                response = try await client.execute(request, deadline: .now() + .milliseconds(Int64(limits.totalTimeout * 1000)))
            } catch let error as HTTPClientError where [.deadlineExceeded, .readTimeout, .connectTimeout].contains(error) {
                throw FetchError(.timeout, "\(host): \(Self.describe(error))")
            } catch {
                throw FetchError(Self.isConnectError(error) ? .connect : .transport, "\(host): \(Self.describe(error))")
            }
            let status = Int(response.status.code)
            let headers = response.headers
            if [301, 302, 303, 307, 308].contains(status), let location = headers.first(name: "Location") {
                return (FetchResponse(status: status, url: url, body: Data()), location)
            }
            if status == 429 || status == 503 {
                throw FetchError(.rateLimited, "HTTP \(status) from \(host)", status: status, retryAfter: RetryAfter.seconds(headers.first(name: "Retry-After")))
            }
            var fetched = FetchResponse(status: status, url: url, body: Data(), contentType: headers.first(name: "Content-Type"),
                                        etag: headers.first(name: "ETag"), lastModified: headers.first(name: "Last-Modified"))
            if status == 304 { return (fetched, nil) }
            guard (200..<300).contains(status) else {
                throw FetchError(.httpStatus, "HTTP \(status) from \(url.absoluteString)", status: status)
            }
            if let length = headers.first(name: "Content-Length").flatMap(Int.init), length > limits.maxBytes {
                throw FetchError(.tooLarge, "\(url.absoluteString) announces \(length) bytes, over the \(limits.maxBytes)-byte cap")
            }
            var body = Data()
            for try await chunk in response.body {
                guard body.count + chunk.readableBytes <= limits.maxBytes else {
                    throw FetchError(.tooLarge, "\(url.absoluteString) sent more than the \(limits.maxBytes)-byte cap")
                }
                body.append(contentsOf: chunk.readableBytesView)
            }
            fetched.body = try inflate(body, encoding: headers.first(name: "Content-Encoding"), url: url)
            return (fetched, nil)
        }
    }

    /// Undoes gzip/deflate content coding under the decompression cap.
    func inflate(_ body: Data, encoding: String?, url: URL) throws(FetchError) -> Data {
        let coding = encoding?.lowercased().trimmingCharacters(in: .whitespaces) ?? ""
        guard coding.contains("gzip") || coding.contains("deflate") || (coding.isEmpty && Gzip.isGzip(body)) else { return body }
        do {
            return try Gzip.decompress(body, limit: limits.maxDecompressedBytes)
        } catch .tooLarge {
            throw FetchError(.decompressionBomb, "\(url.absoluteString) inflates past \(limits.maxDecompressedBytes) bytes (\(body.count) compressed); refused")
        } catch {
            throw FetchError(.badEncoding, "\(url.absoluteString): broken \(coding.isEmpty ? "gzip" : coding) body")
        }
    }

    static func isConnectError(_ error: any Error) -> Bool {
        let text = String(describing: error)
        return text.contains("connect") || text.contains("Connect") || text.contains("refused")
    }

    static func describe(_ error: any Error) -> String {
        if let presentable = error as? FetchError { return presentable.message }
        let text = String(describing: error)
        if text.contains("deadlineExceeded") || text.contains("readTimeout") { return "timed out" }
        if text.contains("connectTimeout") { return "connection timed out" }
        if text.contains("connectionRefused") || text.contains("Connection refused") { return "connection refused" }
        return text.count > 200 ? String(text.prefix(200)) + "…" : text
    }
}
