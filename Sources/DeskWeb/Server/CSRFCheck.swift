import Foundation
import Hummingbird
import Mustache

/// CSRF protection for every state-changing request a cookie authenticated (synchroniser token): the form
/// field `csrf` or the header `X-CSRF-Token` must equal the visitor's token (compared in constant time), else
/// 403. Requests with a bearer token, with no (valid) cookie, and the login form itself are not checked: none
/// of them acts with credentials a browser would send on its own.
struct CSRFCheck: RouterMiddleware {
    typealias Context = DeskContext
    let store: any WebBackend
    let templates: MustacheLibrary
    static let header = HTTPFields.Element.Name("X-CSRF-Token")!
    static let field = "csrf"
    /// Paths whose POST runs without a session by design.
    static let exempt: Set<String> = ["/login"]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard ![.get, .head, .options].contains(request.method), !Self.exempt.contains(request.uri.path) else {
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
}
