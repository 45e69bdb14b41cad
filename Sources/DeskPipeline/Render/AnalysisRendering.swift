import DeskLanguage
import DeskModel
import Foundation

/// What `updesk analyze` prints for one article: sentences with their time expressions (and values),
/// entities (with roles), quotes and numbers, as JSON or as a readable view.
public enum AnalysisRendering {
    public struct Report: Codable, Sendable {
        public var id: String
        public var title: String?
        /// The publication date the values are anchored on ("2023-02-20"), or nil.
        public var published: String?
        /// Without a publication date: what the text itself says about when it was written.
        public var publicationNote: String?
        public var publicationNotBefore: String?
        public var sentences: [Sentence]
    }

    public static func report(_ a: AnalyzedArticle) -> Report {
        var r = Report(id: a.article.id, title: a.article.title, published: a.article.published.map { ISO8601.day($0.value) },
                       publicationNote: nil, publicationNotBefore: nil, sentences: a.sentences)
        if r.published == nil {
            if let range = PublicationRange.infer(a.sentences) {
                r.publicationNotBefore = range.notBefore
                r.publicationNote = "no publication date given: relative times are left unanchored (XXXX); the text states dates up to \(range.notBefore), so it was written then or later"
            } else {
                r.publicationNote = "no publication date given and no absolute date in the text: relative times are left unanchored (XXXX)"
            }
        }
        return r
    }

    public static func json(_ reports: [Report]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(reports.count == 1 ? AnyEncodable(reports[0]) : AnyEncodable(reports)), as: UTF8.self) + "\n"
    }

    public static func text(_ r: Report) -> String {
        var out = "# \(r.title ?? r.id)\n"
        out += r.published.map { "published: \($0)\n" } ?? "published: unknown (\(r.publicationNote ?? ""))\n"
        for s in r.sentences {
            out += "\n[\(s.index)] \(s.text)\n"
            for t in s.times { out += "  time    \(t.text) = \(t.value) (\(t.kind.rawValue))\n" }
            for e in s.entities {
                var line = "  entity  \(e.kind.rawValue) \(e.text) → \(e.key)"
                if let role = e.role { line += "  role: \(e.roleQualifier.map { $0 + " " } ?? "")\(role)" }
                out += line + "\n"
            }
            for q in s.quotes ?? [] {
                out += "  quote   “\(q.text)” — \(q.speaker ?? "unattributed")\(q.speakerKey.map { " → \($0)" } ?? "")\n"
            }
            for n in s.numbers ?? [] {
                var line = "  number  \(n.text) = \(format(n.value))"
                if let u = n.unit { line += " \(u)" }
                if let c = n.counts { line += " (counts: \(c))" }
                out += line + "\n"
            }
        }
        return out
    }

    static func format(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
    }
}

/// Type erasure for encoding one report or an array with one encoder.
struct AnyEncodable: Encodable {
    let value: any Encodable
    init(_ value: any Encodable) { self.value = value }
    func encode(to encoder: Encoder) throws { try value.encode(to: encoder) }
}
