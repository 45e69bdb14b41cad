import Foundation
import NIOPosix

#if canImport(Glibc)
import Glibc
#endif

/// Where the web desk does the heavy part of an ingest (extraction, analysis, placement): threads of their own
/// at a lower CPU priority, so that pages and the API stay quick while a big batch is analysed. On a 2-core
/// machine, analysis on the shared blocking threads took both cores and pushed the story page's p99 past
/// 50 ms whenever a batch arrived (`updesk bench web`); at a lower priority it uses what readers leave.
enum IngestLane {
    /// The nice value of the lane's threads (0 is normal, 19 the lowest). Any value above 0 lets the scheduler
    /// prefer readers; 10 is the usual "background" level (as `nice` uses by default).
    static let niceness: Int32 = 10
    /// One thread per core: an idle desk still analyses a batch with every core.
    static let threads = max(1, ProcessInfo.processInfo.activeProcessorCount)
    static let pool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: threads)
        pool.start()
        return pool
    }()

    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await pool.runIfActive {
            lowerPriority()
            return try body()
        }
    }

    /// Lowers the calling thread's priority (on Linux the nice value is per thread). Raising one's own nice
    /// value needs no privilege; where it fails anyway, work goes on at normal priority.
    static func lowerPriority() {
        #if os(Linux)
        // `who` 0 is the calling task, which on Linux is this thread alone.
        if getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0) < niceness {
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness)
        }
        #endif
    }
}
