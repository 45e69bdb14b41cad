/// The last step of extraction: characters no reader should get from a hostile page or record.
///
/// - Titles lose control characters (NUL and the rest of C0/C1) and explicit directional formatting
///   (embeddings, overrides, isolates: U+202A–U+202E, U+2066–U+2069). They are invisible and can make a
///   headline display as something else ("fdp.exe" shown as "exe.pdf"); a title is one line of plain text.
/// - Body paragraphs lose C0 controls other than tab and line breaks (a NUL would cut the text short in C
///   consumers). Directional marks stay in bodies: Arabic and Hebrew text uses them legitimately.
enum TextSanitizer {
    static func isDirectionalFormatting(_ v: UInt32) -> Bool { (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) }
    static func isControl(_ v: UInt32) -> Bool { v < 0x20 || (0x7F...0x9F).contains(v) }

    static func title(_ title: String) -> String {
        // Fast path: every offending character has a byte below 0x20, a C2 lead (C1 controls) or an E2 lead.
        guard title.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) else { return title }
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in title.unicodeScalars {
            let v = scalar.value
            if isDirectionalFormatting(v) { continue }
            if isControl(v) || scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(scalar)
        }
        return String(out)
    }

    static func body(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { v in
            v.value >= 0x20 || v.value == 0x09 || v.value == 0x0A || v.value == 0x0D
        }))
    }
}
