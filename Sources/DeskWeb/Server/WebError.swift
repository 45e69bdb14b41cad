import DeskModel

/// Why a request failed, presented as JSON to the API and as a page to a browser.
public struct WebError: PresentableError {
    public enum Kind: Sendable { case badRequest, unauthorized, forbidden, notFound, conflict, tooLarge, tooManyRequests }
    public var kind: Kind
    public var message: String
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
    public var exitCode: Int32 { 65 }
    public var httpStatus: Int {
        switch kind {
        case .badRequest: 400
        case .unauthorized: 401
        case .forbidden: 403
        case .notFound: 404
        case .conflict: 409
        case .tooLarge: 413
        case .tooManyRequests: 429
        }
    }

    static func notFound(_ what: String) -> WebError { WebError(.notFound, "no \(what) here") }
    static func badID(_ raw: String?) -> WebError { WebError(.notFound, "\"\(raw ?? "")\" is not an id the desk has") }
}
