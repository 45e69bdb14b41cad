import DeskModel
import Foundation

/// One document as read from an input, before extraction: decoded text plus whatever metadata the
/// input itself carried (a JSONL record's url, source, published, title).
public struct RawDocument: Sendable, Hashable {
    public var id: String
    /// Where it came from, for messages: a path, `path:line` for a JSONL record, or `stdin`.
    public var origin: String
    public var kind: InputKind
    public var text: String
    public var url: String?
    public var source: String?
    public var title: String?
    public var published: Date?
    /// Things worth telling the user that did not stop the document (e.g. "not valid UTF-8; read as windows-1252").
    public var warnings: [String] = []

    public init(id: String, origin: String, kind: InputKind, text: String, url: String? = nil,
                source: String? = nil, title: String? = nil, published: Date? = nil) {
        self.id = id
        self.origin = origin
        self.kind = kind
        self.text = text
        self.url = url
        self.source = source
        self.title = title
        self.published = published
    }
}
