import DeskModel
@testable import DeskTracking
import Testing

@Suite("Revision classifier")
struct RevisionClassifierTests {
    let classifier = RevisionClassifier()
    static let body = [
        "Rescue teams searched collapsed buildings through the night after the earthquake struck the region.",
        "Officials said 7 people were killed and dozens were injured.",
        "The quake had a magnitude of 6.1, the geological survey said.",
        "Schools will stay closed until engineers have inspected them.",
    ]

    func verdict(_ old: [String], _ new: [String], oldTitle: String? = "Quake kills seven", newTitle: String? = "Quake kills seven")
        -> RevisionVerdict {
        classifier.classify(old: .init(title: oldTitle, sentences: old), new: .init(title: newTitle, sentences: new))
    }

    @Test("identical text is identical")
    func identical() {
        #expect(verdict(Self.body, Self.body).kind == .identical)
    }

    @Test("time stamps, counters and a dateline's date are not revisions", arguments: [
        ("Updated 5 minutes ago", "Updated 12 minutes ago"),
        ("Last updated: 10:42 GMT", "Last updated: 11:05 GMT"),
        ("23 comments", "31 comments"),
        ("1.2k shares", "1.5k shares"),
        ("4,100 views", "5,023 views"),
        ("Comments (12)", "Comments (40)"),
        ("Published 24 November 2026, 10:42 GMT | Updated 24 November 2026, 11:30 GMT",
         "Published 24 November 2026, 10:42 GMT | Updated 25 November 2026, 08:10 GMT"),
        ("Updated Tuesday, Nov. 24, 2026 at 10:42 a.m. ET", "Updated Wednesday, Nov. 25, 2026 at 9:03 a.m. ET"),
    ])
    func cosmetic(old: String, new: String) {
        let v = verdict([old] + Self.body, [new] + Self.body)
        #expect(v.kind == .cosmetic)
        #expect(!v.diff.hasChanges)
    }

    @Test("a counter line that appears, a dateline's new date, quotes and a REFILE marker are cosmetic")
    func moreCosmetic() {
        #expect(verdict(Self.body, Self.body + ["57 comments"]).kind == .cosmetic)
        let dated = ["ANKARA, Nov 24 (Reuters) - " + Self.body[0]] + Self.body.dropFirst()
        let redated = ["ANKARA, Nov 25 (Reuters) - " + Self.body[0]] + Self.body.dropFirst()
        #expect(verdict(dated, redated).kind == .cosmetic)
        #expect(verdict(Self.body, Self.body, newTitle: "REFILE-Quake kills seven").kind == .cosmetic)
        var curly = Self.body
        curly[1] = curly[1].replacingOccurrences(of: "Officials said", with: "Officials said:")
        #expect(verdict(Self.body, curly).kind == .cosmetic)
    }

    @Test("news in prose is a revision even when it looks like a counter or an age")
    func proseNumbers() {
        let old = ["The company sold 100 shares to the fund, filings show.", "He left the party 18 years ago, aides said."]
        let sold = ["The company sold 250 shares to the fund, filings show.", old[1]]
        let left = [old[0], "He left the party 20 years ago, aides said."]
        #expect(verdict(old, sold).isRevision)
        #expect(verdict(old, left).isRevision)
    }

    @Test("an updated toll is a revision, not a correction; the diff says what changed")
    func revision() {
        var new = Self.body
        new[1] = "Officials said 11 people were killed and dozens were injured."
        let v = verdict(Self.body, new, newTitle: "UPDATE 1-Quake kills seven")
        #expect(v.isRevision && !v.isCorrection)
        #expect(!v.headlineChanged)
        #expect(v.newHeadline?.updateNumber == 1)
        #expect(v.diff.entries(.changed).map(\.newIndex) == [1])
    }

    @Test("a correction note or a CORRECTED- marker flags a correction", arguments: [
        "An earlier version of this article misstated the number of people injured.",
        "This story has been corrected to show the magnitude of the quake.",
        "CORRECTION: A previous version of this report gave the wrong date.",
        "(Corrects spelling of the mayor's name in paragraph 3)",
        "A previous version of this article incorrectly stated the time of the quake.",
    ])
    func correctionNotes(note: String) {
        var new = Self.body
        new[2] = "The quake had a magnitude of 6.4, the geological survey said."
        let v = verdict(Self.body, new + [note])
        #expect(v.isRevision && v.isCorrection)
        #expect(v.correctionNote == note)
    }

    @Test("a note the old version already had is not a new correction; CORRECTED- in the headline is")
    func heldNote() {
        let note = "An earlier version of this article misstated the number of people injured."
        var new = Self.body + [note]
        new[3] = "Schools will stay closed until engineers have inspected every building."
        let v = verdict(Self.body + [note], new)
        #expect(v.isRevision && !v.isCorrection)
        let marked = verdict(Self.body, Self.body, newTitle: "CORRECTED-Quake kills seven")
        #expect(marked.isRevision && marked.isCorrection && marked.correctionNote == nil)
    }

    @Test("prose about errors is not a correction note")
    func notNotes() {
        #expect(!CorrectionSignals.isCorrectionNote("The minister said an earlier plan was flawed."))
        #expect(!CorrectionSignals.isCorrectionNote("Police corrected the driver's papers at the border."))
        #expect(!CorrectionSignals.isCorrectionNote("She misspelled her name on the form, the court heard."))
    }

    @Test("a new headline is a revision")
    func headline() {
        let v = verdict(Self.body, Self.body, newTitle: "Quake toll rises to eleven")
        #expect(v.isRevision && v.headlineChanged)
    }
}
