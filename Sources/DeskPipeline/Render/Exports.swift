import DeskModel
import DeskStore
import Foundation

/// `updesk export ...`: JSON for tools, in the formats `../shared/tools/score_*.py` read.
public enum Exports {
    public enum Kind: String, CaseIterable, Sendable {
        case assignments, updates, timelines, articles
    }

    public static func json(_ kind: Kind, from store: any Store) throws -> Data {
        let object: Any
        switch kind {
        case .assignments:
            // {"assign": {doc: story}, "opened": [doc...]} (score_stories.py)
            let all = try store.assignments()
            var assign: [String: String] = [:]
            for a in all { assign[a.docID] = String(a.storyID) }
            object = ["assign": assign, "opened": all.filter(\.opened).map(\.docID)]
        case .updates:
            // {story: {"YYYY-MM-DD": text}} (score_updates.py, with story ids as events)
            var out: [String: [String: String]] = [:]
            for group in try store.updates(since: nil, perStory: 10_000) {
                let story = group.story, items = group.items
                var days: [String: [UpdateItem]] = [:]
                for u in items { days[ISO8601.day(u.firstSeen), default: []].append(u) }
                out[String(story.id)] = days.mapValues { $0.sorted { $0.score > $1.score }.map(\.text).joined(separator: " ") }
            }
            object = out
        case .timelines:
            // {story: [["YYYY-MM-DD", [sentence...]], ...]} (score_timelines.py)
            var out: [String: [[Any]]] = [:]
            var offset = 0
            while true {
                let page = try store.stories(limit: 500, offset: offset)
                if page.isEmpty { break }
                offset += page.count
                for s in page {
                    let items = try store.timeline(story: s.id)
                    if !items.isEmpty { out[String(s.id)] = items.map { [$0.date, [$0.text]] } }
                }
            }
            object = out
        case .articles:
            // {id: {"articleBody": text}} (score_extraction.py)
            var out: [String: [String: Any]] = [:]
            for a in try store.articles() {
                out[a.id] = ["articleBody": a.body, "title": a.title ?? NSNull()]
            }
            object = out
        }
        return try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }
}
