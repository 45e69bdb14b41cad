import DeskModel
import DeskStore
import Foundation
import Testing

/// What the web desk keeps (users, seen marks, the entity index, watches, the webhook outbox) behaves the
/// same on every backend, so `updesk serve` runs on SQLite or PostgreSQL alike.
@Suite("Web store contract")
struct WebStoreContractTests {
    typealias Desk = any Store & WebStore
    static let t0 = StoreContract.t0

    func fresh(_ backend: Backend) throws -> Desk {
        try #require(try backend.freshStore() as? Desk)
    }

    /// Places one article with two new sentences; returns (article, story).
    func place(_ store: Desk, id: String = "a1", title: String = "Ship docks at port") throws -> (Int64, Int64) {
        let a = StoreContract.analyzed(id, title: title, sentences: ["The ship docked at the port on Monday.", "It carried grain."])
        let o = try store.write { tx in
            try tx.apply(StoreContract.placement(.new, story: nil, hash: "h-\(id)", sentences: a.sentences.map(\.text)), to: a, ingestedAt: Self.t0)
        }
        return (o.articleID, try #require(o.storyID))
    }

    @Test("users and seen marks", arguments: Backend.available)
    func usersAndSeenMarks(_ backend: Backend) throws {
        let store = try fresh(backend)
        let (article, story) = try place(store)
        let user = try store.addUser(name: "ann", role: .editor, tokenHash: "hash-1", at: Self.t0)
        #expect(try store.user(tokenHash: "hash-1")?.id == user.id)
        #expect(try store.user(tokenHash: "hash-1")?.role == .editor)
        #expect(try store.user(tokenHash: "other") == nil)
        #expect(try store.unseen(user: user.id, stories: [story])[story]?.count == 2)
        #expect(try store.unseen(user: user.id, stories: [story])[story]?.newest?.isEmpty == false)
        #expect(try store.unseen(user: user.id, stories: []).isEmpty, "only the stories asked about are counted")
        #expect(try store.unseen(user: user.id, stories: [story + 1000])[story + 1000] == nil)
        let newest = try store.newestSentenceID()
        #expect(try store.updates(afterSentence: 0, limit: 10).map(\.sentenceID).last == newest)
        try store.markSeen(user: user.id, story: story, sentenceID: newest, at: Self.t0)
        try store.markSeen(user: user.id, story: story, sentenceID: newest - 1, at: Self.t0)
        #expect(try store.seenMark(user: user.id, story: story)?.lastSentenceID == newest, "a mark never moves back")
        #expect(try store.unseen(user: user.id, stories: [story])[story] == nil)
        #expect(try store.articleRecord(id: article)?.storyID == story)
        #expect(try store.storyIDs(source: "source-a1") == [story])
        #expect(try store.activity(story: story).map(\.articles) == [1])
        #expect(try store.activity(story: story).map(\.updates) == [2])
    }

    @Test("the entity index", arguments: Backend.available)
    func entityIndex(_ backend: Backend) throws {
        let store = try fresh(backend)
        let (article, story) = try place(store)
        // Placement keeps the entity index with the article: nothing is left for the web desk to analyse again.
        #expect(try store.articlesToIndex(limit: 10).isEmpty)
        // The indexer resumes from the highest id it has looked at.
        #expect(try store.lastArticleID() == article)
        #expect(try store.articlesToIndex(after: 0, through: article, limit: 10).isEmpty)
        let mentions = [EntityMention(text: "Porthmadog", kind: .place, key: "porthmadog"), EntityMention(text: "Gwynedd", kind: .place, key: "gwynedd")]
        try store.indexEntities(article: article, version: 1, mentions)
        try store.indexEntities(article: article, version: 1, mentions)
        #expect(try store.articlesToIndex(limit: 10).isEmpty)
        #expect(try store.entityKeys(article: article) == ["porthmadog", "gwynedd"])
        #expect(try store.entity(key: "porthmadog") == EntitySummary(key: "porthmadog", name: "Porthmadog", kind: "LOC", mentions: 1, stories: 1),
                "indexing again replaces, never adds")
        #expect(try store.topEntities(limit: 5).count == 2)
        #expect(try store.entities(story: story, limit: 5).count == 2)
        #expect(try store.stories(entity: "gwynedd", limit: 5).map(\.id) == [story])
    }

