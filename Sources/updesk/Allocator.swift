import CJemalloc

/// The process's memory allocator. `updesk` links jemalloc (Debian's `libjemalloc-dev`, unprefixed), which
/// takes over malloc and free for the whole process: the desk allocates many small, short-lived objects (a
/// page's DOM nodes, attribute and text strings, arrays), and glibc's malloc and free took about 11 % of
/// HTML extraction's instructions. Paired runs of `updesk bench extraction` on the eval pages, the same
/// binary with glibc and with jemalloc preloaded, alternated: 294–353 against 319–428 pages/s, about 1.1×;
/// mimalloc 2.0 in the same runs was no faster than glibc.
enum Allocator {
    /// "jemalloc VERSION", read from the allocator itself; the bench prints it so a figure says what it ran on.
    /// Reading it also keeps the library linked where a linker drops libraries nothing refers to.
    static var description: String {
        var version: UnsafePointer<CChar>?
        var size = MemoryLayout<UnsafePointer<CChar>?>.size
        guard mallctl("version", &version, &size, nil, 0) == 0, let version else { return "system malloc" }
        return "jemalloc " + String(cString: version)
    }
}
