import Foundation
import DeskModel

/// The word-level change inside one reworded sentence: a longest-common-subsequence diff over
/// white-space separated words, compared without case and surrounding punctuation ("killed," = "Killed").
public enum WordDiff {
    /// Above this many cells (middle words of old × new after the common prefix and suffix are cut) the
    /// middle is reported as replaced whole. Sentences run to about 60 words, so real ones stay far below;
    /// it bounds the cost of a pathological "sentence" (a table flattened into one line).
    static let maximumCells = 250_000

    public static func diff(_ old: String, _ new: String) -> [RevisionDiff.WordChange] {
        let a = old.split(whereSeparator: \.isWhitespace).map(String.init)
        let b = new.split(whereSeparator: \.isWhitespace).map(String.init)
        let ka = a.map(comparable), kb = b.map(comparable)
        var prefix = 0
        while prefix < a.count, prefix < b.count, ka[prefix] == kb[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix,
              ka[a.count - 1 - suffix] == kb[b.count - 1 - suffix] { suffix += 1 }
        var out: [RevisionDiff.WordChange] = b[0..<prefix].map { .init(.kept, $0) }
        out += middle(Array(a[prefix..<(a.count - suffix)]), Array(ka[prefix..<(a.count - suffix)]),
                      Array(b[prefix..<(b.count - suffix)]), Array(kb[prefix..<(b.count - suffix)]))
        out += b[(b.count - suffix)...].map { .init(.kept, $0) }
        return out
    }

    /// Lower-cased, without leading and trailing punctuation (a bare punctuation word stays as it is).
    static func comparable(_ word: String) -> String {
        let trimmed = word.lowercased().trimmingCharacters(in: .punctuationCharacters.union(.symbols))
        return trimmed.isEmpty ? word : trimmed
    }

    static func middle(_ a: [String], _ ka: [String], _ b: [String], _ kb: [String]) -> [RevisionDiff.WordChange] {
        let n = a.count, m = b.count
        if n == 0 { return b.map { .init(.inserted, $0) } }
        if m == 0 { return a.map { .init(.removed, $0) } }
        guard n * m <= maximumCells else { return a.map { .init(.removed, $0) } + b.map { .init(.inserted, $0) } }
        // lcs[i][j] = LCS length of a[i...] and b[j...], flattened.
        var lcs = [Int](repeating: 0, count: (n + 1) * (m + 1))
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lcs[i * (m + 1) + j] = ka[i] == kb[j] ? lcs[(i + 1) * (m + 1) + j + 1] + 1
                    : max(lcs[(i + 1) * (m + 1) + j], lcs[i * (m + 1) + j + 1])
            }
        }
        var out: [RevisionDiff.WordChange] = []
        var i = 0, j = 0
        while i < n, j < m {
            if ka[i] == kb[j] {
                out.append(.init(.kept, b[j])); i += 1; j += 1
            } else if lcs[(i + 1) * (m + 1) + j] >= lcs[i * (m + 1) + j + 1] {
                out.append(.init(.removed, a[i])); i += 1
            } else {
                out.append(.init(.inserted, b[j])); j += 1
            }
        }
        out += a[i...].map { .init(.removed, $0) }
        out += b[j...].map { .init(.inserted, $0) }
        return out
    }
}
