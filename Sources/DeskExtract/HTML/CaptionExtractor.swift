import DeskModel
import Foundation

/// Collects photo captions (`figcaption`, and elements whose class says caption inside a figure) and
/// splits the credit from the caption text.
enum CaptionExtractor {
    /// Words that open a credit: "Photo: Jane Doe", "Credit: Reuters".
    static let creditOpeners = ["photograph:", "photographs:", "photo:", "photos:", "photo by", "photos by",
                                "photo credit", "image:", "image by", "images:", "picture:", "pictures:",
                                "credit:", "credits:", "credit...", "credit…", "illustration:", "illustration by", "source:", "foto:",
                                "fotos:", "bild:", "©", "(c)", "copyright"]
    /// Agencies and libraries whose name at the end of a caption marks the credit.
    static let agencies = ["getty images", "getty", "shutterstock", "reuters", "associated press", "ap photo",
                           "afp", "epa", "istock", "istockphoto", "alamy", "pa images", "pa wire", "dpa",
                           "bloomberg", "xinhua", "anadolu", "zuma", "rex features", "contributor"]
    /// Only the last this many characters are searched for an agency name.
    static let agencyTailChars = 80
    /// A "Photo: …" line longer than this many words is a caption with a label, not a credit.
    static let maxLeadingCreditWords = 8
    /// A caption-classed element longer than this is a container, not a caption.
    static let maxCaptionChars = 600
    static let creditClassWords = ["credit", "copyright", "source", "attribution", "photographer", "byline", "author"]

    /// Captions in document order; `root.stats` must be computed. A caption's own descendants are not
    /// searched, nor subtrees `skip` rules out (teasers of other stories carry captions too).
    static func captions(in root: Node, skipping skip: (Node) -> Bool = { _ in false }) -> [Caption] {
        var out: [Caption] = []
        var seen: Set<String> = []
        var stack: [Node] = [root]
        while let node = stack.popLast() {
            if skip(node) { continue }
            if node.isElement, isCaption(node) {
                if let c = caption(node), !isInterfaceLabel(c), seen.insert(c.text + "\u{1}" + (c.credit ?? "")).inserted {
                    // A credit printed apart from its caption ("<span class=caption-credit>") joins the caption before it.
                    if c.text.isEmpty, let last = out.last, last.credit == nil, !last.text.isEmpty {
                        out[out.count - 1].credit = c.credit
                    } else {
                        out.append(c)
                    }
                }
                continue
            }
            node.pushChildrenReversed(onto: &stack)
        }
        return out
    }

    /// Words of caption widgets' buttons and labels ("Caption Close", "Advertisement").
    static let interfaceWords: Set<String> = ["caption", "captions", "close", "open", "expand", "collapse", "hide", "show",
                                              "toggle", "advertisement", "advert", "ad", "live", "watch", "view", "more",
                                              "gallery", "photos", "image", "images", "video", "play", "next", "previous", "prev"]

    static func isInterfaceLabel(_ c: Caption) -> Bool {
        guard c.credit == nil else { return false }
        let words = BoilerplateClassifier.tokens(c.text)
        return words.isEmpty || words.allSatisfy { interfaceWords.contains($0) || c.text.count < 3 }
            || (words.count <= 4 && words.filter { interfaceWords.contains($0) }.count * 2 >= words.count)
    }

    static func isCaption(_ node: Node) -> Bool {
        if node.tagID == .figcaption { return true }
        if node.info.contains(.nonContent) { return false }
        return classSaysCaption(node.classAndID)
            && node.stats.chars <= maxCaptionChars && node.firstElement("figcaption") == nil
    }

    /// Whether a class/id token contains "caption". `classAndID` is lower-cased and tokens are its runs of
    /// letters and digits, so for ASCII a byte search gives the answer without splitting into tokens;
    /// without the bytes no token can hold the word.
    static func classSaysCaption(_ classAndID: String) -> Bool {
        guard Text.contains(classAndID, "caption") else { return false }
        if Text.isASCII(classAndID) { return true }
        return BoilerplateClassifier.tokens(classAndID).contains { $0.contains("caption") }
    }

    static func caption(_ node: Node) -> Caption? {
        // A child marked as the credit.
        var creditNodes: [Node] = []
        for d in node.descendants(includeSelf: false) where d.isElement {
            let cls = d.classAndID
            if creditClassWords.contains(where: { Text.contains(cls, $0) }), !isInside(d, creditNodes, upTo: node) {
                creditNodes.append(d)
            }
        }
        if let cn = creditNodes.first {
            let credit = cn.textContent()
            cn.pruned = .caption
            let text = node.textContent(skipPruned: true)
            cn.pruned = nil
            if !credit.isEmpty { return Caption(text: text, credit: credit) }
        }
        let full = node.textContent()
        if full.isEmpty { return nil }
        return split(full)
    }

    /// Whether `d` lies under one of `nodes`, looking no higher than `top`.
    private static func isInside(_ d: Node, _ nodes: [Node], upTo top: Node) -> Bool {
        var p = d.parent
        while let n = p, n !== top {
            if nodes.contains(where: { $0 === n }) { return true }
            p = n.parent
        }
        return false
    }

    static func split(_ full: String) -> Caption {
        let lower = full.lowercased()
        // Byte offsets into `lower` (byte-wise searches: the patterns are fixed strings).
        var cut: Int?
        for opener in creditOpeners {
            if let r = Text.firstOffset(of: opener, in: lower), cut.map({ r < $0 }) ?? true { cut = r }
        }
        if cut == nil {
            let tailStart = lower.index(lower.endIndex, offsetBy: -min(agencyTailChars, lower.count))
            let tailOffset = lower.utf8.distance(from: lower.utf8.startIndex, to: tailStart)
            for agency in agencies {
                guard let r = Text.lastOffset(of: agency, in: lower, from: tailOffset) else { continue }
                // The credit starts after the last separator before the agency name.
                let seps = [". ", "(", "|", " – ", " — ", " - ", "/ "]
                var start = 0
                for sep in seps {
                    guard let found = Text.lastOffset(of: sep, in: lower, to: r) else { continue }
                    let at = sep == ". " ? found + sep.utf8.count : found
                    if at > start { start = at }
                }
                cut = start
                break
            }
        }
        guard let cutOffset = cut else { return Caption(text: full) }
        let offset = lower.distance(from: lower.startIndex, to: Text.index(lower, byteOffset: cutOffset))
        // "Image: Crowds gather outside the stadium before the match" labels a caption, not a credit.
        if offset == 0, full.split(separator: " ").count > Self.maxLeadingCreditWords { return Caption(text: full) }
        let idx = full.index(full.startIndex, offsetBy: offset)
        let trimSet: Set<Character> = [" ", "|", "(", "-", "–", "—", "/", ".", ","]
        var text = String(full[..<idx])
        while let l = text.last, trimSet.contains(l) { text.removeLast() }
        if full[..<idx].last == "." || text.last.map({ $0.isLetter || $0.isNumber }) == true, !text.isEmpty,
           String(full[..<idx]).trimmingCharacters(in: .whitespaces).hasSuffix(".") { text += "." }
        var credit = String(full[idx...]).trimmingCharacters(in: .whitespaces)
        if credit.hasPrefix("("), credit.hasSuffix(")") { credit = String(credit.dropFirst().dropLast()) }
        if credit.hasPrefix("("), !credit.contains(")") { credit = String(credit.dropFirst()) }
        return Caption(text: text, credit: credit.isEmpty ? nil : credit)
    }
}
