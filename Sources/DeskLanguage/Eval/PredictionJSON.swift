import Foundation

/// Writes the prediction files of `updesk eval timex|ner` byte for byte as `JSONSerialization` with
/// `.sortedKeys` writes them (same key order, same string escapes), without boxing every span in
/// `[String: Any]` and sorting every span's keys with a locale-aware compare, which cost more CPU than
/// the tagging itself.
enum PredictionJSON {
    /// A JSON value of a prediction: a string or an integer.
    enum Value {
        case string(String)
        case int(Int)
    }

    /// `{"<key>": [{"<field>": value, ...}, ...], ...}`; each span's fields must be given in sorted order.
    static func write(_ docs: [String: [[(String, Value)]]]) -> Data {
        var out = ""
        out.reserveCapacity(docs.count * 256)
        out += "{"
        for (k, key) in sortedKeys(Array(docs.keys)).enumerated() {
            if k > 0 { out += "," }
            appendString(key, to: &out)
            out += ":["
            for (s, span) in docs[key]!.enumerated() {
                if s > 0 { out += "," }
                out += "{"
                for (f, field) in span.enumerated() {
                    if f > 0 { out += "," }
                    appendString(field.0, to: &out)
                    out += ":"
                    switch field.1 {
                    case .string(let v): appendString(v, to: &out)
                    case .int(let v): out += String(v)
                    }
                }
                out += "}"
            }
            out += "]"
        }
        out += "}"
        return Data(out.utf8)
    }

    /// The order `JSONSerialization` gives dictionary keys under `.sortedKeys` (a numeric, case-insensitive
    /// compare). Keys that are all plain decimal numbers (sentence indexes) compare as those numbers do
    /// under that compare, so they are sorted as integers without the slow string compare.
    static func sortedKeys(_ keys: [String]) -> [String] {
        let numbers = keys.map { key -> Int? in
            guard !key.isEmpty, key.utf8.count <= 18, key.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
                  key == "0" || key.utf8.first != 48 else { return nil }
            return Int(key)
        }
        if numbers.allSatisfy({ $0 != nil }) {
            return zip(keys, numbers).sorted { $0.1! < $1.1! }.map(\.0)
        }
        let options: NSString.CompareOptions = [.numeric, .caseInsensitive, .forcedOrdering]
        return keys.sorted { a, b in
            a.compare(b, options: options, range: a.startIndex..<a.endIndex, locale: NSLocale.system) == .orderedAscending
        }
    }

    /// A JSON string literal with `JSONSerialization`'s escapes (including `\/`).
    static func appendString(_ s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "/": out += "\\/"
            case "\u{8}": out += "\\b"
            case "\u{c}": out += "\\f"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{0}"..."\u{f}": out += "\\u000" + String(scalar.value, radix: 16)
            case "\u{10}"..."\u{1f}": out += "\\u00" + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
