import DeskPipeline
import Foundation
import Testing

/// Pinned floors for every evaluation figure, in the style of trafilatura's quality gates: raised when the
/// desk improves, never lowered silently. Each is the figure `updesk eval TASK` prints, rounded down.
enum Floors {
    /// `updesk eval scrapes --data ../shared/eval/scrapes`: body F1 of plain-text scrapes (issue 2 target 0.90;
    /// 0.9508 measured).
    static let scrapesF1 = 0.95
    /// `updesk eval extraction --data ../shared/eval/extraction`: body F1 of HTML pages (0.9756 measured).
    static let extractionF1 = 0.975
    /// `updesk eval stories --data ../shared/eval/stories`: pairwise and B-cubed F1 of story assignments
    /// (0.745 and 0.734 measured; issue 5's target is 0.85 and is not met on headlines).
    static let storiesPairF1 = 0.74
    static let storiesBCubedF1 = 0.73
    /// The same on dated articles (`eval/timelines`, gold story = topic), on the earliest 60 articles of three
    /// folders so the test stays short (debug build; 0.941 and 0.942 measured). The whole set: pair-F1 0.988, B-cubed 0.977
    /// (`updesk eval stories --data ../shared/eval/timelines`).
    static let datedSubsetFolders = ["MJ_bbc", "bpoil_bbc", "haiti_bbc"]
    static let datedSubsetPerFolder = 60
    static let datedPairF1 = 0.94
    static let datedBCubedF1 = 0.94
}

@Suite("Quality floors", .serialized)
struct QualityFloorTests {
    @Test("plain-text scrapes: body F1 stays at or above its floor")
    func scrapes() throws {
        let eval = ExtractionEval(layout: .scrapes, data: Paths.shared.appendingPathComponent("eval/scrapes"))
        let score = ExtractionScore.score(gold: try eval.gold(), predictions: try eval.predict())
        #expect(score.pages == 91)
        #expect(score.f1 >= Floors.scrapesF1, "scrapes \(score)")
    }

    @Test("HTML pages: body F1 stays at or above its floor")
    func extraction() throws {
        let eval = ExtractionEval(layout: .extraction, data: Paths.shared.appendingPathComponent("eval/extraction"))
        let score = ExtractionScore.score(gold: try eval.gold(), predictions: try eval.predict())
        #expect(score.pages == 91)
        #expect(score.f1 >= Floors.extractionF1, "extraction \(score)")
    }

    @Test("headline stories: pairwise F1 stays at or above its floor")
    func stories() throws {
        let db = Paths.scratch("stories").appendingPathComponent("desk.sqlite").path
        let result = try StoryEval(data: Paths.shared.appendingPathComponent("eval/stories")).run(databasePath: db)
        #expect(result.score.pairwiseF1 >= Floors.storiesPairF1, "\(result.score)")
        #expect(result.score.bcubedF1 >= Floors.storiesBCubedF1, "\(result.score)")
    }

    @Test("dated-article stories: pairwise and B-cubed F1 stay at or above their floors")
    func datedStories() throws {
        let db = Paths.scratch("dated-stories").appendingPathComponent("desk.sqlite").path
        let eval = StoryEval(data: Paths.shared.appendingPathComponent("eval/timelines"), folders: Floors.datedSubsetFolders,
                             perFolder: Floors.datedSubsetPerFolder)
        let result = try eval.run(databasePath: db)
        print("dated subset \(result.score)")
        #expect(result.score.pairwiseF1 >= Floors.datedPairF1, "\(result.score)")
        #expect(result.score.bcubedF1 >= Floors.datedBCubedF1, "\(result.score)")
    }

    @Test("the Swift scorer agrees with the definition on a hand-computed case")
    func scorerDefinition() {
        // Truth: 5 tokens → 2 shingles; prediction shares one of them and adds one.
        let s = ExtractionScore.score(gold: ["a": "one two three four five"], predictions: ["a": "one two three four six"])
        #expect(abs(s.precision - 0.5) < 1e-9 && abs(s.recall - 0.5) < 1e-9)
        let t = StoryScore.score(gold: ["1": "A", "2": "A", "3": "B"], predicted: ["1": "x", "2": "y", "3": "y"])
        #expect(t.pairwisePrecision == 0 && t.pairwiseRecall == 0)
        #expect(abs(t.bcubedF1 - 2 * (2.0 / 3) * (2.0 / 3) / (4.0 / 3)) < 1e-9)
    }
}
