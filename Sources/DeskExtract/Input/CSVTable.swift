/// RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks.
public struct CSVTable: Sendable {
    public var header: [String]
    public var rows: [[String]]

    public init(parsing text: String) {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        while let c = next() {
            if quoted {
                if c == "\"" {
                    if let n = next() {
                        if n == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = n }
                    } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty: quoted = true
            case ",": row.append(field); field = ""
            case "\r": continue
            case "\n":
                row.append(field); field = ""
                rows.append(row); row = []
            default: field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        header = rows.first ?? []
        self.rows = Array(rows.dropFirst())
    }

    public func column(_ name: String) -> Int? { header.firstIndex(of: name) }
}
