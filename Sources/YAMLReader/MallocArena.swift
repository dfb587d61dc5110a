import CYAML

/// Where the threads of a load allocate.
package enum MallocArena {
    /// Makes glibc's malloc keep one arena for every thread (`M_ARENA_MAX` 1): call it before
    /// starting a thread that reads with libyaml (``YAMLEventRecorder``).
    ///
    /// libyaml allocates and frees a few buffers for every token and event (about 3.4 million
    /// frees on the 10,000-preparation catalogue of Benchmarks/commands.sh). In an arena of the
    /// reading thread's own, each free first looks up the heap of the chunk, which cost about
    /// 32 M instructions for `catalog validate` there (callgrind, whole process); in the main
    /// arena it does not, and the process keeps one heap instead of two. A no-op but with glibc.
    package static func shareMainArena() {
        #if canImport(Glibc)
        _ = mallopt(M_ARENA_MAX, 1)
        #endif
    }
}
