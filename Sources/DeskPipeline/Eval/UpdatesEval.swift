import DeskLanguage
import DeskModel
import DeskTracking
import Foundation

/// `updesk eval updates`: replays each event's articles day by day through the desk's analyze stage and
/// its `UpdateTracker`, and writes for every asked day the update the desk would show at the end of it
/// (articles published that day only: what the desk knew then).
public struct UpdatesEval: Sendable {
    public var data: URL
    /// Words per update, the task's limit.
    public static let wordLimit = 100

    /// Only these event folders (all when nil).
    public var events: Set<String>?

    public init(data: URL, events: Set<String>? = nil) {
        self.data = data
        self.events = events
    }

    public struct Result: Sendable {
        public var predictions: [String: [String: String]]
        public var articles: Int
        public var analyzeSeconds: Double
        public var noveltySeconds: Double
    }

    public func run() throws -> Result {
        let listed = try UpdateEventFolder.list(data)
        let root = T17Root(data.deletingLastPathComponent().appendingPathComponent("timelines"))
        var result = Result(predictions: [:], articles: 0, analyzeSeconds: 0, noveltySeconds: 0)
        for event in listed {
            guard let topic = event.topic, events?.contains(event.name) ?? true else { continue }
            let articles = try root.articles(topic: topic)
            let clock = Date()
            let analyzed = T17Analysis.analyze(articles)
            result.analyzeSeconds += Date().timeIntervalSince(clock)
            let cpu = StageClock.threadSeconds()
            let asked = Set(event.days)
            var tracker = UpdateTracker(ranker: UpdateRanker(wordBudget: Self.wordLimit))
            var out: [String: String] = [:]
            var i = 0
            while i < analyzed.count {
                let day = articles[i].day
                while i < analyzed.count && articles[i].day == day {
                    tracker.add(analyzed[i])
                    i += 1
                }
                let update = tracker.closePeriod()
                if asked.contains(day), !update.isEmpty { out[day] = update.map(\.text).joined(separator: " ") }
            }
            result.noveltySeconds += StageClock.threadSeconds() - cpu
            result.articles += articles.count
            result.predictions[event.name] = out
        }
        return result
    }

    public static func json(_ predictions: [String: [String: String]]) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(predictions)) ?? Data()
    }
}

extension UpdatesEval.Result {
    /// Throughput of the novelty and update stage alone (judging, memory, ranking; analysis excluded).
    public var speedLine: String {
        String(format: "novelty+updates stage: %d articles in %.2f s CPU on one core (%.0f articles/s); analyze stage %.1f s",
               articles, noveltySeconds, Double(articles) / max(noveltySeconds, 1e-9), analyzeSeconds)
    }
}
