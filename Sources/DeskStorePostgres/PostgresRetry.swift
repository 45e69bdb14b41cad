import Foundation

/// Runs a unit of work again after a retryable failure (serialization failure, deadlock, lost connection),
/// waiting a little longer each time; any other error, or the last attempt's, is handed on.
enum PostgresRetry {
    static func run<T>(attempts: Int = PostgresTuning.maxAttempts, _ body: () throws -> T) throws -> T {
        var delay = PostgresTuning.firstRetryDelayMilliseconds
        for attempt in 1... {
            do {
                return try body()
            } catch where attempt < attempts && PostgresErrors.isRetryable(error) {
                usleep(useconds_t(delay * 1000))
                delay *= 2
            }
        }
        fatalError("unreachable")
    }
}
