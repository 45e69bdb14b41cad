import DeskModel
import Foundation

/// Reads wire-service markers at the head (and a few at the tail) of a headline.
///
/// Head markers are upper-case desk words from a fixed lexicon, glued to the headline by "-" (no space
/// before it: "UPDATE 2-Foo", "REFILE-UPDATE 1-Foo"), by " - ", or by ":" ("CORRECTION: Foo", "Update: Foo",
/// case-insensitive with a colon only). A lexicon, not "any capitals before a hyphen", so "US-China talks"
/// and "G20-led plan" keep their heads. Tail markers: "(UPDATED)", "(CORRECTED)", "- UPDATED", "[Updated]".
public enum WireMarkers {
    /// Desk words that make a marker, with the kind each says. Reuters, AP, AFP and Bloomberg usage.
    static let lexicon: [String: WireHeadline.Marker.Kind] = [
        "UPDATE": .update, "UPDATED": .update, "UPDATES": .update, "NEW": .update,
        "REFILE": .refile, "RPT": .refile, "REPEAT": .refile, "RECASTS": .refile, "RECAST": .refile,
        "CORRECTED": .correction, "CORRECTION": .correction, "CORRECTS": .correction, "CLARIFICATION": .correction,
        "WRAPUP": .wrapup, "WRAP": .wrapup, "ROUNDUP": .wrapup,
        "EXCLUSIVE": .label, "ANALYSIS": .label, "INSIGHT": .label, "FACTBOX": .label, "TIMELINE": .label,
        "BREAKINGVIEWS": .label, "BREAKING": .label, "URGENT": .label, "FLASH": .label, "ALERT": .label,
        "BRIEF": .label, "FOCUS": .label, "FEATURE": .label, "PREVIEW": .label, "EXPLAINER": .label,
        "COLUMN": .label, "INTERVIEW": .label, "WATCH": .label, "LIVE": .label, "VIDEO": .label, "POLL": .label,
        "SPECIAL REPORT": .label, "SNAP ANALYSIS": .label, "PRESS DIGEST": .label, "GLOBAL MARKETS": .label,
        "QUOTEBOX": .label, "DIARY": .label, "BUZZ": .label, "HIGHLIGHTS": .label, "FACTCHECK": .label,
        "FACT CHECK": .label, "OPINION": .label, "EDITORIAL": .label, "ADVISORY": .label,
    ]
    /// Words that may head a headline with a colon in any case ("Update: ...", "Correction: ...");
    /// the other lexicon words need capitals, since "Live: ..." or "Watch: ..." in title case are often
    /// the headline's own words.
    static let colonAnyCase: Set<String> = ["UPDATE", "UPDATED", "CORRECTION", "CORRECTED", "CLARIFICATION", "BREAKING"]

    public static func parse(_ headline: String) -> WireHeadline {
        var rest = Substring(headline.trimmingCharacters(in: .whitespacesAndNewlines))
        var markers: [WireHeadline.Marker] = []
        while let (marker, after) = headMarker(rest) {
            markers.append(marker)
            rest = after
        }
        while let (marker, before) = tailMarker(rest) {
            markers.append(marker)
            rest = before
        }
        let clean = rest.trimmingCharacters(in: .whitespacesAndNewlines)
        // A headline that is nothing but markers keeps its text.
        return WireHeadline(markers: clean.isEmpty ? [] : markers, headline: clean.isEmpty ? headline : clean)
    }

    /// Normalised words of the clean headline: equal for "UPDATE 1-Storm hits coast" and "Storm hits coast".
    public static func matchKey(_ headline: String) -> String { SentenceKey.key(parse(headline).headline) }

    /// One marker at the head: WORD[ WORD][ N] then "-", " - ", "—" or ":".
    static func headMarker(_ s: Substring) -> (WireHeadline.Marker, Substring)? {
        let chars = Array(s.prefix(40))
        // The marker's words: letters and spaces, then optional digits.
        var end = 0
        while end < chars.count, chars[end].isLetter || chars[end] == " " { end += 1 }
        var words = String(chars[0..<end]).trimmingCharacters(in: .whitespaces)
        var number: Int?
        var k = end
        if k < chars.count, chars[k].isNumber {
            var digits = ""
            while k < chars.count, chars[k].isNumber { digits.append(chars[k]); k += 1 }
            number = Int(digits)
        }
        // Trailing spaces before the separator.
        var sepStart = k
        while sepStart < chars.count, chars[sepStart] == " " { sepStart += 1 }
        guard sepStart < chars.count else { return nil }
        let sep = chars[sepStart]
        guard sep == "-" || sep == ":" || sep == "\u{2014}" || sep == "\u{2013}" else { return nil }
        let spacedBefore = sepStart > k || (number == nil && end > 0 && chars[end - 1] == " ")
        // "UPDATE 2-Foo" or "UPDATE 2 - Foo" or "UPDATE: Foo"; a hyphen with a space only before it is not a separator.
        let afterSep = sepStart + 1
        let spacedAfter = afterSep < chars.count && chars[afterSep] == " "
        if sep == "-", spacedBefore != spacedAfter { return nil }
        let upper = words.uppercased()
        guard let kind = lexicon[upper] else { return nil }
        let isCapitals = words == upper
        guard isCapitals || (sep == ":" && colonAnyCase.contains(upper)) else { return nil }
        // A number only goes with update/wrapup ("UPDATE 2", "WRAPUP 1").
        if number != nil, kind != .update, kind != .wrapup { return nil }
        words = upper
        let text = number.map { "\(words) \($0)" } ?? words
        let consumed = s.index(s.startIndex, offsetBy: afterSep)
        let rest = s[consumed...].drop { $0 == " " }
        guard !rest.isEmpty else { return nil }
        return (.init(kind: kind, text: text, number: number), rest)
    }

    static let tailPatterns: [(String, WireHeadline.Marker.Kind)] = [
        ("(updated)", .update), ("[updated]", .update), ("- updated", .update), ("(update)", .update),
        ("(corrected)", .correction), ("[corrected]", .correction), ("- corrected", .correction),
        ("(refile)", .refile), ("(repeat)", .refile),
    ]

    static func tailMarker(_ s: Substring) -> (WireHeadline.Marker, Substring)? {
        let trimmed = s.trimmingCharacters(in: .whitespaces)
        let lower = trimmed.lowercased()
        for (pattern, kind) in tailPatterns where lower.hasSuffix(pattern) && lower.count > pattern.count + 3 {
            let text = String(trimmed.suffix(pattern.count)).trimmingCharacters(in: CharacterSet(charactersIn: "()[]- ")).uppercased()
            return (.init(kind: kind, text: text), Substring(trimmed.dropLast(pattern.count)))
        }
        return nil
    }
}
