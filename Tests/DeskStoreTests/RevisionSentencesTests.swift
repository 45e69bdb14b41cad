import DeskStore
import Testing

@Suite("Revision sentences")
struct RevisionSentencesTests {
    @Test("added and removed keep each version's order, and a moved sentence is neither")
    func orderAndMoves() {
        let changes = RevisionSentences(old: ["A.", "B.", "C.", "D."], new: ["C.", "A.", "E.", "B.", "F."])
        #expect(changes.added == ["E.", "F."])
        #expect(changes.removed == ["D."])
    }

    @Test("a repeated sentence is added or removed each time it occurs, and identical versions change nothing")
    func repeatsAndIdentity() {
        let changes = RevisionSentences(old: ["X."], new: ["Y.", "X.", "Y."])
        #expect(changes.added == ["Y.", "Y."])
        #expect(changes.removed.isEmpty)
        #expect(RevisionSentences(old: ["A.", "B."], new: ["A.", "B."]) == RevisionSentences(old: [], new: []))
    }

    @Test("a revision of 20,000 sentences: every added and removed sentence found")
    func large() {
        let old = (0..<20_000).map { "Sentence \($0)." }
        let new = Array(old.dropFirst(100)) + (0..<50).map { "New \($0)." }
        let changes = RevisionSentences(old: old, new: new)
        #expect(changes.added.count == 50)
        #expect(changes.removed == Array(old.prefix(100)))
    }
}
