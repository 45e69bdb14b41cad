import DeskModel

/// Why a document could not be read as a feed or an OPML file.
public struct FeedError: PresentableError, Hashable {
    public enum Reason: String, Sendable {
        /// Neither RSS, Atom nor JSON Feed.
        case notAFeed
        /// The XML is broken beyond what cleaning repairs.
        case malformed
        /// A DTD with entity declarations: refused, never expanded (billion laughs, external entities).
        case entityDeclarations
        case undecodable
    }
    public var reason: Reason
    public var detail: String
    public init(_ reason: Reason, _ detail: String) {
        self.reason = reason
        self.detail = detail
    }
    public var message: String {
        switch reason {
        case .notAFeed: "not a feed: \(detail)"
        case .malformed: "malformed feed: \(detail)"
        case .entityDeclarations: "refused: the document declares XML entities (\(detail)); they are never expanded"
        case .undecodable: "cannot decode the document: \(detail)"
        }
    }
    public var exitCode: Int32 { 65 }
    public var httpStatus: Int { 422 }
}
