import Hummingbird

/// Every route the server answers, registered through here so the OpenAPI test can compare the document
/// with what the router really has. Paths use OpenAPI's `{name}` syntax; Hummingbird's `:name` is derived.
public final class RouteTable: @unchecked Sendable {
    public struct Route: Hashable, Sendable {
        public var method: String
        public var path: String
        /// True for the JSON API (documented in /openapi.json); false for pages and static files.
        public var api: Bool
    }

    public private(set) var routes: [Route] = []
    let router: Router<DeskContext>

    init(router: Router<DeskContext>) {
        self.router = router
    }

    func add(_ method: HTTPRequest.Method, _ path: String, api: Bool,
             _ handler: @escaping @Sendable (Request, DeskContext) async throws -> Response) {
        routes.append(Route(method: method.rawValue, path: path, api: api))
        let hbPath = path.replacingOccurrences(of: "{", with: ":").replacingOccurrences(of: "}", with: "")
        router.on(RouterPath(hbPath), method: method) { request, context in try await handler(request, context) }
    }
}
