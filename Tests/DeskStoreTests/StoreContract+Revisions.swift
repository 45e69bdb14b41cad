import DeskModel
import DeskStore
import Foundation
import Testing

/// Revisions across ids and re-read old versions: what `Placer` relies on, on every backend.
extension StoreContract {
    /// A revision that arrives under a new id keeps that id as an alias: looking it up finds the article.
    static func aliasFindsTheRevisedArticle(_ store: any Store) throws {
        let v1 = analyzed("wire-1", title: "Bridge closes", sentences: ["The bridge closed on Monday."])
        let first = try store.write { tx in try tx.apply(placement(.new, story: nil, hash: "h1", sentences: v1.sentences.map(\.text)), to: v1, ingestedAt: t0) }
        let v2 = analyzed("wire-1-refiled", title: "Bridge closes for a week", sentences: ["The bridge closed on Monday for a week."])
        let revised = try store.write { tx in
            try tx.apply(placement(.revision(of: first.articleID), story: first.storyID, hash: "h2", sentences: v2.sentences.map(\.text)),
                         to: v2, ingestedAt: t0.addingTimeInterval(60))
        }
        #expect(revised.action == .revised)
        let held = try store.write { tx in (try tx.article(docID: "wire-1-refiled"), try tx.article(docID: "wire-1")) }
        #expect(held.0?.id == first.articleID, "the new id resolves to the article it revised")
        #expect(held.1?.id == first.articleID)
        #expect(held.0?.contentHash == "h2")
        #expect(try store.counts().articles == 1)
    }

    /// An earlier version read again (a replayed stream) is "unchanged": no revision, the clock not turned back.
    static func anOldVersionReadAgainIsUnchanged(_ store: any Store) throws {
        let v1 = analyzed("a1", title: "Toll rises", sentences: ["Seven people were killed."])
        let first = try store.write { tx in try tx.apply(placement(.new, story: nil, hash: "h1", sentences: v1.sentences.map(\.text)), to: v1, ingestedAt: t0) }
        let v2 = analyzed("a1", title: "Toll rises to 11", sentences: ["Eleven people were killed."])
        _ = try store.write { tx in
            try tx.apply(placement(.revision(of: first.articleID), story: first.storyID, hash: "h2", sentences: v2.sentences.map(\.text)),
                         to: v2, ingestedAt: t0.addingTimeInterval(60))
        }
        let again = try store.write { tx in
            try tx.apply(placement(.revision(of: first.articleID), story: first.storyID, hash: "h1", sentences: v1.sentences.map(\.text)),
                         to: v1, ingestedAt: t0.addingTimeInterval(120))
        }
        #expect(again.action == .unchanged)
        #expect(again.newSentences == 0)
        #expect(try store.counts().revisions == 1)
        #expect(try store.article(id: first.articleID)?.title == "Toll rises to 11")
    }
}
