import DeskModel

/// Trains a `PerceptronModel` with the averaged structured perceptron (Collins 2002): Viterbi-decode each
/// sentence, move weights toward the gold labels' features and away from the predicted ones, and ship the
/// average of the weights over all steps. Deterministic: a fixed-seed shuffle per epoch.
struct PerceptronTrainer {
    struct Example {
        var features: [[UInt64]]
        var gold: [Int]
        /// Tokens that may be inside an entity (see `NERConstraints.allowed`).
        var open: [Bool]? = nil
    }

    /// Features seen fewer times than this in the training data are dropped (keeps the model small and
    /// stops one-off words from being memorised); 2 is the usual choice for perceptron taggers.
    static let minimumFeatureCount = 2
    /// Weights whose averaged absolute value stays below this are left out of the shipped file.
    static let pruneBelow: Float = 0.02

    static func train(_ examples: [Example], epochs: Int, seed: UInt64 = 0x5eed, progress: (Int, Int) -> Void = { _, _ in }) -> PerceptronModel {
        let L = NERLabel.count
        var counts: [UInt64: Int] = [:]
        for e in examples { for f in e.features { for k in f { counts[k, default: 0] += 1 } } }
        var index: [UInt64: Int32] = [:]
        for (k, c) in counts where c >= minimumFeatureCount { index[k] = Int32(index.count) }
        var w = [Float](repeating: 0, count: index.count * L)
        var u = [Float](repeating: 0, count: index.count * L)
        var t = [Float](repeating: 0, count: (L + 1) * L)
        var tu = [Float](repeating: 0, count: (L + 1) * L)
        var c: Float = 1
        var order = Array(examples.indices)
        var rng = SeededRandom(seed: seed)
        for epoch in 0..<epochs {
            for k in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(k, Int(rng.next() % UInt64(k + 1))) }
            var errors = 0
            for ei in order {
                let e = examples[ei]
                let pred = PerceptronModel.decode(e.features, labels: L, index: index, weights: w, transitions: t, open: e.open)
                if pred != e.gold {
                    for i in e.gold.indices {
                        let g = e.gold[i], p = pred[i]
                        let gp = i == 0 ? L : e.gold[i - 1], pp = i == 0 ? L : pred[i - 1]
                        if g != p {
                            errors += 1
                            for f in e.features[i] {
                                guard let row = index[f] else { continue }
                                let b = Int(row) * L
                                w[b + g] += 1; u[b + g] += c
                                w[b + p] -= 1; u[b + p] -= c
                            }
                        }
                        if g != p || gp != pp {
                            t[gp * L + g] += 1; tu[gp * L + g] += c
                            t[pp * L + p] -= 1; tu[pp * L + p] -= c
                        }
                    }
                }
                c += 1
            }
            progress(epoch + 1, errors)
        }
        // Average, then prune rows whose weights are all tiny.
        for k in w.indices { w[k] -= u[k] / c }
        for k in t.indices { t[k] -= tu[k] / c }
        var kept: [UInt64: Int32] = [:]
        var weights: [Float] = []
        for (key, row) in index {
            let b = Int(row) * L
            let slice = w[b..<(b + L)]
            guard slice.contains(where: { abs($0) >= pruneBelow }) else { continue }
            kept[key] = Int32(kept.count)
            weights.append(contentsOf: slice)
        }
        return PerceptronModel(labels: L, index: kept, weights: weights, transitions: t)
    }
}
