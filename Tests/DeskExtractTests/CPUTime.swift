import Foundation

/// CPU seconds the calling thread spends in `body`: time limits in tests measure the work, not how many
/// other tests and processes share the cores (wall-clock limits fail on a busy 2-core machine).
func threadCPUSeconds<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
    let start = now()
    let result = try body()
    return (result, now() - start)
}
