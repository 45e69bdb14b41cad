import Foundation

/// Bylines ("By Jamelle Bouie", "Posted by Michael David Smith on November 19, 2019, 6:21 AM EST") and
/// datelines ("Updated 1:39 am EST, Wednesday, November 20, 2019").
enum BylineDateDetector {
    /// Bylines and datelines are short: a name, a role, a date. Longer lines are sentences that happen to
    /// start with "By" or mention a date.
    static let maxWords = 16

    static let bylinePattern = try! NSRegularExpression(
        pattern: #"^(?:posted by|written by|words by|story by|reporting by|report by|published by|by|author:|authors:|por|von|par|di|oleh|penulis:|автор:?)\s+(.+)$"#,
        options: [.caseInsensitive])

    /// Words that introduce a modification date in a dateline.
    static let updatedWords = ["updated", "modified", "last update", "actualizado", "atualizado", "atualização", "mis à jour",
                               "aktualisiert", "aggiornato", "diperbarui", "обновлено"]

    /// The author name(s) if the line is a byline.
    static func byline(_ line: ScrapeLine) -> String? {
        guard line.wordCount <= maxWords, line.charCount <= 160 else { return nil }
        let ns = line.text as NSString
        guard let m = bylinePattern.firstMatch(in: line.text, range: NSRange(location: 0, length: ns.length)) else { return nil }
        var name = ns.substring(with: m.range(at: 1))
        // Cut a trailing date, time or separator part: "Jane Doe on November 19, 2019", "Jane Doe | Reuters".
        for cut in [" on ", " | ", " - ", " — ", " – ", ", updated", " updated", " published", " at ", "\t"] {
            if let r = name.range(of: cut, options: .caseInsensitive) { name = String(name[..<r.lowerBound]) }
        }
        if DateParser.find(in: name) != nil, let comma = name.firstIndex(of: ",") { name = String(name[..<comma]) }
        // Contact details and counters follow the name: "Megan Rowe meganr@example.com (509) 459-5382".
        var words = name.split(separator: " ").map(String.init)
        if let cut = words.firstIndex(where: { $0.contains("@") || $0.contains(where: \.isNumber) }) { words = Array(words[..<cut]) }
        // Pages print the name twice (link text and label): "Sean Martin Sean Martin".
        if words.count >= 2, words.count % 2 == 0, Array(words[..<(words.count / 2)]) == Array(words[(words.count / 2)...]) {
            words = Array(words[..<(words.count / 2)])
        }
        name = words.joined(separator: " ").trimmingCharacters(in: .whitespaces.union(.punctuationCharacters))
        // A name starts with a capital letter and is a handful of words.
        guard let first = name.first, first.isUppercase,
              name.split(separator: " ").count <= 10 else { return nil }
        return name
    }

    /// The date on a dateline, and whether it is a modification date.
    static func date(_ line: ScrapeLine) -> (date: Date, isUpdate: Bool)? {
        guard line.wordCount <= maxWords else { return nil }
        guard let date = DateParser.find(in: line.text) else { return nil }
        let lower = line.text.lowercased()
        let isUpdate = updatedWords.contains { lower.hasPrefix($0) || lower.contains(" " + $0) }
        return (date, isUpdate)
    }
}
