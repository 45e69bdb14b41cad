import Foundation
import Hummingbird
import Mustache

/// CSRF protection for every state-changing request a cookie authenticated (synchroniser token): the form
/// field `csrf` or the header `X-CSRF-Token` must equal the visitor's token (compared in constant time), else
/// 403. Requests with a bearer token, with no (valid) cookie, and the login form itself are not checked: none
/// of them acts with credentials a browser would send on its own. The login form has no session yet, so it is
/// guarded by its origin instead: a browser's POST from another site carries that site in `Origin` and is
/// refused, so no other page can log a visitor in to an account of its choosing (login CSRF).
struct CSRFCheck: RouterMiddleware {
    typealias Context = DeskContext
    let store: any WebBackend
    let templates: MustacheLibrary
    static let header = HTTPFields.Element.Name("X-CSRF-Token")!
    static let field = "csrf"
    /// Paths whose POST runs without a session by design.
    static let exempt: Set<String> = ["/login"]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard ![.get, .head, .options].contains(request.method) else { return try await next(request, context) }
        if Self.exempt.contains(request.uri.path) {
            guard Self.sameOrigin(request) else {
                let error = WebError(.forbidden, "a login must come from this desk's own login form")
                return Responses.error(error, api: false, templates: templates)
            }
            return try await next(request, context)
        }
        let visitor = try await Session.visitor(request, store: store)
        guard let expected = visitor.csrf else { return try await next(request, context) }
        var request = request
        var sent = request.headers[Self.header]
        if sent == nil, request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true {
            let body = try await request.collectBody(upTo: context.maxUploadSize)
            sent = FormBody.parse(String(buffer: body))[Self.field]
        }
        guard let sent, ConstantTime.equal(sent, expected) else {
            let error = WebError(.forbidden, "missing or wrong CSRF token: reload the page and submit the form again")
            return Responses.error(error, api: request.uri.path.hasPrefix("/api/"), templates: templates)
        }
        return try await next(request, context)
    }

    /// True unless the request names another origin than the host it was sent to (`Origin`, else `Referer`).
    /// Clients that send neither (curl, scripts) are not browsers acting for someone else.
    static func sameOrigin(_ request: Request) -> Bool {
        let claimed = request.headers[.origin] ?? request.headers[.referer]
        guard let claimed, claimed != "null" else { return claimed == nil }
        guard let url = URL(string: claimed), let host = url.host, let target = request.head.authority else {
            return false
        }
        let origin = url.port.map { "\(host):\($0)" } ?? host
        return origin.lowercased() == target.lowercased()
    }
}
