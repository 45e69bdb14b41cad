import Foundation

/// Checks JSON answers against the served OpenAPI 3.1 document: the subset it uses (object with required
/// and properties, array with items, string, integer, number, boolean, enum, $ref). Written for these
/// tests; an unknown keyword in the document fails loudly rather than passing silently.
struct OpenAPIValidator {
    let document: [String: Any]

    init(_ json: String) throws {
        guard let doc = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { throw CocoaError(.fileReadCorruptFile) }
        document = doc
    }

    var paths: [String: [String: Any]] { document["paths"] as? [String: [String: Any]] ?? [:] }

    /// Every (METHOD, path) the document describes.
    var operations: Set<String> {
        var out: Set<String> = []
        for (path, ops) in paths { for m in ops.keys { out.insert("\(m.uppercased()) \(path)") } }
        return out
    }

    /// The documented path template that `concrete` (no query) falls under.
    func template(for concrete: String) -> String? {
        let parts = concrete.split(separator: "/", omittingEmptySubsequences: false)
        return paths.keys.sorted().first { t in
            let tp = t.split(separator: "/", omittingEmptySubsequences: false)
            guard tp.count == parts.count else { return false }
            return zip(tp, parts).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
        }
    }

    /// Problems with `body` as the answer `status` of `method path`; empty when it conforms.
    func check(method: String, path: String, status: Int, contentType: String, body: String) -> [String] {
        let bare = String(path.split(separator: "?", maxSplits: 1).first ?? "")
        guard let t = template(for: bare) else { return ["\(bare) is not documented"] }
        guard let op = paths[t]?[method.lowercased()] as? [String: Any] else { return ["\(method) \(t) is not documented"] }
        guard let responses = op["responses"] as? [String: Any], let response = responses[String(status)] as? [String: Any] else {
            return ["\(method) \(t) does not document status \(status)"]
        }
        guard let content = response["content"] as? [String: Any] else {
            return body.isEmpty ? [] : ["\(method) \(t) \(status) documents no body but one came"]
        }
        let mime = String(contentType.split(separator: ";").first ?? "").trimmingCharacters(in: .whitespaces)
        guard let media = content[mime] as? [String: Any], let schema = media["schema"] as? [String: Any] else {
            return ["\(method) \(t) \(status) does not document \(mime)"]
        }
        if mime.hasSuffix("json") {
            guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(body.utf8)) else {
                return ["\(method) \(t) \(status): the body is not JSON"]
            }
            var problems: [String] = []
            validate(value, schema, at: "$", &problems)
            return problems.map { "\(method) \(t) \(status): \($0)" }
        }
        return []
    }

    func resolve(_ schema: [String: Any]) -> [String: Any] {
        guard let ref = schema["$ref"] as? String else { return schema }
        let name = ref.replacingOccurrences(of: "#/components/schemas/", with: "")
        let schemas = (document["components"] as? [String: Any])?["schemas"] as? [String: Any]
        return schemas?[name] as? [String: Any] ?? [:]
    }

    func validate(_ value: JSONValue, _ raw: [String: Any], at path: String, _ problems: inout [String]) {
        let schema = resolve(raw)
        let known: Set<String> = ["type", "properties", "required", "items", "enum", "minimum", "$ref", "description"]
        for key in schema.keys where !known.contains(key) { problems.append("\(path): the validator does not know \"\(key)\"") }
        if let values = schema["enum"] as? [String] {
            if case .string(let s) = value, values.contains(s) {} else { problems.append("\(path): \(value) is not one of \(values)") }
        }
        switch schema["type"] as? String {
        case "object":
            guard case .object(let o) = value else { problems.append("\(path): expected an object"); return }
            let props = schema["properties"] as? [String: [String: Any]] ?? [:]
            for r in schema["required"] as? [String] ?? [] where o[r] == nil { problems.append("\(path): \"\(r)\" is missing") }
            for (k, v) in o {
                guard let p = props[k] else {
                    if !props.isEmpty || schema["required"] != nil { problems.append("\(path): \"\(k)\" is not documented") }
                    continue
                }
                if case .null = v { continue }
                validate(v, p, at: "\(path).\(k)", &problems)
            }
        case "array":
            guard case .array(let a) = value else { problems.append("\(path): expected an array"); return }
            if let items = schema["items"] as? [String: Any] {
                for (i, v) in a.enumerated() { validate(v, items, at: "\(path)[\(i)]", &problems) }
            }
        case "string":
            if case .string = value {} else { problems.append("\(path): expected a string") }
        case "integer":
            if case .integer = value {} else { problems.append("\(path): expected an integer") }
        case "number":
            switch value {
            case .integer, .number: break
            default: problems.append("\(path): expected a number")
            }
        case "boolean":
            if case .bool = value {} else { problems.append("\(path): expected a boolean") }
        case nil:
            break
        case let other?:
            problems.append("\(path): the validator does not know type \(other)")
        }
    }
}

/// A JSON value decoded strictly (a boolean is never a number), for the validator.
indirect enum JSONValue: Decodable, CustomStringConvertible {
    case null, bool(Bool), integer(Int64), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int64.self) { self = .integer(i) }
        else if let d = try? c.decode(Double.self) { self = .number(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let b): "\(b)"
        case .integer(let i): "\(i)"
        case .number(let d): "\(d)"
        case .string(let s): "\"\(s)\""
        case .array: "[...]"
        case .object: "{...}"
        }
    }
}
