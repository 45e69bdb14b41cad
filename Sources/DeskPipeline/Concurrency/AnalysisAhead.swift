import Foundation

/// Extracts and analyses documents on background workers ahead of the caller, who takes the results back one at
/// a time, strictly in submission order, to place and store them (serial by nature).
///
/// The caller never sits idle while work is left: while the next document in order is not ready, the caller
/// analyses an unclaimed one itself instead of waiting. So both cores stay busy whichever stage is slower, which
/// the batch pipeline before it could not do (it placed a batch of 64 while the next one was analysed, and
/// whichever finished first waited for the other: 1.2 to 1.4 of 2 cores busy on the extraction pages).
///
/// Bounded: a document is claimed only while fewer than `lookahead` claimed ones wait to be taken, so at most
/// `lookahead` analyses are held. `submit` does not block: the caller bounds the documents held by taking
/// results whenever `pending` reaches `lookahead` (as `Ingestor` does). `close()` stops the workers and returns
/// once none is running, so no analysis outlives the run that started it; the workers hold the pipeline until
/// then, so `close()` must be called (the caller's `defer`).
final class AnalysisAhead<Input: Sendable, Output>: @unchecked Sendable {
    private let condition = NSCondition()
    private let work: @Sendable (Input) -> Output
    let lookahead: Int
    // All below guarded by `condition`.
    private var inputs: [Int: Input] = [:]
    private var outputs: [Int: Output] = [:]
    private var submitted = 0
    private var claimed = 0
    private var taken = 0
    private var stopping = false
    private var running = 0

    /// `workers` background threads (the caller works too, so one fewer than the cores keeps every core busy).
    init(workers: Int, lookahead: Int, work: @escaping @Sendable (Input) -> Output) {
        self.work = work
        self.lookahead = max(1, lookahead)
        running = max(0, workers)
        for _ in 0..<running {
            let thread = Thread { [self] in workerLoop() }
            thread.name = "updesk.analyze"
            thread.qualityOfService = .userInitiated
            thread.start()
        }
    }

    /// Documents submitted and not yet taken.
    var pending: Int { condition.withLock { submitted - taken } }

    /// Hands a document to the workers (the caller takes its result later, in order, with `next()`).
    func submit(_ input: Input) {
        condition.withLock {
            inputs[submitted] = input
            submitted += 1
            condition.broadcast()
        }
    }

    /// The oldest submitted document that was not taken yet, with its analysis. While it is not ready, the
    /// caller analyses the next unclaimed document itself (that one, or a later one within the look-ahead: a
    /// worker that finishes a document claims the following one at once, so the one awaited is nearly always
    /// in a worker's hands), and waits only when nothing is left to claim. Call only while `pending > 0`.
    func next() -> (Input, Output) {
        condition.lock()
        precondition(taken < submitted, "next() without a pending document")
        let index = taken
        while outputs[index] == nil {
            if claimable { analyseNext() } else { condition.wait() }
        }
        let result = (inputs.removeValue(forKey: index)!, outputs.removeValue(forKey: index)!)
        taken += 1
        // The window moved: a worker may claim one more.
        condition.broadcast()
        condition.unlock()
        return result
    }

    /// Stops the workers (each finishes the document in its hands) and returns when none is left running.
    func close() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while running > 0 { condition.wait() }
        condition.unlock()
    }

    /// A submitted document is unclaimed and the look-ahead allows claiming it. Call with the lock held.
    private var claimable: Bool { claimed < submitted && claimed - taken < lookahead }

    /// Claims the next unclaimed document and analyses it with the lock released. Call with the lock held (held
    /// again on return); wakes the waiters when its analysis is in.
    private func analyseNext() {
        let index = claimed
        claimed += 1
        let input = inputs[index]!
        condition.unlock()
        let output = work(input)
        condition.lock()
        outputs[index] = output
        condition.broadcast()
    }

    private func workerLoop() {
        condition.lock()
        while true {
            while !stopping && !claimable { condition.wait() }
            if stopping { break }
            analyseNext()
        }
        running -= 1
        condition.broadcast()
        condition.unlock()
    }
}
