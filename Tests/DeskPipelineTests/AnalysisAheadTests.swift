@testable import DeskPipeline
import Foundation
import Testing

@Suite("Analysis ahead of placement")
struct AnalysisAheadTests {
    /// Counts how often each input was worked on, and on which threads.
    final class Tally: @unchecked Sendable {
        let lock = NSLock()
        var runs: [Int: Int] = [:]
        var onCaller = 0
        var inFlight = 0
        var maxInFlight = 0
        let caller: Thread

        init(caller: Thread) { self.caller = caller }

        func work(_ i: Int, micros: UInt32) -> String {
            lock.withLock {
                runs[i, default: 0] += 1
                if Thread.current == caller { onCaller += 1 }
                inFlight += 1
                maxInFlight = max(maxInFlight, inFlight)
            }
            usleep(micros)
            lock.withLock { inFlight -= 1 }
            return "analysed \(i)"
        }
    }

    @Test("results come back in submission order, each input worked on exactly once", arguments: [0, 1, 3])
    func order(workers: Int) {
        let tally = Tally(caller: Thread.current)
        let ahead = AnalysisAhead<Int, String>(workers: workers, lookahead: 8) { tally.work($0, micros: UInt32($0 % 5) * 300) }
        defer { ahead.close() }
        var out: [(Int, String)] = []
        for i in 0..<200 {
            ahead.submit(i)
            while ahead.pending >= 8 { out.append(ahead.next()) }
        }
        while ahead.pending > 0 { out.append(ahead.next()) }
        #expect(out.map(\.0) == Array(0..<200))
        #expect(out.allSatisfy { $0.1 == "analysed \($0.0)" })
        #expect(tally.runs.count == 200 && tally.runs.values.allSatisfy { $0 == 1 })
        // Without workers, the caller does all of it.
        if workers == 0 { #expect(tally.onCaller == 200) }
    }

    @Test("the caller works instead of waiting when the workers are behind")
    func callerHelps() {
        let tally = Tally(caller: Thread.current)
        // One slow worker and a caller with nothing else to do: the caller must analyse about half. The worker
        // is running before anything is submitted, so it claims each next document the moment it finishes one.
        let ahead = AnalysisAhead<Int, String>(workers: 1, lookahead: 16) { tally.work($0, micros: 2_000) }
        defer { ahead.close() }
        usleep(5_000)
        for i in 0..<40 { ahead.submit(i) }
        var taken = 0
        while ahead.pending > 0 {
            _ = ahead.next()
            taken += 1
        }
        #expect(taken == 40)
        // Waiting whenever the awaited document was in the worker's hands, the caller analysed 1 or 2 of 40.
        #expect(tally.onCaller >= 10, "the caller analysed \(tally.onCaller) of 40")
        #expect(tally.runs.values.allSatisfy { $0 == 1 })
    }

    @Test("workers never run more than the look-ahead beyond what was taken, and close() stops them")
    func bounded() {
        let tally = Tally(caller: Thread.current)
        let ahead = AnalysisAhead<Int, String>(workers: 4, lookahead: 3) { tally.work($0, micros: 500) }
        for i in 0..<50 { ahead.submit(i) }
        // Nothing taken: at most 3 may be claimed, however long we wait.
        usleep(50_000)
        #expect(tally.lock.withLock { tally.runs.count } <= 3)
        _ = ahead.next()
        ahead.close()
        let after = tally.lock.withLock { tally.runs.count }
        usleep(20_000)
        // Closed: no worker is left to start another.
        #expect(tally.lock.withLock { tally.runs.count } == after)
        #expect(after <= 4)
    }
}
