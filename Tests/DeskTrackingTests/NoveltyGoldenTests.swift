import DeskLanguage
import DeskModel
import DeskTracking
import Foundation
import Testing

/// Golden behaviour of the novelty stage on a small stream written for these tests (three short reports of
/// one story from different outlets over two days, in the style of wire copy).
@Suite("Novelty on a small real stream")
struct NoveltyGoldenTests {
    static let analyzer = LanguageAnalyzer()

    static func article(_ id: String, _ day: String, _ paragraphs: [String]) -> AnalyzedArticle {
        analyzer.analyze(Article(id: id, kind: .text, source: id, published: TimeValue.start(of: day).map { Sourced($0, from: "test") },
                                 paragraphs: paragraphs))
    }

    static let monday = article("wire-1", "2026-03-02", [
        "At least 7 workers were killed when an explosion tore through a fertiliser plant near Riverton on Monday.",
        "Fire crews from three counties fought the blaze for most of the afternoon.",
        "The plant, which opened in 1998, employs about 400 people and is the largest employer in the county.",
    ])
    static let tuesday = article("daily-2", "2026-03-03", [
        "At least 11 workers were killed when an explosion tore through a fertiliser plant near Riverton.",
        "The plant, which opened in 1998, employs about 400 people and is the largest employer in the county.",
        "State inspectors said on Tuesday they had opened an investigation into the plant's safety record.",
    ])

    @Test("a changed number is an update; restated background is not")
    func changedNumberAndBackground() {
        var memory = StoryMemory()
        let judge = NoveltyJudge()
        let first = judge.judge(Self.monday, memory: &memory, article: 0, seen: Date())
        #expect(first.map(\.novelty) == [.new, .new, .background])  // "opened in 1998": background
        let second = judge.judge(Self.tuesday, memory: &memory, article: 1, seen: Date())
        // "At least 11 ... killed" repeats Monday's lead with a new toll: a changed fact, an update.
        #expect(second[0].novelty == .new)
        #expect(second[0].changedNumber)
        #expect(second[0].match == 0)
        // The plant's history is said again word for word: restated, with Monday's sentence as evidence.
        #expect(second[1].novelty == .restated)
        #expect(second[1].match == 2)
        #expect(memory.entries[2].support == 2)
        // The inspection is new.
        #expect(second[2].novelty == .new)
        #expect(second[2].match == nil)
    }

    @Test("the same fact in other words from another outlet is a restatement")
    func paraphrase() {
        var memory = StoryMemory()
        let judge = NoveltyJudge()
        _ = judge.judge(Self.monday, memory: &memory, article: 0, seen: Date())
        let other = Self.article("radio-3", "2026-03-02", [
            "Fire crews from three counties fought the blaze for most of Monday afternoon.",
        ])
        #expect(judge.judge(other, memory: &memory, article: 1, seen: Date())[0].novelty == .restated)
    }

    @Test("Tuesday's update carries the new toll and the inspection, not the background")
    func dailyUpdate() {
        var tracker = UpdateTracker()
        tracker.add(Self.monday)
        _ = tracker.closePeriod()
        tracker.add(Self.tuesday)
        let update = tracker.closePeriod().map(\.text)
        #expect(update.contains(Self.tuesday.sentences[0].text))
        #expect(update.contains(Self.tuesday.sentences[2].text))
        #expect(!update.contains(Self.tuesday.sentences[1].text))
    }

    @Test("a sentence dated weeks before publication is background")
    func datedBackground() {
        var memory = StoryMemory()
        let late = Self.article("weekly-4", "2026-04-20", [
            "On March 2 an explosion at the Riverton fertiliser plant killed 11 workers.",
        ])
        #expect(NoveltyJudge().judge(late, memory: &memory, article: 0, seen: Date())[0].novelty == .background)
    }

    @Test("numbers are read as written in copy")
    func numbers() {
        #expect(NumberFacts.numbers("Some 5,000 barrels, up 2.5%, and eleven missing.") == ["5000", "2.5", "11"])
    }

    @Test("DATEWISE picks the dates the coverage names most, each stated by a sentence naming it")
    func timeline() {
        let items = TimelineBuilder.summaryItems([Self.monday, Self.tuesday])
        let days = TimelineSummarizer().summarize(items, dates: 1)
        #expect(days.count == 1)
        #expect(TimelineBuilder.dayString(days[0].day) == "2026-03-02")
        #expect((1...2).contains(days[0].sentences.count))
        #expect(days[0].sentences.contains(Self.monday.sentences[0].text))
    }
}
