import Foundation

/// A first-order structured perceptron over BIO labels: per-token feature weights plus label transition
/// weights, decoded with Viterbi (I-X only after B-X or I-X).
///
/// File format (little-endian): the magic "UDNER1\n", label count and row count (UInt32), the weight scale
/// (Float32), (labels + 1) × labels transition weights (Float32, the last row is the sentence start), then per
/// feature its 64-bit hash and one Int16 per label (weight = value × scale).
struct PerceptronModel: Sendable {
    let labels: Int
    let index: [UInt64: Int32]
    let weights: [Float]
    let transitions: [Float]
    /// `index` as an open-addressing table for decoding (see `FeatureTable`).
    let table: FeatureTable

    init(labels: Int, index: [UInt64: Int32], weights: [Float], transitions: [Float]) {
        self.labels = labels
        self.index = index
        self.weights = weights
        self.transitions = transitions
        self.table = FeatureTable(index)
    }

    static let magic = Array("UDNER1\n".utf8)

    // MARK: decoding

    /// Best label sequence; `open[i] == false` forces token i outside any entity.
    func decode(_ features: [[UInt64]], open: [Bool]? = nil) -> [Int] {
        let table = self.table
        return Self.viterbi(features, labels: labels, weights: weights, transitions: transitions, open: open) { table.row($0) }
    }

    /// Decoding against a plain dictionary index (training, where the index is still growing).
    static func decode(_ features: [[UInt64]], labels: Int, index: [UInt64: Int32], weights: [Float], transitions: [Float],
                       open: [Bool]? = nil) -> [Int] {
        viterbi(features, labels: labels, weights: weights, transitions: transitions, open: open) { index[$0] ?? -1 }
    }

    /// Emission scores summed feature by feature (in the features' order), then Viterbi. `row` gives a
    /// feature's weight row, or -1 when the model does not know it.
    @inline(__always)
    static func viterbi(_ features: [[UInt64]], labels: Int, weights: [Float], transitions: [Float], open: [Bool]?,
                        row: (UInt64) -> Int32) -> [Int] {
        let n = features.count
        guard n > 0 else { return [] }
        let L = labels
        var emission = [Float](repeating: 0, count: n * L)
        weights.withUnsafeBufferPointer { w in
            emission.withUnsafeMutableBufferPointer { e in
                for i in 0..<n {
                    for f in features[i] {
                        let r = row(f)
                        guard r >= 0 else { continue }
                        let base = Int(r) * L
                        for y in 0..<L { e[i * L + y] += w[base + y] }
                    }
                    if let open, !open[i] { for y in 1..<L { e[i * L + y] = -1e9 } }
                }
            }
        }
        var score = [Float](repeating: -.infinity, count: n * L)
        var back = [Int](repeating: 0, count: n * L)
        for y in 0..<L where !NERLabel.isInside(y) { score[y] = emission[y] + transitions[L * L + y] }
        if n > 1 {
            for i in 1..<n {
                for y in 0..<L {
                    var best: Float = -.infinity, arg = 0
                    for p in 0..<L where NERLabel.allowed(from: p, to: y) {
                        let s = score[(i - 1) * L + p] + transitions[p * L + y]
                        if s > best { best = s; arg = p }
                    }
                    score[i * L + y] = best + emission[i * L + y]
                    back[i * L + y] = arg
                }
            }
        }
        var y = 0
        var best: Float = -.infinity
        for k in 0..<L where score[(n - 1) * L + k] > best { best = score[(n - 1) * L + k]; y = k }
        var out = [Int](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            out[i] = y
            y = back[i * L + y]
        }
        return out
    }

    // MARK: file

    func serialized() -> Data {
        var maxAbs: Float = 1e-6
        for w in weights { maxAbs = max(maxAbs, abs(w)) }
        let scale = maxAbs / Float(Int16.max)
        var d = Data(Self.magic)
        func put<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v.littleEndian) { d.append(contentsOf: $0) } }
        put(UInt32(labels)); put(UInt32(index.count)); put(scale.bitPattern)
        for t in transitions { put(t.bitPattern) }
        for (key, row) in index.sorted(by: { $0.key < $1.key }) {
            put(key)
            for y in 0..<labels { put(Int16((weights[Int(row) * labels + y] / scale).rounded())) }
        }
        return d
    }

    enum LoadError: Error { case malformed }

    static func load(_ data: Data) throws -> PerceptronModel {
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) throws -> PerceptronModel in
            guard raw.count > magic.count, Array(raw[0..<magic.count]) == magic else { throw LoadError.malformed }
            var p = magic.count
            func u32() throws -> UInt32 {
                guard p + 4 <= raw.count else { throw LoadError.malformed }
                defer { p += 4 }
                return UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: p, as: UInt32.self))
            }
            let L = Int(try u32()), rows = Int(try u32())
            let scale = Float(bitPattern: try u32())
            guard L == NERLabel.count, rows < 50_000_000 else { throw LoadError.malformed }
            var transitions: [Float] = []
            for _ in 0..<((L + 1) * L) { transitions.append(Float(bitPattern: try u32())) }
            let rowBytes = 8 + 2 * L
            guard p + rows * rowBytes == raw.count else { throw LoadError.malformed }
            var index: [UInt64: Int32] = [:]
            index.reserveCapacity(rows)
            var weights = [Float](repeating: 0, count: rows * L)
            weights.withUnsafeMutableBufferPointer { w in
                for r in 0..<rows {
                    let base = p + r * rowBytes
                    index[UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: base, as: UInt64.self))] = Int32(r)
                    for y in 0..<L {
                        w[r * L + y] = Float(Int16(littleEndian: raw.loadUnaligned(fromByteOffset: base + 8 + 2 * y, as: Int16.self))) * scale
                    }
                }
            }
            return PerceptronModel(labels: L, index: index, weights: weights, transitions: transitions)
        }
    }
}
