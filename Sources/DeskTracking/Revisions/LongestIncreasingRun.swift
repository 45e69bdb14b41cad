/// Longest strictly increasing subsequence (patience sorting, O(n log n)): which of a sequence's values
/// already stand in order. The sentence diff keeps matched sentences in it as in place and calls the rest moved.
enum LongestIncreasingRun {
    /// Positions (into `values`) of one longest strictly increasing subsequence, ascending. Ties go to the
    /// earliest-ending candidates, so the result is deterministic.
    static func positions(_ values: [Int]) -> [Int] {
        guard !values.isEmpty else { return [] }
        var tails: [Int] = []          // tails[k] = position of the smallest tail of an increasing run of length k+1
        var previous = [Int](repeating: -1, count: values.count)
        for (i, v) in values.enumerated() {
            var lo = 0, hi = tails.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if values[tails[mid]] < v { lo = mid + 1 } else { hi = mid }
            }
            previous[i] = lo > 0 ? tails[lo - 1] : -1
            if lo == tails.count { tails.append(i) } else { tails[lo] = i }
        }
        var out: [Int] = []
        var p = tails[tails.count - 1]
        while p >= 0 { out.append(p); p = previous[p] }
        return out.reversed()
    }
}
