import DeskModel
import DeskStore
import Foundation
import Testing

/// The contract every `Store` backend must pass. Each check takes a fresh, empty store; a backend's test
/// `StoreContractTests` runs every check on every backend.
enum StoreContract {
    static let t0 = Date(timeIntervalSince1970: 1_700_000_000)

    static func analyzed(_ id: String, title: String, sentences: [String], published: Date = t0) -> AnalyzedArticle {
        var article = Article(id: id, kind: .text, source: "source-\(id)", title: title, paragraphs: sentences)
        article.published = Sourced(published, from: "test")
        let s = sentences.enumerated().map { Sentence(index: $0.offset, paragraph: $0.offset, text: $0.element) }
        return AnalyzedArticle(article: article, sentences: s)
    }

    static func placement(_ disposition: Placement.Disposition, story: Int64?, hash: String, sentences: [String],
                          novelty: Novelty = .new, timeline: [Placement.TimelineEntry] = []) -> Placement {
        Placement(disposition: disposition, storyID: story, storySimilarity: 0.5, contentHash: hash, simhash: 0xDEAD_BEEF,
                  terms: ["ship": 0.8, "port": 0.6],
                  sentences: sentences.enumerated().map { .init(index: $0.offset, text: $0.element, novelty: novelty, evidence: nil, score: 1) },
                  timeline: timeline)
    }

    /// A new article with no story opens one; its sentences become updates; lookups find it.
    static func opensStoryAndFindsIt(_ store: any Store) throws {
        let a = analyzed("a1", title: "Ship docks at port", sentences: ["The ship docked at the port on Monday.", "It carried grain."])
        let outcome = try store.write { tx in
            try tx.apply(placement(.new, story: nil, hash: "h1", sentences: a.sentences.map(\.text),
                                   timeline: [.init(date: "2023-11-13", sentenceIndex: 0)]), to: a, ingestedAt: t0)
        }
        #expect(outcome.action == .stored)
        #expect(outcome.openedStory)
        #expect(outcome.newSentences == 2)
        let story = try #require(outcome.storyID)
        try store.write { tx -> Void in
            #expect(try tx.article(docID: "a1")?.contentHash == "h1")
            #expect(try tx.articles(contentHash: "h1").count == 1)
            #expect(try tx.articles(simhashBands: SimHashBands.keys(0xDEAD_BEEF)).map(\.docID) == ["a1"])
            let near = try tx.nearestStories(to: ["ship": 1], activeSince: t0.addingTimeInterval(-10), limit: 5)
            #expect(near.map(\.story) == [story])
            // Profile {ship 0.8, port 0.6} has norm 1: the cosine with the unit vector "ship" is 0.8.
            #expect(abs((near.first?.similarity ?? 0) - 0.8) < 1e-9)
            #expect(try tx.nearestStories(to: ["ship": 1], activeSince: t0.addingTimeInterval(10), limit: 5).isEmpty)
            #expect(try tx.nearestStories(to: ["absent": 1], activeSince: t0.addingTimeInterval(-10), limit: 5).isEmpty)
            #expect(try tx.sentences(story: story, limit: 10).count == 2)
            let df = try tx.documentFrequencies(["ship", "absent"])
            #expect(df.total == 1 && df.counts["ship"] == 1 && df.counts["absent"] == nil)
        }
        let detail = try #require(try store.story(id: story))
        #expect(detail.summary.title == "Ship docks at port")
        #expect(detail.articles.count == 1)
        #expect(detail.updates.map(\.text).contains("It carried grain."))
        #expect(detail.timeline.map(\.date) == ["2023-11-13"])
        #expect(try store.counts().stories == 1)
        #expect(try store.integrityCheck())
    }

    /// A copy is stored as one more source of the original, with no sentences of its own.
    static func duplicatesCollapse(_ store: any Store) throws {
        let a = analyzed("a1", title: "Ship docks", sentences: ["The ship docked."])
        let first = try store.write { tx in try tx.apply(placement(.new, story: nil, hash: "h1", sentences: ["The ship docked."]), to: a, ingestedAt: t0) }
        let b = analyzed("b1", title: "Ship docks (wire)", sentences: ["The ship docked."])
        let copy = try store.write { tx in
            try tx.apply(placement(.duplicate(of: first.articleID, similarity: 1), story: first.storyID, hash: "h1", sentences: []), to: b, ingestedAt: t0)
        }
        #expect(copy.action == .duplicate)
        #expect(copy.storyID == first.storyID)
        let counts = try store.counts()
        #expect(counts.articles == 1 && counts.duplicates == 1 && counts.sentences == 1)
        let update = try #require(try store.story(id: first.storyID!)?.updates.first)
        #expect(Set(update.sources) == ["source-a1", "source-b1"])
    }

