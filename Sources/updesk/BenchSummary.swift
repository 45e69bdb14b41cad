import DeskPipeline
import DeskWeb
import Foundation

/// `updesk bench` without a task: every speed figure the issues set a goal for, measured in one run over the
/// evaluation folders and printed as one table with the goal and whether it is met. `--quick` is a short
/// version (fewer rounds, a smaller desk) for a first look; the full run grows the desk to a million articles.
struct BenchSummary {
    /// How much of each benchmark runs.
    struct Plan {
        /// Timed rounds of each extraction phase (nil: as many as fill `ExtractionBench.minSeconds`).
        var extractionRounds: Int?
        /// End-to-end ingest rounds (each into a fresh desk); the best counts.
        var ingestRounds: Int
        /// Headlines of the story stream ingested end to end (0: all 6,366).
        var headlineLimit: Int
        /// Desk sizes (articles held) at which placement is timed; the web load runs on the largest.
        var held: [Int]
        /// Articles placed and timed at each size.
        var measure: Int
        /// Headlines read for the growth run (0: all): they are analysed and placed to make the template desk.
        var growthStream: Int
        /// Full articles of the dated stream placed on an empty desk for the placement figure (0: skip; their
        /// analysis alone takes most of a minute on two cores).
        var datedMeasure: Int
        var webSeconds: Double
        var webRate: Double

        /// Under a minute in a release build on two cores.
        static let quick = Plan(extractionRounds: 2, ingestRounds: 1, headlineLimit: 1000, held: [0, 10_000], measure: 100,
                                growthStream: 2000, datedMeasure: 0, webSeconds: 5, webRate: 20)
        /// The figures the README quotes: growth to 1M and the story page's latency on that desk.
        static let full = Plan(extractionRounds: nil, ingestRounds: 3, headlineLimit: 0, held: [0, 10_000, 100_000, 1_000_000],
                               measure: 200, growthStream: 0, datedMeasure: 400, webSeconds: 20, webRate: 40)
    }

    struct Row {
        var figure: String
        var value: String
        var goal: String
        var met: String
    }

    /// The folder holding `extraction/`, `stories/` and `timelines/` (laid out like `../shared/eval`).
    var root: URL
    var plan: Plan
    /// The desk grown for placement and then served for the web load (kept if the caller named it).
    var databasePath: String
    /// JSON Lines ingest records POSTed to the server during the web load, if any.
    var ingestStream: String?

    /// The table's rows and the end-to-end ingest rate of raw HTML pages (the summary line).
    struct Outcome {
        var rows: [Row]
        var articlesPerSecond: Double

        /// The table, then the summary line scripts read.
        var lines: [String] {
            let w0 = rows.map(\.figure.count).max() ?? 0
            let w1 = max(5, rows.map(\.value.count).max() ?? 0)
            let w2 = rows.map(\.goal.count).max() ?? 0
            func pad(_ s: String, _ w: Int) -> String { s + String(repeating: " ", count: max(0, w - s.count)) }
            var out = [pad("figure", w0) + "  " + pad("value", w1) + "  " + pad("goal", w2) + "  met"]
            for row in rows {
                out.append(pad(row.figure, w0) + "  " + pad(row.value, w1) + "  " + pad(row.goal, w2) + "  " + row.met)
            }
            out.append(String(format: "articles_per_s=%.0f (end-to-end ingest of raw HTML pages, all cores)", articlesPerSecond))
            return out
        }
    }

    func run(report: (String) -> Void) throws -> Outcome {
        var rows: [Row] = []
        let extractionData = root.appendingPathComponent("extraction")
        let storiesData = root.appendingPathComponent("stories")

        report("== extraction (HTML pages, one core)")
        let extraction = try ExtractionBench(data: extractionData, fixedRounds: plan.extractionRounds).run()
        extraction.lines.forEach(report)
        rows.append(Row(figure: "HTML extraction, pages/s on one core", value: String(format: "%.0f", extraction.pagesPerSecond),
                        goal: "about 700 (issue 3: >= 1.0x resiliparse, same run)", met: mark(extraction.pagesPerSecond >= 700)))

        report("== ingest, raw HTML pages end to end (all cores)")
        let html = try IngestBench(data: extractionData, rounds: plan.ingestRounds).run(databasePath: databasePath, report: report)
        rows.append(Row(figure: "ingest raw HTML to stories, articles/s (all cores)", value: String(format: "%.0f", html.articlesPerSecond),
                        goal: ">= 300 (issue 10)", met: mark(html.articlesPerSecond >= 300)))
        rows.append(Row(figure: "  of which analyze / place / store, ms per article", value: String(format: "%.1f / %.1f / %.1f",
                        html.stages.analyze, html.stages.place, html.stages.store), goal: "", met: ""))

        report("== ingest, headline stream end to end (all cores)")
        let headlines = try IngestBench(data: storiesData, rounds: plan.ingestRounds, limit: plan.headlineLimit)
            .run(databasePath: databasePath, report: report)
        rows.append(Row(figure: "ingest headlines to stories, articles/s (all cores)", value: String(format: "%.0f", headlines.articlesPerSecond),
                        goal: "", met: ""))

        if plan.datedMeasure > 0 {
            report("== placement, full dated articles on an empty desk (one core)")
            let dated = try PlacementBench(data: root.appendingPathComponent("timelines"), sizes: [0], measure: plan.datedMeasure)
                .run(databasePath: databasePath, report: report)
            if let step = dated.first {
                rows.append(Row(figure: "place full articles, articles/s on one core", value: String(format: "%.0f", step.articlesPerSecond),
                                goal: ">= 2000 (issue 5)", met: mark(step.articlesPerSecond >= 2000)))
            }
        }

        report("== placement as the desk grows (headlines; bulk preload of perturbed generations)")
        let steps = try PlacementBench(data: storiesData, sizes: plan.held, measure: plan.measure, bulk: true,
                                       streamLimit: plan.growthStream)
            .run(databasePath: databasePath, report: report)
        GrowthCurve(steps: steps).lines.forEach(report)
        if let first = steps.first, let last = steps.last {
            let ratio = first.articlesPerSecond / max(last.articlesPerSecond, 1e-9)
            rows.append(Row(figure: "place a headline at held=\(first.held), articles/s on one core",
                            value: String(format: "%.0f", first.articlesPerSecond), goal: "", met: ""))
            rows.append(Row(figure: "placement cost held=\(first.held) -> \(last.held)", value: String(format: "x%.2f", ratio),
                            goal: "flat (issues 5, 10)", met: steps.count > 1 ? "see curve" : "-"))
        }

        report("== web desk under load on the grown desk (loopback)")
        let ingestRate = ingestStream == nil ? 0 : 5.0
        let web = try WebBench(desk: databasePath, stream: ingestStream ?? "", rate: plan.webRate, seconds: plan.webSeconds,
                               ingestRate: ingestRate).run()
        web.lines.forEach(report)
        for route in web.routes where route.route.hasPrefix("story_page") {
            rows.append(Row(figure: "\(route.route) p99 ms at \(web.articles) articles", value: String(format: "%.1f", route.p99),
                            goal: "< 50 at 1M (issue 10)", met: mark(route.p99 < 50 && route.failed == 0)))
        }
        return Outcome(rows: rows, articlesPerSecond: html.articlesPerSecond)
    }

    func mark(_ met: Bool) -> String { met ? "yes" : "no" }
}
