import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A blocking HTTP/1.1 client for 127.0.0.1 only: one request per connection (`Connection: close`).
/// The crash harness needs requests that fail cleanly when the server dies under them, on plain threads,
/// without an event loop that the kill could leave in a strange state.
enum LoopbackHTTP {
    struct Response {
        var status: Int
        var body: String
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Sends one request; throws when the connection cannot be made or breaks before the whole answer came.
    static func request(_ method: String, port: Int, path: String, headers: [String: String] = [:], body: Data = Data(),
                        timeoutSeconds: Int = 30) throws -> Response {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: errno \(errno)") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(description: "connect: errno \(errno)") }
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\nContent-Length: \(body.count)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        try sendAll(fd, Data(head.utf8) + body)
        let raw = try readToEnd(fd)
        return try parse(raw)
    }

    static func sendAll(_ fd: Int32, _ data: Data) throws {
        var sent = 0
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            while sent < buffer.count {
                let n = send(fd, buffer.baseAddress! + sent, buffer.count - sent, Int32(MSG_NOSIGNAL))
                guard n > 0 else { throw Failure(description: "send: errno \(errno)") }
                sent += n
            }
        }
    }

    static func readToEnd(_ fd: Int32) throws -> Data {
        var out = Data()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = recv(fd, &chunk, chunk.count, 0)
            if n == 0 { return out }
            guard n > 0 else { throw Failure(description: "recv: errno \(errno)") }
            out.append(contentsOf: chunk[0..<n])
        }
    }

    /// Status and body of a complete answer: a cut-off body (fewer bytes than Content-Length) is a failure.
    static func parse(_ raw: Data) throws -> Response {
        guard let split = raw.range(of: Data("\r\n\r\n".utf8)) else { throw Failure(description: "no complete header") }
        let head = String(decoding: raw[..<split.lowerBound], as: UTF8.self)
        var body = Data(raw[split.upperBound...])
        let lines = head.components(separatedBy: "\r\n")
        let statusParts = lines.first?.split(separator: " ") ?? []
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure(description: "bad status line") }
        var fields: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        if fields["transfer-encoding"]?.lowercased() == "chunked" {
            body = try dechunk(body)
        } else if let length = fields["content-length"].flatMap(Int.init) {
            guard body.count >= length else { throw Failure(description: "body cut at \(body.count) of \(length) bytes") }
            body = body.prefix(length)
        }
        return Response(status: status, body: String(decoding: body, as: UTF8.self))
    }

    static func dechunk(_ data: Data) throws -> Data {
        var out = Data()
        var rest = data[...]
        while true {
            guard let lineEnd = rest.range(of: Data("\r\n".utf8)) else { throw Failure(description: "chunk cut") }
            let sizeText = String(decoding: rest[..<lineEnd.lowerBound], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else { throw Failure(description: "bad chunk size") }
            rest = rest[lineEnd.upperBound...]
            if size == 0 { return out }
            guard rest.count >= size + 2 else { throw Failure(description: "chunk cut") }
            out.append(rest.prefix(size))
            rest = rest.dropFirst(size + 2)
        }
    }
}

/// A webhook receiver on 127.0.0.1: answers every POST with 200 and records each delivery's id and body.
/// It runs on its own thread (accept, read, answer, close), so the server under test may die and come back.
final class WebhookReceiver: @unchecked Sendable {
    struct Delivery {
        var id: String
        var body: String
    }

    let port: Int
    private let fd: Int32
    private let lock = NSLock()
    private var received: [Delivery] = []
    private var stopped = false

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else { throw LoopbackHTTP.Failure(description: "receiver: errno \(errno)") }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = Int(UInt16(bigEndian: actual.sin_port))
        self.fd = fd
        let thread = Thread { [self] in serve() }
        thread.start()
    }

    var deliveries: [Delivery] { lock.withLock { received } }

    func stop() {
        lock.withLock { stopped = true }
        shutdown(fd, Int32(SHUT_RDWR))
        close(fd)
    }

    private func serve() {
        while true {
            let client = accept(fd, nil, nil)
            if client < 0 {
                if lock.withLock({ stopped }) { return }
                continue
            }
            handle(client)
            close(client)
        }
    }

    private func handle(_ client: Int32) {
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        var expected: Int?
        var headerEnd: Int?
        var id = ""
        while expected == nil || data.count < expected! {
            let n = recv(client, &chunk, chunk.count, 0)
            guard n > 0 else { return }  // the sender died: nothing was delivered
            data.append(contentsOf: chunk[0..<n])
            if headerEnd == nil, let split = data.range(of: Data("\r\n\r\n".utf8)) {
                headerEnd = split.upperBound
                let head = String(decoding: data[..<split.lowerBound], as: UTF8.self)
                var length = 0
                for line in head.components(separatedBy: "\r\n") {
                    let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                    guard parts.count == 2 else { continue }
                    if parts[0].lowercased() == "content-length" { length = Int(parts[1]) ?? 0 }
                    if parts[0].lowercased() == "x-updatedesk-delivery" { id = parts[1] }
                }
                expected = split.upperBound + length
            }
        }
        let body = String(decoding: data[headerEnd!..<expected!], as: UTF8.self)
        lock.withLock { received.append(Delivery(id: id, body: body)) }
        try? LoopbackHTTP.sendAll(client, Data("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8))
    }
}
