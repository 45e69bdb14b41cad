import DeskModel
import DeskStore
import Foundation
import Hummingbird
import Mustache
import NIOCore

/// Building responses: pages from templates, JSON, and errors in either form.
enum Responses {
    /// No script, no inline style, nothing from elsewhere: scraped text can never run as code here.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    static func headers(_ contentType: String) -> HTTPFields {
        var h = HTTPFields()
        h[.contentType] = contentType
        h[.contentSecurityPolicy] = contentSecurityPolicy
        h[HTTPFields.Element.Name("X-Content-Type-Options")!] = "nosniff"
        h[HTTPFields.Element.Name("Referrer-Policy")!] = "same-origin"
        return h
    }

    static func text(_ body: String, contentType: String, status: HTTPResponse.Status = .ok, extra: HTTPFields = [:]) -> Response {
        var h = headers(contentType)
        h.append(contentsOf: extra)
        return Response(status: status, headers: h, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        text(String(decoding: try encoder.encode(value), as: UTF8.self), contentType: "application/json; charset=utf-8", status: status)
    }

    static func page(_ templates: MustacheLibrary, _ name: String, title: String, _ view: Any, extra: HTTPFields = [:],
                     status: HTTPResponse.Status = .ok, visitor: Session.Visitor = .anonymous) throws -> Response {
        // Templates are parsed once, when the server starts (MustacheLibrary); here they are only rendered.
        guard let body = templates.render(PageContext.make(view: view, csrf: visitor.csrf ?? ""), withTemplate: name) else {
            throw WebError(.notFound, "no template \(name)")
        }
        let layout = Layout(title: title, body: body, user: visitor.user?.name, role: visitor.user?.role.rawValue,
                            session: visitor.sessionHash != nil, csrf: visitor.csrf ?? "")
        let page = templates.render(RenderTree.make(layout) as Any, withTemplate: "layout") ?? body
        return text(page, contentType: "text/html; charset=utf-8", status: status, extra: extra)
    }

    struct Layout {
        var title: String
        var body: String
        /// Who is reading (nil: anonymous), whether by a login session (then a "Log out" form shows).
        var user: String?
        var role: String?
        var session: Bool
        var csrf: String
    }

    struct ErrorBody: Codable {
        var error: String
        var status: Int
    }

    /// Any error as a response: JSON for the API and feeds, a page for a browser. Unknown errors are 500
    /// without their detail (logged instead).
    static func error(_ error: any Error, api: Bool, templates: MustacheLibrary) -> Response {
        let status: Int, message: String
        switch error {
        case let e as any PresentableError:
            status = e.httpStatus
            message = e.message
        case let e as HTTPError:
            status = Int(e.status.code)
            message = e.status == .contentTooLarge ? "the body is larger than the server accepts" : (e.body ?? e.status.reasonPhrase)
        default:
            status = 500
            message = "internal error"
        }
        let code = HTTPResponse.Status(code: status)
        if api {
            return (try? json(ErrorBody(error: message, status: status), status: code))
                ?? text("{}", contentType: "application/json", status: code)
        }
        return (try? page(templates, "error", title: "Error \(status)", ErrorBody(error: message, status: status), status: code))
            ?? text(message, contentType: "text/plain; charset=utf-8", status: code)
    }
}

extension WebDesk {
    /// Registers a route whose errors come out as JSON (api) or as a page.
    func route(_ method: HTTPRequest.Method, _ path: String, api: Bool,
               _ handler: @escaping @Sendable (Request, DeskContext) async throws -> Response) {
        let templates = self.templates
        let logger = self.logger
        let metrics = self.metrics
        routeTable.add(method, path, api: api) { request, context in
            let start = ContinuousClock.now
            let response: Response
            do {
                response = try await handler(request, context)
            } catch {
                if !(error is any PresentableError) && !(error is HTTPError) {
                    logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
                }
                response = Responses.error(error, api: api, templates: templates)
            }
            metrics.request(route: path, method: method.rawValue, status: Int(response.status.code), elapsed: ContinuousClock.now - start)
            return response
        }
    }

    /// A path parameter that must be a positive id.
    static func id(_ context: DeskContext, _ name: String = "id") throws -> Int64 {
        let raw = context.parameters.get(name)
        guard let raw, let id = Int64(raw), id > 0 else { throw WebError.badID(raw) }
        return id
    }
}
