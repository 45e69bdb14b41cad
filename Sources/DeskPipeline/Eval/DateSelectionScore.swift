import Foundation

/// Date selection of predicted timelines against gold ones, as ../shared/tools/score_timelines.py defines
/// it: per task (one gold timeline) precision and recall of the date sets, averaged over tasks, F1 of the
/// averages. Lets tests pin the figure without Python.
public struct DateSelectionScore: Sendable, CustomStringConvertible {
    public var precision: Double
    public var recall: Double
    public var tasks: Int
    public var f1: Double { precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0 }

    /// `tasks`: (gold dates, predicted dates) per gold timeline.
    public static func score(_ tasks: [(gold: Set<String>, predicted: Set<String>)]) -> DateSelectionScore {
        guard !tasks.isEmpty else { return DateSelectionScore(precision: 0, recall: 0, tasks: 0) }
        var p = 0.0, r = 0.0
        for t in tasks {
            let hit = Double(t.gold.intersection(t.predicted).count)
            p += t.predicted.isEmpty ? 0 : hit / Double(t.predicted.count)
            r += t.gold.isEmpty ? 0 : hit / Double(t.gold.count)
        }
        return DateSelectionScore(precision: p / Double(tasks.count), recall: r / Double(tasks.count), tasks: tasks.count)
    }

    public var description: String {
        String(format: "dateP=%.3f dateR=%.3f dateF1=%.3f tasks=%d", precision, recall, f1, tasks)
    }
}
