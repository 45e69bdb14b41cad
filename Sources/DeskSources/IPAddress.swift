import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An IPv4 or IPv6 address as bytes, with the classification the address policy needs.
public struct IPAddress: Sendable, Hashable, CustomStringConvertible {
    public let bytes: [UInt8]

    public init?(_ text: String) {
        var v4 = in_addr()
        var v6 = in6_addr()
        let trimmed = text.hasPrefix("[") && text.hasSuffix("]") ? String(text.dropFirst().dropLast()) : text
        if inet_pton(AF_INET, trimmed, &v4) == 1 {
            bytes = withUnsafeBytes(of: &v4) { Array($0) }
        } else if inet_pton(AF_INET6, trimmed, &v6) == 1 {
            bytes = withUnsafeBytes(of: &v6) { Array($0) }
        } else {
            return nil
        }
    }

    init(bytes: [UInt8]) { self.bytes = bytes }

    public var isIPv4: Bool { bytes.count == 4 }

    public var description: String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        var copy = bytes
        let family = isIPv4 ? AF_INET : AF_INET6
        _ = copy.withUnsafeMutableBytes { inet_ntop(family, $0.baseAddress, &buffer, socklen_t(buffer.count)) }
        return String(cString: buffer)
    }

    /// The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d) or NAT64 (64:ff9b::a.b.c.d) IPv6 address.
    var embeddedIPv4: IPAddress? {
        guard bytes.count == 16 else { return nil }
        let mapped = bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xFF && bytes[11] == 0xFF
        let nat64 = bytes[0...3] == [0x00, 0x64, 0xFF, 0x9B] && bytes[4..<12].allSatisfy { $0 == 0 }
        return mapped || nat64 ? IPAddress(bytes: Array(bytes[12...])) : nil
    }

    /// Why the address is not on the public internet (loopback, private, link-local …), or nil if it is.
    public var nonPublicReason: String? {
        if let inner = embeddedIPv4 { return inner.nonPublicReason }
        let b = bytes
        if isIPv4 {
            switch (b[0], b[1]) {
            case (0, _): return "unspecified (0.0.0.0/8)"
            case (10, _): return "private (10.0.0.0/8)"
            case (100, 64...127): return "shared address space (100.64.0.0/10)"
            case (127, _): return "loopback (127.0.0.0/8)"
            case (169, 254): return "link-local (169.254.0.0/16)"
            case (172, 16...31): return "private (172.16.0.0/12)"
            case (192, 0) where b[2] == 0: return "IETF protocol assignments (192.0.0.0/24)"
            case (192, 168): return "private (192.168.0.0/16)"
            case (198, 18...19): return "benchmarking (198.18.0.0/15)"
            case (224...239, _): return "multicast (224.0.0.0/4)"
            case (240...255, _): return "reserved (240.0.0.0/4)"
            default: return nil
            }
        }
        if b.allSatisfy({ $0 == 0 }) { return "unspecified (::)" }
        if b[0..<15].allSatisfy({ $0 == 0 }) && b[15] == 1 { return "loopback (::1)" }
        if b[0] & 0xFE == 0xFC { return "unique local (fc00::/7)" }
        if b[0] == 0xFE && b[1] & 0xC0 == 0x80 { return "link-local (fe80::/10)" }
        if b[0] == 0xFE && b[1] & 0xC0 == 0xC0 { return "site-local (fec0::/10)" }
        if b[0] == 0xFF { return "multicast (ff00::/8)" }
        if b[0..<12].allSatisfy({ $0 == 0 }) { return "IPv4-compatible (::/96)" }
        return nil
    }
}
