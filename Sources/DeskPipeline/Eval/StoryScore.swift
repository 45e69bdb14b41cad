import Foundation

/// Clustering scores of `../shared/tools/score_stories.py`, re-implemented for the test suite's floors:
/// pairwise and B-cubed precision/recall/F1 over the gold documents (a gold document without a
/// prediction is its own singleton).
public struct StoryScore: Sendable, CustomStringConvertible {
    public var pairwiseF1: Double
    public var pairwisePrecision: Double
    public var pairwiseRecall: Double
    public var bcubedF1: Double
    public var goldStories: Int
    public var predictedStories: Int

    public var description: String {
        String(format: "stories: pairF1=%.3f (P=%.3f R=%.3f) bcubedF1=%.3f gold=%d pred=%d",
               pairwiseF1, pairwisePrecision, pairwiseRecall, bcubedF1, goldStories, predictedStories)
    }

    public static func score(gold: [String: String], predicted: [String: String]) -> StoryScore {
        var pred: [String: String] = [:]
        for doc in gold.keys { pred[doc] = predicted[doc] ?? "singleton:\(doc)" }
        func pairs(_ n: Int) -> Double { Double(n) * Double(n - 1) / 2 }
        var joint: [String: Int] = [:], goldSize: [String: Int] = [:], predSize: [String: Int] = [:]
        for (doc, g) in gold {
            let p = pred[doc]!
            joint[g + "\u{1}" + p, default: 0] += 1
            goldSize[g, default: 0] += 1
            predSize[p, default: 0] += 1
        }
        let tp = joint.values.reduce(0) { $0 + pairs($1) }
        let predPairs = predSize.values.reduce(0) { $0 + pairs($1) }
        let goldPairs = goldSize.values.reduce(0) { $0 + pairs($1) }
        let p = predPairs > 0 ? tp / predPairs : 1, r = goldPairs > 0 ? tp / goldPairs : 1
        var bp = 0.0, br = 0.0
        for (doc, g) in gold {
            let pc = pred[doc]!
            let both = Double(joint[g + "\u{1}" + pc]!)
            bp += both / Double(predSize[pc]!)
            br += both / Double(goldSize[g]!)
        }
        let n = Double(max(gold.count, 1))
        bp /= n; br /= n
        return StoryScore(pairwiseF1: p + r > 0 ? 2 * p * r / (p + r) : 0, pairwisePrecision: p, pairwiseRecall: r,
                          bcubedF1: bp + br > 0 ? 2 * bp * br / (bp + br) : 0, goldStories: goldSize.count,
                          predictedStories: predSize.count)
    }
}
