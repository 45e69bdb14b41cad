import DeskExtract
import DeskModel
import Foundation

/// A raw document as a job's payload (JSON): everything a worker needs to extract and place it.
struct QueuedDocument: Codable {
    var id: String
    var origin: String
    var kind: InputKind
    var text: String
    var url: String?
    var source: String?
    var title: String?
    var published: Date?

    init(_ doc: RawDocument) {
        id = doc.id
        origin = doc.origin
        kind = doc.kind
        text = doc.text
        url = doc.url
        source = doc.source
        title = doc.title
        published = doc.published
    }

    var document: RawDocument {
        RawDocument(id: id, origin: origin, kind: kind, text: text, url: url, source: source, title: title, published: published)
    }

    static func encode(_ doc: RawDocument) -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        return String(decoding: (try? encoder.encode(QueuedDocument(doc))) ?? Data(), as: UTF8.self)
    }

    static func decode(_ payload: String) -> RawDocument? {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return (try? decoder.decode(QueuedDocument.self, from: Data(payload.utf8)))?.document
    }
}
