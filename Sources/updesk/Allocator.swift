import CJemalloc
#if canImport(Glibc)
import Glibc
#endif

/// The process's memory allocator. `updesk` links jemalloc (Debian's `libjemalloc-dev`, unprefixed), which
/// takes over malloc and free for the whole process: the desk allocates many small, short-lived objects (a
/// page's DOM nodes, attribute and text strings, arrays), and glibc's malloc and free took about 11 % of
/// HTML extraction's instructions. Paired runs of `updesk bench extraction` on the eval pages, the same
/// binary with glibc and with jemalloc preloaded, alternated: 294–353 against 319–428 pages/s, about 1.1×;
/// mimalloc 2.0 in the same runs was no faster than glibc.
///
/// Tools that follow the heap (valgrind's memcheck and massif) need `--soname-synonyms=somalloc=*jemalloc*`.
enum Allocator {
    /// What serves `malloc` in this process, as the bench prints it first: "jemalloc VERSION" only when a
    /// 1 MB malloc shows up in jemalloc's own count of this thread's allocations (a sanitizer's or a preloaded
    /// allocator takes over malloc even though jemalloc is linked), else "another allocator".
    /// Asking jemalloc also keeps the library linked where a linker drops libraries nothing refers to.
    static var description: String {
        var version: UnsafePointer<CChar>?
        var size = MemoryLayout<UnsafePointer<CChar>?>.size
        guard mallctl("version", &version, &size, nil, 0) == 0, let version else { return "another allocator" }
        let probe = 1 << 20
        let before = allocatedByThisThread()
        guard let block = malloc(probe) else { return "another allocator" }
        let usable = malloc_usable_size(block)  // uses the block, so the pair is not optimised away
        let after = allocatedByThisThread()
        free(block)
        guard let before, let after, usable >= probe, after &- before >= UInt64(probe) else {
            return "another allocator (jemalloc \(String(cString: version)) is linked but does not serve malloc)"
        }
        return "jemalloc " + String(cString: version)
    }

    /// jemalloc's running total of bytes this thread allocated (`thread.allocated`), or nil without statistics.
    private static func allocatedByThisThread() -> UInt64? {
        var value: UInt64 = 0
        var size = MemoryLayout<UInt64>.size
        return mallctl("thread.allocated", &value, &size, nil, 0) == 0 ? value : nil
    }
}