    @Test("placement keeps each version's entities in the index, in the same transaction", arguments: Backend.available)
    func entitiesKeptAtPlacement(_ backend: Backend) throws {
        let store = try fresh(backend)
        var a = StoreContract.analyzed("e1", title: "Ferry leaves Holyhead", sentences: ["The ferry left Holyhead on Monday.", "It sailed to Dublin."])
        a.sentences[0].entities = [EntityMention(text: "Holyhead", kind: .place, key: "holyhead")]
        a.sentences[1].entities = [EntityMention(text: "Dublin", kind: .place, key: "dublin"), EntityMention(text: "it", kind: .other, key: "")]
        let placed = try store.write { tx in
            try tx.apply(StoreContract.placement(.new, story: nil, hash: "h-e1", sentences: a.sentences.map(\.text)), to: a, ingestedAt: Self.t0)
        }
        #expect(try store.entityKeys(article: placed.articleID) == ["holyhead", "dublin"], "keyed mentions only")
        #expect(try store.articlesToIndex(limit: 10).isEmpty)
        // A revision replaces the index with the new version's mentions.
        var b = a
        b.sentences[1].text = "It sailed to Liverpool."
        b.sentences[1].entities = [EntityMention(text: "Liverpool", kind: .place, key: "liverpool")]
        _ = try store.write { tx in
            try tx.apply(StoreContract.placement(.revision(of: placed.articleID), story: placed.storyID, hash: "h-e1-v2",
                                                 sentences: b.sentences.map(\.text)), to: b, ingestedAt: Self.t0.addingTimeInterval(60))
        }
        #expect(try store.entityKeys(article: placed.articleID) == ["holyhead", "liverpool"])
        #expect(try store.articlesToIndex(limit: 10).isEmpty, "the index is at the article's new version")
    }

    @Test("watches and the outbox: queued once, settled once", arguments: Backend.available)
    func outbox(_ backend: Backend) throws {
        let store = try fresh(backend)
        _ = try place(store)
        let user = try store.addUser(name: "ed", role: .editor, tokenHash: "hash-2", at: Self.t0)
        let watch = try store.addWatch(Watch(id: 0, userID: user.id, name: "ships", query: "ship", entities: ["x"], sources: [],
                                             webhookURL: "http://127.0.0.1:9/hook", secret: "s", lastSentenceID: 0, created: Self.t0))
        #expect(try store.watch(id: watch.id)?.entities == ["x"])
        #expect(try store.watches(user: user.id).map(\.id) == [watch.id])
        let newest = try store.newestSentenceID()
        try store.enqueue(watch: watch.id, lastSentenceID: newest, url: watch.webhookURL, bodies: ["one", "two"], at: Self.t0)
        try store.enqueue(watch: watch.id, lastSentenceID: newest, url: watch.webhookURL, bodies: ["one", "two"], at: Self.t0)
        #expect(try store.deliveries(watch: watch.id).map(\.body) == ["one", "two"], "a second matcher queues nothing twice")
        #expect(try store.watch(id: watch.id)?.lastSentenceID == newest)
        let due = try store.dueDeliveries(now: Self.t0.addingTimeInterval(1), limit: 10)
        #expect(due.map(\.body) == ["one", "two"])
        try store.markDelivered(id: due[0].id, attempts: 1, at: Self.t0)
        try store.markFailed(id: due[1].id, attempts: 8, error: "gone", nextAttempt: nil)
        #expect(try store.dueDeliveries(now: Self.t0.addingTimeInterval(86_400), limit: 10).isEmpty)
        #expect(try store.deliveries(watch: watch.id).map(\.state) == [.delivered, .failed])
        try store.deleteWatch(id: watch.id)
        #expect(try store.watch(id: watch.id) == nil)
    }
}
