import DeskLanguage
import DeskModel
import DeskTracking
import Foundation

/// `updesk eval timelines`: one timeline per topic_source folder, from that folder's articles through the
/// desk's analyze stage and its `TimelineSummarizer`, with as many dates as the folder's gold timeline.
public struct TimelinesEval: Sendable {
    public var data: URL
    /// Only these topic_source folders (all when nil).
    public var folders: Set<String>?

    public init(data: URL, folders: Set<String>? = nil) {
        self.data = data
        self.folders = folders
    }

    public struct Result: Sendable {
        public var predictions: [String: [(String, [String])]]
        public var articles: Int
        public var analyzeSeconds: Double
        public var summarizeSeconds: Double
        /// Date selection against the gold timelines (the scorer's definition, computed here).
        public var dates: DateSelectionScore = .score([])
    }

    public func run() throws -> Result {
        let root = T17Root(data)
        var result = Result(predictions: [:], articles: 0, analyzeSeconds: 0, summarizeSeconds: 0)
        var tasks: [(gold: Set<String>, predicted: Set<String>)] = []
        for folder in root.folders() where folders?.contains(folder) ?? true {
            let articles = try T17Article.load(folder: data.appendingPathComponent(folder)).sorted(by: T17Article.streamOrder)
            let clock = Date()
            let analyzed = T17Analysis.analyze(articles)
            result.analyzeSeconds += Date().timeIntervalSince(clock)
            let cpu = StageClock.threadSeconds()
            let gold = try root.goldDates(folder: folder)
            let counts = gold.map(\.count)
            let items = TimelineBuilder.summaryItems(analyzed)
            let summarizer = TimelineSummarizer()
            for (k, count) in counts.enumerated() {
                let days = summarizer.summarize(items, dates: count)
                let key = k == 0 ? folder : "\(folder)#\(k)"
                result.predictions[key] = days.map { (TimelineBuilder.dayString($0.day), $0.sentences) }
                tasks.append((gold[k], Set(days.map { TimelineBuilder.dayString($0.day) })))
            }
            result.summarizeSeconds += StageClock.threadSeconds() - cpu
            result.articles += articles.count
        }
        result.dates = .score(tasks)
        return result
    }

    public static func json(_ predictions: [String: [(String, [String])]]) -> Data {
        let object = predictions.mapValues { $0.map { [$0.0, $0.1] as [Any] } }
        return (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }
}

extension TimelinesEval.Result {
    public var speedLine: String {
        String(format: "timeline stage: %d articles in %.2f s CPU on one core (%.0f articles/s); analyze stage %.1f s",
               articles, summarizeSeconds, Double(articles) / max(summarizeSeconds, 1e-9), analyzeSeconds)
    }
}
