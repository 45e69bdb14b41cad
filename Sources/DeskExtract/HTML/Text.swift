/// Whitespace and measurement helpers for extracted text.
enum Text {
    /// Collapses runs of whitespace (including no-break spaces) to one space and trims the ends.
    static func collapse(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var pendingSpace = false
        for ch in s {
            if ch.isWhitespace || ch == "\u{200B}" || ch == "\u{FEFF}" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(ch)
            }
        }
        return out
    }

    /// Non-whitespace character count (so markup indentation does not count as text) and comma count.
    static func measure(_ s: String) -> (chars: Int, commas: Int) {
        var chars = 0, commas = 0
        for u in s.unicodeScalars {
            if u.properties.isWhitespace { continue }
            chars += 1
            switch u {
            case ",", "\u{060C}", "\u{FE50}", "\u{FE10}", "\u{FE11}", "\u{2E41}", "\u{2E34}", "\u{2E32}", "\u{FF0C}", "\u{3001}": commas += 1
            default: break
            }
        }
        return (chars, commas)
    }

    /// Cuts `s` to about `limit` characters for removal records.
    static func truncate(_ s: String, _ limit: Int = 200) -> String {
        s.count <= limit ? s : String(s.prefix(limit)) + "…"
    }

    /// Lower-cased letters and digits only, for comparing near-identical strings.
    static func key(_ s: String) -> String {
        String(s.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.map(Character.init))
    }
}
