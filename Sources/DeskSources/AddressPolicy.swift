import Foundation

/// Which addresses the fetcher may connect to. By default only public ones: a subscription (or a redirect
/// from one) must never reach loopback, link-local (cloud metadata at 169.254.169.254) or private networks.
/// Checked on the addresses the host name resolves to, and the connection is pinned to a checked address,
/// so a second DNS answer cannot swap in another (DNS rebinding).
public struct AddressPolicy: Sendable {
    /// Allow every address (`--allow-private-addresses`, `UPDESK_ALLOW_PRIVATE_ADDRESSES=1`).
    public var allowPrivate: Bool
    /// Single addresses allowed although not public (a feed bridge on the local network), leaving the
    /// rest refused.
    public var exemptions: Set<IPAddress>

    public init(allowPrivate: Bool = false, exemptions: Set<IPAddress> = []) {
        self.allowPrivate = allowPrivate
        self.exemptions = exemptions
    }

    /// The operator's choice: the flag, or the environment's switch.
    public static func fromEnvironment(flag: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) -> AddressPolicy {
        let env = environment["UPDESK_ALLOW_PRIVATE_ADDRESSES"]
        return AddressPolicy(allowPrivate: flag || env == "1" || env?.lowercased() == "true")
    }

    /// The address to connect to for `host`: every address the name resolves to must be allowed (a name
    /// that mixes public and private answers is refused whole).
    func address(for host: String) async throws(FetchError) -> IPAddress {
        let addresses = try await HostResolver.resolve(host)
        if !allowPrivate {
            for address in addresses where !exemptions.contains(address) {
                if let reason = address.nonPublicReason {
                    throw FetchError(.forbiddenAddress, "\(host) resolves to \(address), \(reason); allow it with --allow-private-addresses")
                }
            }
        }
        return addresses.first { $0.isIPv4 } ?? addresses[0]
    }
}
