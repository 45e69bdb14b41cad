import Foundation

/// Runs async work from a synchronous command (the root command is synchronous) and waits for it.
enum AsyncBridge {
    final class Box<T>: @unchecked Sendable { var result: Result<T, any Error>? }

    static func run<T>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
            done.signal()
        }
        done.wait()
        return try box.result!.get()
    }
}
