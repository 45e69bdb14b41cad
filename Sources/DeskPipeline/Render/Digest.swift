import DeskModel
import DeskStore
import DeskTracking
import Foundation

/// The digest of what is new: per story, its new facts ranked, with the sources that ran them.
/// One content model, three renderings (Markdown, HTML, JSON); the web desk and feeds reuse it.
public struct Digest: Codable, Sendable, Hashable {
    public struct Story: Codable, Sendable, Hashable {
        public var id: Int64
        public var title: String
        public var articles: Int
        public var sources: Int
        public var lastSeen: Date
        /// New facts in the window; `updates` shows the best of them.
        public var newFacts: Int
        public var updates: [UpdateItem]
    }

    public var since: Date?
    public var stories: [Story]

    /// New facts shown per story: a digest is for skimming; the story page has the rest.
    public static let updatesPerStory = 5
    /// Stories in one digest, most important first.
    public static let maxStories = 50
    /// New facts per story read from the store and ranked by `UpdateRanker` (salience, agreement, the judge's
    /// importance, no repeats) before the best `updatesPerStory` are shown.
    static let candidatesPerStory = 40

    public static func build(from store: any Store, since: Date?) throws -> Digest {
        rank(try store.updates(since: since, perStory: candidatesPerStory), since: since)
    }

    /// The digest of these per-story new facts (read by the caller, e.g. only what one watch matched).
    public static func rank(_ read: [StoryUpdates], since: Date?) -> Digest {
        let ranker = UpdateRanker(wordBudget: .max)
        let groups = read.map { g in
            var g = g
            let facts = g.items.map { UpdateRanker.HeldFact(text: $0.text, sources: $0.sources.count, importance: $0.score) }
            g.items = ranker.pick(facts, limit: updatesPerStory).map { g.items[$0] }
            return g
        }
        // Importance within the window: how many new facts the story gained plus how many sources brought
        // them, so a story many outlets are running now and a single article full of news both rise, while a
        // big story with little new today sinks.
        func importance(_ g: StoryUpdates) -> Int { g.sources + g.total }
        let ranked = groups.sorted { a, b in
            if importance(a) != importance(b) { return importance(a) > importance(b) }
            if a.story.lastSeen != b.story.lastSeen { return a.story.lastSeen > b.story.lastSeen }
            return a.story.id < b.story.id
        }
        return Digest(since: since, stories: ranked.prefix(maxStories).map { g in
            Story(id: g.story.id, title: g.story.title, articles: g.story.articleCount, sources: g.story.sourceCount,
                  lastSeen: g.story.lastSeen, newFacts: g.total, updates: g.items)
        })
    }

    public func markdown() -> String {
        var out = "# What is new" + (since.map { " since \(ISO8601.string($0))" } ?? "") + "\n\n"
        if stories.isEmpty { return out + "Nothing new.\n" }
        for story in stories {
            out += "## \(story.title)\n\n"
            out += "Story \(story.id) · \(story.newFacts) new fact\(story.newFacts == 1 ? "" : "s") · \(story.articles) article\(story.articles == 1 ? "" : "s") · \(story.sources) source\(story.sources == 1 ? "" : "s") · last \(ISO8601.string(story.lastSeen))\n\n"
            for u in story.updates {
                let sources = zip(u.sources, u.urls + Array(repeating: "", count: max(0, u.sources.count - u.urls.count)))
                    .map { $1.isEmpty ? $0 : "[\($0)](\($1))" }
                out += "- \(u.text)" + (sources.isEmpty ? "" : " — " + sources.joined(separator: ", ")) + "\n"
            }
            out += "\n"
        }
        return out
    }

    public func html() -> String {
        var out = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>What is new</title></head><body>\n"
        out += "<h1>What is new" + (since.map { " since " + HTMLText.escape(ISO8601.string($0)) } ?? "") + "</h1>\n"
        if stories.isEmpty { out += "<p>Nothing new.</p>\n" }
        for story in stories {
            out += "<section id=\"story-\(story.id)\">\n<h2>\(HTMLText.escape(story.title))</h2>\n"
            out += "<p>\(story.articles) articles · \(story.sources) sources</p>\n<ul>\n"
            for u in story.updates {
                let links = u.sources.enumerated().map { i, s in
                    i < u.urls.count ? "<a href=\"\(HTMLText.escape(u.urls[i]))\">\(HTMLText.escape(s))</a>" : HTMLText.escape(s)
                }
                out += "<li>\(HTMLText.escape(u.text))" + (links.isEmpty ? "" : " — " + links.joined(separator: ", ")) + "</li>\n"
            }
            out += "</ul>\n</section>\n"
        }
        return out + "</body></html>\n"
    }

    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }
}

public enum HTMLText {
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }
}
