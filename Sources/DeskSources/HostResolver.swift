import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Host names to addresses through the system resolver (`getaddrinfo`), off the cooperative thread pool.
enum HostResolver {
    static func resolve(_ host: String) async throws(FetchError) -> [IPAddress] {
        if let literal = IPAddress(host) { return [literal] }
        let result: Result<[IPAddress], FetchError> = await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: lookup(host)) }
        }
        return try result.get()
    }

    static func lookup(_ host: String) -> Result<[IPAddress], FetchError> {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &list)
        guard status == 0, let first = list else {
            return .failure(FetchError(.dns, "cannot resolve \(host): \(String(cString: gai_strerror(status)))"))
        }
        defer { freeaddrinfo(first) }
        var addresses: [IPAddress] = []
        var node: UnsafeMutablePointer<addrinfo>? = first
        while let info = node {
            if let sa = info.pointee.ai_addr {
                if info.pointee.ai_family == AF_INET {
                    sa.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { p in
                        var addr = p.pointee.sin_addr
                        addresses.append(IPAddress(bytes: withUnsafeBytes(of: &addr) { Array($0) }))
                    }
                } else if info.pointee.ai_family == AF_INET6 {
                    sa.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { p in
                        var addr = p.pointee.sin6_addr
                        addresses.append(IPAddress(bytes: withUnsafeBytes(of: &addr) { Array($0) }))
                    }
                }
            }
            node = info.pointee.ai_next
        }
        var unique: [IPAddress] = []
        for a in addresses where !unique.contains(a) { unique.append(a) }
        return unique.isEmpty ? .failure(FetchError(.dns, "\(host) has no address")) : .success(unique)
    }
}
