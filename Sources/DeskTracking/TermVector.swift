import DeskModel
import Foundation

/// A TF-IDF weighted, unit-length term vector of an article: the headline counts double, the body's lead
/// more than its tail, since that is where news states what the story is about.
public struct TermVector: Sendable {
    /// How many sentences of the body feed the vector. The lead carries the story; later paragraphs drift
    /// into background that would pull unrelated stories together.
    static let leadSentences = 8
    static let headlineWeight = 2.0
    /// Terms kept per article vector: a bound on cost, not a filter. Cutting to the 40 heaviest terms dropped a
    /// long article's topical words (frequent in the stream, so low IDF) and kept its rare ones: on the
    /// dated-article stream two articles about the same spill then shared almost nothing.
    static let maxTerms = 256
    /// IDF is damped (square root): a topic the stream is full of still says what the story is about.
    /// Undamped IDF made "oil" and "spill" near-stopwords in a stream that is mostly about an oil spill.
    static let idfExponent = 0.5

    public var weights: [String: Double]

    public init(weights: [String: Double]) { self.weights = weights }

    /// Raw term frequencies, before IDF.
    public static func frequencies(_ analyzed: AnalyzedArticle) -> [String: Double] {
        var tf: [String: Double] = [:]
        for t in analyzed.titleTerms { tf[t, default: 0] += headlineWeight }
        for s in analyzed.sentences.prefix(leadSentences) {
            for t in s.terms { tf[t, default: 0] += 1 }
        }
        return tf
    }

    public static func build(_ tf: [String: Double], counts: [String: Int], total: Int) -> TermVector {
        var w: [String: Double] = [:]
        for (term, f) in tf {
            let df = Double(counts[term] ?? 0)
            let idf = pow(log((Double(total) + 1) / (df + 1)) + 1, idfExponent)
            w[term] = (1 + log(f)) * idf
        }
        let top = w.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.prefix(maxTerms)
        let norm = sqrt(top.reduce(0) { $0 + $1.value * $1.value })
        guard norm > 0 else { return TermVector(weights: [:]) }
        return TermVector(weights: Dictionary(uniqueKeysWithValues: top.map { ($0.key, $0.value / norm) }))
    }
}
