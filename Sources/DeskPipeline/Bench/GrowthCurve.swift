import Foundation

/// `updesk bench growth`: the placement figures at each desk size read as a curve, the cost of placing one
/// article (mean CPU milliseconds) against the smallest size measured.
public struct GrowthCurve: Sendable {
    public var steps: [PlacementBench.Step]
    public init(steps: [PlacementBench.Step]) { self.steps = steps }

    public var lines: [String] {
        guard let first = steps.first else { return [] }
        let base = 1000 / max(first.articlesPerSecond, 1e-9)
        var out = ["growth curve (mean ms to place one article; x = against held=\(first.held)):"]
        for step in steps {
            let ms = 1000 / max(step.articlesPerSecond, 1e-9)
            out.append(String(format: "  held=%-8d stories=%-7d ms_per_article=%.2f x%.2f p99_ms=%.2f", step.held, step.stories, ms, ms / base, step.p99ms))
        }
        if let last = steps.last, steps.count > 1 {
            let ms = 1000 / max(last.articlesPerSecond, 1e-9)
            out.append(String(format: "growth held=%d..%d ms_per_article %.2f -> %.2f (x%.2f)", first.held, last.held, base, ms, ms / base))
        }
        return out
    }
}
