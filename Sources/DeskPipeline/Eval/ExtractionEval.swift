import DeskExtract
import DeskModel
import Foundation

/// `updesk eval extraction|scrapes`: extract every page of a folder laid out like `../shared/eval/extraction`
/// (`html/ID.html.gz`) or `../shared/eval/scrapes` (`pages/ID.txt`), write `{id: {"articleBody": ...}}`,
/// and score it against the folder's `ground-truth.json`.
public struct ExtractionEval: Sendable {
    public enum Layout: String, Sendable {
        case extraction = "html"
        case scrapes = "pages"
    }

    public var layout: Layout
    public var data: URL

    public init(layout: Layout, data: URL) {
        self.layout = layout
        self.data = data
    }

    /// Extracts every page; returns id → body.
    public func predict() throws -> [String: String] {
        let folder = data.appendingPathComponent(layout.rawValue)
        guard FileManager.default.fileExists(atPath: folder.path) else {
            throw EvalError.missing(folder.path)
        }
        let extractor = Extractor()
        var out: [String: String] = [:]
        InputReader().read(paths: [folder.path]) { item in
            if case .document(var doc) = item {
                // The folder layout says which kind of input this is.
                doc.kind = layout == .extraction ? .html : .text
                out[doc.id] = extractor.extract(doc).body
            }
        }
        return out
    }

    public func gold() throws -> [String: String] {
        let url = data.appendingPathComponent("ground-truth.json")
        guard let raw = FileManager.default.contents(atPath: url.path) else { throw EvalError.missing(url.path) }
        guard let object = try? JSONSerialization.jsonObject(with: raw) as? [String: Any] else {
            throw EvalError.malformed(url.path, "not a JSON object")
        }
        var gold: [String: String] = [:]
        for (id, value) in object {
            if let entry = value as? [String: Any], let body = entry["articleBody"] as? String { gold[id] = body }
        }
        return gold
    }

    public static func predictionsJSON(_ predictions: [String: String]) throws -> Data {
        let wrapped = predictions.mapValues { ["articleBody": $0] }
        return try JSONSerialization.data(withJSONObject: wrapped, options: [.sortedKeys, .prettyPrinted])
    }
}

public enum EvalError: PresentableError {
    case missing(String)
    case malformed(String, String)
    case unknownTask(String)

    public var message: String {
        switch self {
        case .missing(let path): "eval data not found: \(path)"
        case .malformed(let path, let why): "eval data is malformed: \(path): \(why)"
        case .unknownTask(let task): "unknown eval task \(task)"
        }
    }
    public var exitCode: Int32 { 66 }
    public var httpStatus: Int { 404 }
}
