import Foundation

/// The article-body metric of `../shared/tools/score_extraction.py`, re-implemented so the test suite can
/// pin floors without Python: word 4-gram shingle precision/recall per page, macro-averaged, F1 of the averages.
public struct ExtractionScore: Sendable, CustomStringConvertible {
    public var precision: Double
    public var recall: Double
    public var f1: Double
    public var pages: Int

    public var description: String {
        String(format: "precision=%.4f recall=%.4f f1=%.4f pages=%d", precision, recall, f1, pages)
    }

    /// Tokens as Python's `\w+` finds them: runs of letters, digits, marks and underscores.
    static func tokens(_ text: String) -> [Substring] {
        var out: [Substring] = []
        var start: String.Index?
        var i = text.startIndex
        for scalar in text.unicodeScalars {
            let next = text.unicodeScalars.index(after: i)
            let p = scalar.properties
            let isWord = p.isAlphabetic || p.numericType != nil || scalar == "_"
                || p.generalCategory == .nonspacingMark || p.generalCategory == .spacingMark || p.generalCategory == .enclosingMark
                || p.generalCategory == .decimalNumber || p.generalCategory == .connectorPunctuation
            if isWord {
                if start == nil { start = i }
            } else if let s = start {
                out.append(text[s..<i])
                start = nil
            }
            i = next
        }
        if let s = start { out.append(text[s...]) }
        return out
    }

    static func shingles(_ text: String) -> [String: Int] {
        let t = tokens(text)
        var counts: [String: Int] = [:]
        if t.isEmpty { return counts }
        if t.count < 4 { counts[t.joined(separator: " "), default: 0] += 1; return counts }
        for i in 0...(t.count - 4) {
            counts[t[i..<(i + 4)].joined(separator: " "), default: 0] += 1
        }
        return counts
    }

    /// Scores predictions against gold bodies; ids missing from `predictions` count as empty predictions.
    public static func score(gold: [String: String], predictions: [String: String]) -> ExtractionScore {
        var precisions: [Double] = []
        var recalls: [Double] = []
        for (id, truth) in gold {
            let t = shingles(truth)
            let p = shingles(predictions[id] ?? "")
            var tp = 0, fp = 0, fn = 0
            for (s, c) in p { let g = t[s] ?? 0; tp += min(c, g); fp += max(0, c - g) }
            for (s, c) in t { fn += max(0, c - (p[s] ?? 0)) }
            if tp + fp > 0 { precisions.append(fp == 0 && fn == 0 ? 1 : Double(tp) / Double(tp + fp)) }
            if tp + fn > 0 { recalls.append(Double(tp) / Double(tp + fn)) }
        }
        let pr = precisions.isEmpty ? 0 : precisions.reduce(0, +) / Double(precisions.count)
        let rc = recalls.isEmpty ? 0 : recalls.reduce(0, +) / Double(recalls.count)
        let f = pr + rc > 0 ? 2 * pr * rc / (pr + rc) : 0
        return ExtractionScore(precision: pr, recall: rc, f1: f, pages: gold.count)
    }
}
