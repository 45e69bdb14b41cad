import Foundation
import NIOHTTP1
import Testing
@testable import DeskWeb

/// Requests to the API whose answers are checked against the served OpenAPI document on the way.
struct APIChecks {
    let server: WebServer
    let validator: OpenAPIValidator

    init(_ server: WebServer) async throws {
        self.server = server
        validator = try OpenAPIValidator(try await server.get("/openapi.json").body)
    }

    @discardableResult
    func call(_ method: HTTPMethod, _ path: String, body: String? = nil, token: String? = nil,
              sourceLocation: SourceLocation = #_sourceLocation) async throws -> WebServer.Reply {
        let reply = try await server.request(method, path, body: body, token: token)
        let problems = validator.check(method: method.rawValue, path: path, status: reply.status, contentType: reply.contentType, body: reply.body)
        #expect(problems.isEmpty, "\(problems.prefix(5).joined(separator: "; "))", sourceLocation: sourceLocation)
        return reply
    }
}
