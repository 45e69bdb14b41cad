import Dispatch

/// Maps a batch on all cores, keeping the input order. The stages it runs (extract, analyze) are pure
/// functions of their input, so only the result slots are shared, each written by exactly one iteration.
public enum ParallelMap {
    public static func map<T: Sendable, U>(_ items: [T], _ transform: @Sendable (T) -> U) -> [U] {
        guard items.count > 1 else { return items.map(transform) }
        let results = UnsafeMutableBufferPointer<U?>.allocate(capacity: items.count)
        results.initialize(repeating: nil)
        defer {
            results.deinitialize()
            results.deallocate()
        }
        nonisolated(unsafe) let slots = results
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            slots[i] = transform(items[i])
        }
        return results.map { $0! }
    }
}
