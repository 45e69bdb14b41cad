import Foundation
import Hummingbird
import Logging

/// One structured line per request: method, path, status and time taken.
struct AccessLog: RouterMiddleware {
    typealias Context = DeskContext
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let ms = (ContinuousClock.now - start) / .milliseconds(1)
        logger.info("request", metadata: ["method": "\(request.method.rawValue)", "path": "\(request.uri.path)",
                                          "status": "\(response.status.code)", "ms": "\(String(format: "%.1f", ms))"])
        return response
    }
}
