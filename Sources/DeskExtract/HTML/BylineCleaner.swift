import Foundation

/// Turns a byline as pages print it into the names of its authors: "By TOM KRISHER, AP Auto Writer"
/// → "TOM KRISHER"; "Lisa Kaczke and Trevor Mitchell" → "Lisa Kaczke, Trevor Mitchell". Parts that
/// name no person (the site itself, its publisher, a desk, "Staff", roles, credentials) are dropped;
/// a byline with no person left is no byline.
struct BylineCleaner {
    /// A byline longer than this is a bio or a paragraph, not a byline.
    static let maxChars = 120
    /// Words that make a byline part a role, a desk or an organisation rather than a person
    /// ("AP Auto Writer", "Staff Reports", "CBS News", "Detroit News wire services"), gathered from
    /// bylines on news sites; a person's name does not contain them.
    static let nonPersonWords: Set<String> = [
        "staff", "staffs", "writer", "writers", "editor", "editors", "editorial", "correspondent", "reporter",
        "reporters", "contributor", "contributing", "columnist", "news", "newsroom", "desk", "wire", "wires",
        "services", "service", "press", "agency", "reports", "team", "bureau", "admin", "administrator",
        "guest", "media", "network", "magazine", "online", "digital",
    ]
    /// Academic and professional letters after a name ("Rachael Link, MS, RD"): short all-capital parts.
    static let maxCredentialChars = 4
    /// Words that open a byline and are not part of it.
    static let openers = ["by:", "by ", "posted by ", "written by ", "words by ", "story by ", "von ", "por ", "par "]
    /// The openers without their spaces and colon: an opener left on its own ("By") is no name.
    static let bareOpeners: Set<String> = Set(openers.map {
        $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: ":"))
    })
    /// A person's name, particles included ("Mary Clare Jalonick", "Ludwig van der Berg"), has at most
    /// this many words; longer parts are headlines, bios or navigation that sits in a byline box.
    static let maxNameWords = 5

    /// Names of the site and its publisher, in `Text.key` form, and the host name.
    let siteKeys: [String]
    let host: String

    init(siteName: String?, publisher: String?, url: String?) {
        siteKeys = [siteName, publisher].compactMap { $0.map(Text.key) }.filter { !$0.isEmpty }
        host = url.flatMap { URL(string: $0)?.host?.lowercased() }.map { $0.replacingOccurrences(of: "-", with: "") } ?? ""
    }

    /// The authors in `raw`, joined with ", ", or nil if it names none.
    func clean(_ raw: String) -> String? {
        var text = MetadataExtractor.cutBylineTail(Text.collapse(raw))
        var lower = Text.lowercased(text)
        for opener in Self.openers where lower.hasPrefix(opener) {
            text = String(text.dropFirst(opener.count)).trimmingCharacters(in: .whitespaces)
            lower = Text.lowercased(text)
        }
        if text.isEmpty || text.count > Self.maxChars || text.hasPrefix("http") || text.contains("://") { return nil }
        var people: [String] = []
        for (index, part) in Self.parts(text).enumerated() {
            var name = Self.leadingCapitals(part)
            // A publisher's name run on after the last author ("Kevin McCoy USA TODAY").
            for site in siteKeys where Text.key(name).hasSuffix(site) && Text.key(name) != site {
                name = Self.dropTrailingWords(of: name, matching: site)
            }
            // Credentials ("MS, RD") follow a name; a short capital word first is an agency ("PTI").
            if index > 0, name.count <= Self.maxCredentialChars, name == name.uppercased(), !name.contains(" ") { continue }
            if isPerson(name) { people.append(name) }
        }
        return people.isEmpty ? nil : people.joined(separator: ", ")
    }

    /// Splits at commas, semicolons, "and", "&" and "|".
    static func parts(_ text: String) -> [String] {
        var s = text
        // A byte test first: most bylines hold none of the separators, and Foundation's replace is costly.
        for sep in [" and ", " & ", " und ", " y ", " et ", " e ", ";", "|", " / "] where Text.contains(s, sep) {
            s = s.replacingOccurrences(of: sep, with: ",")
        }
        return s.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: ".·-–—"))) }
            .filter { !$0.isEmpty }
    }

    func isPerson(_ name: String) -> Bool {
        let key = Text.key(name)
        guard key.count >= 2, !name.hasPrefix("@") else { return false }
        let words = name.lowercased().split { !$0.isLetter }.map(String.init)
        if words.contains(where: Self.nonPersonWords.contains) { return false }
        // Dates, times and handles are not names; nor is an opener left on its own ("By").
        if name.contains(where: { $0.isNumber }) || words.count > Self.maxNameWords { return false }
        if Self.bareOpeners.contains(name.lowercased()) {
            return false
        }
        if siteKeys.contains(where: { $0 == key || ($0.count >= 4 && key.count >= 4 && ($0.contains(key) || key.contains($0))) }) {
            return false
        }
        // The bare site name: "Sky" on news.sky.com, "Al-Bawaba" on albawaba.com.
        if key.count >= 3, host.split(separator: ".").contains(where: { $0.hasPrefix(key) }) { return false }
        return true
    }

    /// Agency bylines print names in capitals and the agency after them ("JILL LAWLESS Associated
    /// Press"): the leading run of all-capital words, when there are two or more and more words follow.
    static func leadingCapitals(_ part: String) -> String {
        let words = part.split(separator: " ")
        let isCaps: (Substring) -> Bool = { w in w.contains { $0.isLetter } && w == w.uppercased() && w.count > 1 || w.hasSuffix(".") && w.count <= 2 }
        let run = words.prefix(while: isCaps)
        guard run.count >= 2, run.count < words.count, words[run.count].first?.isUppercase == true,
              !isCaps(words[run.count]) else { return part }
        return run.joined(separator: " ")
    }

    /// `name` without the trailing words whose letters spell `site`.
    static func dropTrailingWords(of name: String, matching site: String) -> String {
        var words = name.split(separator: " ").map(String.init)
        var tail = ""
        while let last = words.last {
            tail = Text.key(last) + tail
            words.removeLast()
            if tail == site { return words.joined(separator: " ") }
            if !site.hasSuffix(tail) { break }
        }
        return name
    }
}
