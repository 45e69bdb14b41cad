/// Runs an async body under a wall-clock limit: the body is cancelled and `onTimeout` thrown when the
/// limit passes first.
enum Deadline {
    static func run<T: Sendable>(seconds: Double, onTimeout: any Error, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else { throw onTimeout }
            return value
        }
    }
}
