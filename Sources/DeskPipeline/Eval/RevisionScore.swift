import DeskModel

/// Scores of the revision classifier and sentence diff on generated versions: detection (is it a
/// revision?), the correction flag, and the diff's operations per kind (an operation is right when its
/// kind and its old and new positions all match the truth).
public struct RevisionScore: Sendable, CustomStringConvertible {
    public struct Counts: Sendable, Hashable {
        public var truePositive = 0, falsePositive = 0, falseNegative = 0
        public var precision: Double { ratio(truePositive, truePositive + falsePositive) }
        public var recall: Double { ratio(truePositive, truePositive + falseNegative) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
        func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 1 : Double(a) / Double(b) }

        mutating func add(predicted: Bool, gold: Bool) {
            if predicted && gold { truePositive += 1 } else if predicted { falsePositive += 1 } else if gold { falseNegative += 1 }
        }
    }

    public var cases = 0
    public var detection = Counts()
    public var correction = Counts()
    public var ops: [RevisionDiff.Op: Counts] = [:]
    /// Revisions whose predicted operations are exactly the true ones.
    public var exactDiffs = 0
    public var revisions = 0

    public init() {}

    public var exactDiffShare: Double { revisions == 0 ? 1 : Double(exactDiffs) / Double(revisions) }

    /// All kinds of operation together.
    public var allOps: Counts {
        ops.values.reduce(into: Counts()) {
            $0.truePositive += $1.truePositive
            $0.falsePositive += $1.falsePositive
            $0.falseNegative += $1.falseNegative
        }
    }

    mutating func add(gold: RevisionGenerator.Case, verdict: RevisionVerdict) {
        cases += 1
        detection.add(predicted: verdict.isRevision, gold: gold.isRevision)
        correction.add(predicted: verdict.isCorrection, gold: gold.isCorrection)
        let predicted = Set(Self.ops(verdict.diff))
        let truth = Set(gold.ops)
        for op in RevisionDiff.Op.allCases where op != .unchanged {
            var c = ops[op] ?? Counts()
            let p = predicted.filter { $0.op == op }, t = truth.filter { $0.op == op }
            c.truePositive += p.intersection(t).count
            c.falsePositive += p.subtracting(t).count
            c.falseNegative += t.subtracting(p).count
            ops[op] = c
        }
        if gold.isRevision {
            revisions += 1
            if predicted == truth { exactDiffs += 1 }
        }
    }

    /// A diff's operations in the generator's terms (unchanged sentences left out).
    static func ops(_ diff: RevisionDiff) -> [RevisionGenerator.Op] {
        diff.entries.filter { $0.op != .unchanged }.map { .init(op: $0.op, oldIndex: $0.oldIndex, newIndex: $0.newIndex) }
    }

    public var lines: [String] {
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        var out = ["versions: \(cases) (\(revisions) revisions, \(correction.truePositive + correction.falseNegative) corrections)"]
        out.append("detection: P=\(f(detection.precision)) R=\(f(detection.recall)) F1=\(f(detection.f1)) "
            + "(tp=\(detection.truePositive) fp=\(detection.falsePositive) fn=\(detection.falseNegative))")
        out.append("correction flag: P=\(f(correction.precision)) R=\(f(correction.recall)) F1=\(f(correction.f1)) "
            + "(tp=\(correction.truePositive) fp=\(correction.falsePositive) fn=\(correction.falseNegative))")
        for op in RevisionDiff.Op.allCases where op != .unchanged {
            let c = ops[op] ?? Counts()
            out.append("diff \(op.rawValue): P=\(f(c.precision)) R=\(f(c.recall)) F1=\(f(c.f1)) (true=\(c.truePositive + c.falseNegative))")
        }
        out.append("exact diffs: \(exactDiffs)/\(revisions) = \(f(exactDiffShare))")
        return out
    }

    /// One line: the figures the floors pin.
    public var description: String {
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        let perOp = RevisionDiff.Op.allCases.filter { $0 != .unchanged }.map { "\($0.rawValue)=\(f((ops[$0] ?? Counts()).f1))" }
        return "revisions: detection_f1=\(f(detection.f1)) P=\(f(detection.precision)) R=\(f(detection.recall)) "
            + "correction_f1=\(f(correction.f1)) diff_op_f1=\(f(allOps.f1)) [\(perOp.joined(separator: " "))] "
            + "exact=\(f(exactDiffShare))"
    }
}
