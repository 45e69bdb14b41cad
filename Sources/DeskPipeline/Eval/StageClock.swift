import Foundation

/// CPU time of the calling thread, in seconds: a single-threaded stage's cost on one core, unaffected by
/// other jobs sharing the machine (wall-clock time is, on a busy 2-core box).
enum StageClock {
    static func threadSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
