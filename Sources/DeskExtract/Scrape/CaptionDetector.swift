import DeskModel
import Foundation

/// Photo captions and bare photo credits ("Israeli and Japanese flags. Photo by Aritra Deb/Shutterstock.",
/// "Getty Images", "(AP Photo/Evan Vucci)").
enum CaptionDetector {
    /// Captions are one or two sentences; a line longer than this that mentions a photo agency is body prose.
    static let maxCaptionChars = 400

    /// Labels that open a credit anywhere in a line.
    static let creditLabel = try! NSRegularExpression(
        pattern: #"(\(?\b(photo|photos|photograph|photography|pictured|picture|image|images|illustration|graphic|video|credit|credits|source|foto|fotos|imagen|imagem|bild|фото)\b\s*(by|credit|courtesy|source|:|\.\.\.|…|©)|\(\s*(photo|image|credit|foto)\b|©|\bcourtesy of\b|\b(ap|afp|reuters|epa|dpa|xinhua) photo\b|\bvia getty images\b)"#,
        options: [.caseInsensitive])

    /// A credit that closes a line: an agency name, or "Name/Organisation", optionally in brackets.
    static let trailingCredit = try! NSRegularExpression(
        pattern: #"(\b[\p{L}.\-' ]{2,40}/\s?[\p{L}.\-' ]{2,40}|\b(getty images|getty|shutterstock|ap photo|afp|reuters|epa|efe|istock|istockphoto|alamy|associated press|ap|dpa|anadolu|xinhua|pa wire|pa images|bloomberg|nasa|unsplash|wikimedia commons|handout|file photo)\b)[\s.)\]]*$"#,
        options: [.caseInsensitive])

    /// The caption if the line is one, split into text and credit.
    static func detect(_ line: ScrapeLine) -> Caption? {
        let text = line.text
        guard line.charCount <= maxCaptionChars else { return nil }
        let ns = text as NSString
        let whole = NSRange(location: 0, length: ns.length)
        if let m = creditLabel.firstMatch(in: text, range: whole) {
            // A label inside a long sentence ("the image of the party") is not a credit: require the label to
            // be near the end (at most this share of the line after it) or the line to be short.
            let after = ns.length - m.range.location
            if after <= 90 || line.wordCount <= 12 {
                return split(ns, at: m.range.location)
            }
        }
        if let m = trailingCredit.firstMatch(in: text, range: whole) {
            var start = m.range.location
            // Bare agency words need a separator before them ("/", "(", "|", "via", "-") or the line to be the credit.
            let before = ns.substring(to: start).trimmingCharacters(in: .whitespaces)
            let isSlashCredit = ns.substring(with: m.range).contains("/")
            let separated = before.isEmpty || before.hasSuffix("(") || before.hasSuffix("|") || before.hasSuffix("/")
                || before.lowercased().hasSuffix("via") || before.hasSuffix("-") || before.hasSuffix("—") || before.hasSuffix(".")
                || before.hasSuffix(":")
            // Prose ending "... said Reuters." has a sentence end before the credit only rarely; a slash credit
            // ("Doug Mills/The New York Times") must be a short tail with capitalised words.
            if isSlashCredit {
                let credit = ns.substring(with: m.range)
                let words = credit.split { $0 == " " || $0 == "/" }
                let capitalised = words.filter { $0.first?.isUppercase ?? false }.count
                guard capitalised * 2 >= words.count, !credit.contains("http"), !credit.contains("www") else { return nil }
                // Start the credit at the name before the slash (up to three capitalised words).
                start = creditNameStart(ns, slashCredit: m.range)
            } else if !separated {
                return nil
            }
            if before.hasSuffix("(") {
                let paren = ns.range(of: "(", options: .backwards, range: NSRange(location: 0, length: m.range.location))
                if paren.location != NSNotFound { start = paren.location }
            }
            return split(ns, at: max(0, min(start, m.range.location)))
        }
        return nil
    }

    static func creditNameStart(_ ns: NSString, slashCredit range: NSRange) -> Int {
        let credit = ns.substring(with: range)
        guard let slash = credit.firstIndex(of: "/") else { return range.location }
        let name = credit[..<slash]
        // Keep at most three words before the slash as the photographer's name.
        let words = name.split(separator: " ")
        let kept = words.suffix(3)
        let keptLength = kept.joined(separator: " ").utf16.count
        let nameEnd = range.location + name.utf16.count
        return nameEnd - keptLength
    }

    static func split(_ ns: NSString, at location: Int) -> Caption {
        let text = ns.substring(to: location).trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "|-—–(")))
        let credit = ns.substring(from: location).trimmingCharacters(in: .whitespaces)
        return Caption(text: text, credit: credit.isEmpty ? nil : credit)
    }
}
