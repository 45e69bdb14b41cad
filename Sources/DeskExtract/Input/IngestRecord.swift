import DeskModel
import Foundation

/// One line of a JSON Lines stream: `{id, url?, source?, published?, title?, text? | html?}`.
public struct IngestRecord: Codable, Sendable, Hashable {
    public var id: String
    public var url: String?
    public var source: String?
    public var published: String?
    public var title: String?
    public var text: String?
    public var html: String?

    public init(id: String, url: String? = nil, source: String? = nil, published: String? = nil,
                title: String? = nil, text: String? = nil, html: String? = nil) {
        self.id = id
        self.url = url
        self.source = source
        self.published = published
        self.title = title
        self.text = text
        self.html = html
    }

    /// Parses one line; a clear reason when it is not a record.
    public static func parse(line: String, origin: String) -> Result<RawDocument, InputError> {
        guard let data = line.data(using: .utf8) else {
            return .failure(InputError(input: origin, reason: .badRecord, detail: "line is not UTF-8"))
        }
        let record: IngestRecord
        do {
            record = try JSONDecoder().decode(IngestRecord.self, from: data)
        } catch DecodingError.keyNotFound(let key, _) {
            return .failure(InputError(input: origin, reason: .badRecord, detail: "record has no \"\(key.stringValue)\""))
        } catch DecodingError.typeMismatch(_, let context) {
            let field = context.codingPath.last?.stringValue ?? "record"
            return .failure(InputError(input: origin, reason: .badRecord, detail: "\"\(field)\" has the wrong type"))
        } catch {
            return .failure(InputError(input: origin, reason: .badRecord, detail: "not a JSON object"))
        }
        let trimmedID = record.id.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmedID.isEmpty else {
            return .failure(InputError(input: origin, reason: .badRecord, detail: "record has an empty \"id\""))
        }
        var published: Date?
        if let raw = record.published, !raw.isEmpty {
            guard let date = DateParser.parse(raw) else {
                return .failure(InputError(input: origin, reason: .badRecord, detail: "\"published\" is not a date: \(raw.prefix(60))"))
            }
            published = date
        }
        let body: String
        let kind: InputKind
        if let html = record.html, !html.isEmpty {
            body = html
            kind = .html
        } else if let text = record.text, !text.isEmpty {
            body = text
            kind = .text
        } else if let title = record.title, !title.isEmpty {
            body = ""          // headline-only item: a feed entry without a body
            kind = .text
        } else {
            return .failure(InputError(input: origin, reason: .badRecord, detail: "record has neither \"text\", \"html\" nor \"title\""))
        }
        return .success(RawDocument(id: trimmedID, origin: origin, kind: kind, text: body, url: record.url,
                                    source: record.source, title: record.title, published: published))
    }
}
