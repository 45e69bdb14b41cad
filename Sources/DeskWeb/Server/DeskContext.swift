import Hummingbird
import NIOCore

/// The request context of every route: Hummingbird's basic one plus the client's address, which the login
/// rate limit counts failures by. Behind a reverse proxy every client shares the proxy's address.
public struct DeskContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The client's IP address as text ("unknown" when the channel has none).
    var clientAddress: String { remoteAddress?.ipAddress ?? "unknown" }
}
