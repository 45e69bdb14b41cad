import DeskModel
@testable import DeskTracking
import Foundation
import Testing

@Suite("Sentence diff")
struct RevisionDiffTests {
    let diff = SentenceDiff()

    func ops(_ d: RevisionDiff) -> [String] {
        d.entries.filter { $0.op != .unchanged }.map { e in
            "\(e.op.rawValue) \(e.oldIndex.map(String.init) ?? "-")>\(e.newIndex.map(String.init) ?? "-")"
        }
    }

    @Test("identical lists and case/punctuation edits give no changes")
    func identical() {
        let a = ["The storm hit the coast on Monday.", "Thousands fled.", "Power was cut."]
        #expect(!diff.diff(old: a, new: a).hasChanges)
        let b = ["The storm hit the coast on Monday!", "thousands  fled", "Power was cut."]
        #expect(!diff.diff(old: a, new: b).hasChanges)
    }

    @Test("an updated number is a changed sentence with the word-level change")
    func numberUpdate() {
        let old = ["A bus crashed near the border on Sunday.", "Officials said 7 people were killed in the crash.",
                   "The cause is not yet known."]
        let new = ["A bus crashed near the border on Sunday.", "Officials said 11 people were killed in the crash.",
                   "The cause is not yet known."]
        let d = diff.diff(old: old, new: new)
        #expect(ops(d) == ["changed 1>1"])
        let words = d.entries(.changed)[0].words
        #expect(words.filter { $0.kind == .removed }.map(\.text) == ["7"])
        #expect(words.filter { $0.kind == .inserted }.map(\.text) == ["11"])
        #expect(words.filter { $0.kind == .kept }.count == 8)
        #expect(!d.entries(.changed)[0].alsoMoved)
    }

    @Test("a reworded sentence (word swap and a clause) is changed, not removed and added")
    func reworded() {
        let old = ["The minister said the plan would start in March, after a long review.", "Critics were unconvinced."]
        let new = ["The minister stated the plan would begin in March, officials said.", "Critics were unconvinced."]
        let d = diff.diff(old: old, new: new)
        #expect(ops(d) == ["changed 0>0"])
        let removed = d.entries[0].words.filter { $0.kind == .removed }.map(\.text)
        #expect(removed.contains("said") && removed.contains("start"))
    }

    @Test("a sentence put elsewhere is moved; the others stay in place")
    func moved() {
        let old = ["Alpha leads the race.", "Bravo is second.", "Charlie is third.", "Delta is fourth.", "Echo is last."]
        let new = ["Bravo is second.", "Charlie is third.", "Delta is fourth.", "Alpha leads the race.", "Echo is last."]
        #expect(ops(diff.diff(old: old, new: new)) == ["moved 0>3"])
    }

    @Test("added and removed sentences; a removed one is listed where it stood, before what replaced it")
    func addedRemoved() {
        let old = ["Rain fell all night.", "Rivers rose fast.", "Schools closed early."]
        let new = ["Rain fell all night.", "The army was sent in to help with sandbags.", "Schools closed early."]
        let d = diff.diff(old: old, new: new)
        #expect(Set(ops(d)) == ["added ->1", "removed 1>-"])
        #expect(d.entries.map(\.op) == [.unchanged, .removed, .added, .unchanged])
    }

    @Test("one copy of a repeated line removed does not turn the later copies into moves")
    func repeatedLines() {
        let old = ["Step one.", "Read more", "Step two.", "Read more", "Step three.", "Read more", "Step four."]
        let new = ["Step one.", "Step two.", "Read more", "Step three.", "Read more", "Step four."]
        #expect(ops(diff.diff(old: old, new: new)) == ["removed 1>-"])
    }

    @Test("short lines in the same slot are one line edited")
    func slot() {
        let old = ["The list follows.", "7.", "The end of the list."]
        let new = ["The list follows.", "8.", "The end of the list."]
        #expect(ops(diff.diff(old: old, new: new)) == ["changed 1>1"])
    }

    @Test("word diff trims common ends and keeps the order of the new sentence")
    func wordDiff() {
        let w = WordDiff.diff("Police said the man, 34, was arrested.", "Police said the man, 35, was later arrested.")
        #expect(w.map(\.kind) == [.kept, .kept, .kept, .kept, .removed, .inserted, .kept, .inserted, .kept])
        #expect(WordDiff.diff("", "New words here").allSatisfy { $0.kind == .inserted })
    }

    @Test("a 1,000-sentence article diffs fast (index, not pairwise comparison)")
    func longArticle() {
        var old: [String] = []
        for i in 0..<1000 {
            old.append("Sentence \(i) reports that district \(i % 37) saw figure \(i * 7) rise by item\(i) and item\(i + 1000) on day \(i % 28).")
        }
        var new = old
        for i in stride(from: 10, to: 1000, by: 50) { new[i] = new[i].replacingOccurrences(of: "rise", with: "fall") }
        for i in stride(from: 990, to: 0, by: -100) { new.remove(at: i) }
        new.insert("A new sentence about the weather was added to the page.", at: 500)
        let moved = new.remove(at: 20)
        new.insert(moved, at: 700)
        let start = Date()
        let d = diff.diff(old: old, new: new)
        let elapsed = Date().timeIntervalSince(start)
        #expect(d.entries(.changed).count == 20)
        #expect(d.entries(.removed).count == 10)
        #expect(d.entries(.added).count == 1)
        #expect(d.entries(.moved).count == 1)
        // Debug builds are ~10x slower than release; a pairwise O(n²) diff takes seconds here even in release.
        #expect(elapsed < 2.0)
    }
}
