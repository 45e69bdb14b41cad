import DeskModel
import Foundation

/// Human-readable renderings of one article.
public enum ArticleRendering {
    public static func markdown(_ a: Article) -> String {
        var out = "# \(a.title ?? a.id)\n\n"
        if let s = a.standfirst { out += "*\(s)*\n\n" }
        var meta: [String] = []
        if let b = a.byline { meta.append(b) }
        if let p = a.published { meta.append("published \(ISO8601.string(p.value))") }
        if let m = a.modified { meta.append("updated \(ISO8601.string(m.value))") }
        if let src = a.source { meta.append(src) }
        if !meta.isEmpty { out += meta.joined(separator: " · ") + "\n\n" }
        var ordinal = 0
        out += a.blocks.map { block -> String in
            ordinal = block.kind == .orderedItem ? ordinal + 1 : 0
            switch block.kind {
            case .paragraph: return block.text
            case .subhead: return "## " + block.text
            case .listItem: return "- " + block.text
            case .orderedItem: return "\(ordinal). " + block.text
            case .quote: return "> " + block.text
            case .preformatted: return "```\n" + block.text + "\n```"
            }
        }.joined(separator: "\n\n")
        if !a.captions.isEmpty {
            out += "\n\n" + a.captions.map { "> \($0.text)" + ($0.credit.map { " (\($0))" } ?? "") }.joined(separator: "\n")
        }
        return out + "\n"
    }

    public static func text(_ a: Article) -> String {
        var out = ""
        if let t = a.title { out += t + "\n\n" }
        if let s = a.standfirst { out += s + "\n\n" }
        return out + a.body + "\n"
    }
}
