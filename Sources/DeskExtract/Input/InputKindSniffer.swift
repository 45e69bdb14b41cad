import DeskModel

/// Tells HTML from a plain-text scrape by its content, so a file's name need not say.
public enum InputKindSniffer {
    /// Tags whose presence near the start marks markup rather than scraped text.
    static let markupSignals = ["<!doctype", "<html", "<head", "<body", "<meta", "<div", "<p>", "<p ", "<article", "<title", "<br", "<span"]

    public static func kind(of text: String) -> InputKind {
        let head = text.utf8.prefix(8192)
        let lowered = String(decoding: head, as: UTF8.self).lowercased()
        var hits = 0
        for signal in markupSignals where lowered.contains(signal) {
            hits += 1
            if lowered.trimmingLeadingWhitespace().hasPrefix("<") || hits >= 2 { return .html }
        }
        return .text
    }
}

extension String {
    func trimmingLeadingWhitespace() -> Substring { drop(while: { $0.isWhitespace }) }
}
