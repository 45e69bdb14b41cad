import DeskExtract
import Foundation

/// Text of a small piece of HTML (a title, a summary line): tags dropped, references decoded, spaces
/// collapsed. Feeds put markup and escaped markup in titles.
enum HTMLText {
    static func plain(_ html: String) -> String {
        var text = html
        // Escaped markup ("&lt;b&gt;") is markup too once decoded; decode first if no tag is present.
        if !text.contains("<"), text.contains("&lt;") { text = decode(text) }
        var out = ""
        var inTag = false
        for ch in text {
            if ch == "<" { inTag = true; out.append(" "); continue }
            if ch == ">" && inTag { inTag = false; continue }
            if !inTag { out.append(ch) }
        }
        return decode(out).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Decodes numeric and named character references.
    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(33).firstIndex(of: ";") {
                let name = String(after[..<semi])
                var scalar: Unicode.Scalar?
                if name.hasPrefix("#x") || name.hasPrefix("#X") { scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
                else if name.hasPrefix("#") { scalar = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init) }
                else { scalar = CharacterReferences.scalar(named: name) }
                if let scalar {
                    out.unicodeScalars.append(scalar)
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            out += "&"
            rest = after
        }
        out += rest
        return out
    }
}