    /// The same document again changes nothing.
    static func unchangedIsIdempotent(_ store: any Store) throws {
        let a = analyzed("a1", title: "T", sentences: ["One sentence here."])
        let first = try store.write { tx in try tx.apply(placement(.new, story: nil, hash: "h1", sentences: ["One sentence here."]), to: a, ingestedAt: t0) }
        let again = try store.write { tx in
            try tx.apply(placement(.unchanged(articleID: first.articleID), story: first.storyID, hash: "h1", sentences: []), to: a, ingestedAt: t0)
        }
        #expect(again.action == .unchanged)
        #expect(try store.counts() == StoreCounts(articles: 1, duplicates: 0, revisions: 0, stories: 1, sentences: 1, updates: 1))
    }

    /// A revision keeps the old version and records the sentences added and removed.
    static func revisionsAreKept(_ store: any Store) throws {
        let v1 = analyzed("a1", title: "Toll rises", sentences: ["Seven people were killed.", "Rescue goes on."])
        let first = try store.write { tx in try tx.apply(placement(.new, story: nil, hash: "h1", sentences: v1.sentences.map(\.text)), to: v1, ingestedAt: t0) }
        let v2 = analyzed("a1", title: "Toll rises to 11", sentences: ["Eleven people were killed.", "Rescue goes on."])
        let revised = try store.write { tx in
            try tx.apply(placement(.revision(of: first.articleID), story: first.storyID, hash: "h2", sentences: v2.sentences.map(\.text)),
                         to: v2, ingestedAt: t0.addingTimeInterval(60))
        }
        #expect(revised.action == .revised)
        #expect(revised.newSentences == 1)
        #expect(try store.counts().revisions == 1)
        #expect(try store.article(id: first.articleID)?.title == "Toll rises to 11")
        let held = try store.write { tx in try tx.article(docID: "a1") }
        #expect(held?.contentHash == "h2")
    }

    /// Updates are filtered by first-seen time; search ranks by words.
    static func updatesSinceAndSearch(_ store: any Store) throws {
        for (i, title) in ["Volcano erupts in Iceland", "Election results announced"].enumerated() {
            let a = analyzed("d\(i)", title: title, sentences: ["\(title) today."], published: t0.addingTimeInterval(Double(i) * 86_400))
            _ = try store.write { tx in try tx.apply(placement(.new, story: nil, hash: "h\(i)", sentences: ["\(title) today."]), to: a, ingestedAt: t0) }
        }
        #expect(try store.updates(since: nil, perStory: 5).count == 2)
        let recent = try store.updates(since: t0.addingTimeInterval(3600), perStory: 5)
        #expect(recent.map(\.story.title) == ["Election results announced"])
        #expect(recent.map(\.total) == [1])
        #expect(recent.map(\.sources) == [1])
        #expect(try store.search("volcano", limit: 5).map(\.title) == ["Volcano erupts in Iceland"])
        #expect(try store.search("\"unbalanced ( query", limit: 5).isEmpty)
        #expect(try store.assignments().count == 2)
        #expect(try store.latestPublished() == t0.addingTimeInterval(86_400))
        #expect(try store.articles().map(\.id).sorted() == ["d0", "d1"])
    }

    static let all: [(String, @Sendable (any Store) throws -> Void)] = [
        ("opensStoryAndFindsIt", opensStoryAndFindsIt),
        ("duplicatesCollapse", duplicatesCollapse),
        ("unchangedIsIdempotent", unchangedIsIdempotent),
        ("revisionsAreKept", revisionsAreKept),
        ("updatesSinceAndSearch", updatesSinceAndSearch),
        ("aliasFindsTheRevisedArticle", aliasFindsTheRevisedArticle),
        ("anOldVersionReadAgainIsUnchanged", anOldVersionReadAgainIsUnchanged),
    ]
}
