import Foundation

/// Runs blocking work (a worker, which waits on database answers) on a thread of its own and awaits it, so
/// the tests never hold Swift concurrency's few cooperative threads (two on a 2-core machine) that other
/// tests' async work needs. Expectations stay in the calling test; `body` only computes.
func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try body() }) }
    }
}
