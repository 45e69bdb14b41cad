import Foundation

/// An event folder of the updates layout: `annotator*.tsv` (quoted TSV; the `Date` column, "[YYYY-MM-DD]",
/// lists the days an update is asked for) and `topic` (the Timeline17 topic whose folders hold its articles).
public struct UpdateEventFolder: Sendable {
    public var name: String
    public var topic: String?
    public var days: [String]

    public static func list(_ root: URL) throws -> [UpdateEventFolder] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: root.path) else { throw EvalError.missing(root.path) }
        var out: [UpdateEventFolder] = []
        for name in names.sorted() {
            let dir = root.appendingPathComponent(name)
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
            guard let tsv = files.first(where: { $0.hasPrefix("annotator") && $0.hasSuffix(".tsv") }) else { continue }
            let topic = (try? String(contentsOf: dir.appendingPathComponent("topic"), encoding: .utf8))?
                .split(whereSeparator: \.isNewline).first.map { $0.trimmingCharacters(in: .whitespaces) }
            guard let text = try? String(contentsOf: dir.appendingPathComponent(tsv), encoding: .utf8) else {
                throw EvalError.malformed(dir.appendingPathComponent(tsv).path, "not UTF-8 text")
            }
            let rows = quotedTSV(text)
            guard let header = rows.first, let col = header.firstIndex(of: "Date") else {
                throw EvalError.malformed(dir.appendingPathComponent(tsv).path, "no Date column")
            }
            let days = rows.dropFirst().compactMap { $0.count > col ? $0[col].trimmingCharacters(in: CharacterSet(charactersIn: "[] ")) : nil }
                .filter { !$0.isEmpty }
            out.append(UpdateEventFolder(name: name, topic: topic.flatMap { $0.isEmpty ? nil : $0 }, days: days))
        }
        return out
    }

    /// Tab-separated rows whose fields may be quoted (with "" for a quote) and span lines.
    static func quotedTSV(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var scalars = Array(text.unicodeScalars)[...]
        while let c = scalars.popFirst() {
            if quoted {
                if c == "\"" {
                    if scalars.first == "\"" { scalars.removeFirst(); field.unicodeScalars.append("\"") } else { quoted = false }
                } else { field.unicodeScalars.append(c) }
                continue
            }
            switch c {
            case "\"" where field.isEmpty: quoted = true
            case "\t": row.append(field); field = ""
            case "\r": continue
            case "\n": row.append(field); field = ""; rows.append(row); row = []
            default: field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
