/// An error that knows how to present itself to a person on the command line and, later, over HTTP.
public protocol PresentableError: Error, CustomStringConvertible {
    /// One clear sentence for a person: what failed and, where useful, what to do.
    var message: String { get }
    /// Process exit code for the CLI (sysexits-style: 65 bad data, 66 no input, 74 I/O, 70 internal).
    var exitCode: Int32 { get }
    /// HTTP status for the server.
    var httpStatus: Int { get }
}

public extension PresentableError {
    var description: String { message }
    /// JSON body for an HTTP error response.
    var httpBody: String {
        let escaped = message.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
        return "{\"error\":\"\(escaped)\",\"status\":\(httpStatus)}"
    }
}

/// Why one input could not be read. The input is skipped; the run goes on.
public struct InputError: PresentableError, Hashable {
    public enum Reason: String, Sendable, Hashable {
        case empty, binary, invalidEncoding, tooLarge, unreadable, notFound, badRecord, unsupported
    }
    public var input: String
    public var reason: Reason
    public var detail: String
    public init(input: String, reason: Reason, detail: String) {
        self.input = input
        self.reason = reason
        self.detail = detail
    }
    public var message: String { "\(input): \(detail)" }
    public var exitCode: Int32 { reason == .notFound ? 66 : 65 }
    public var httpStatus: Int { reason == .tooLarge ? 413 : 422 }
}
