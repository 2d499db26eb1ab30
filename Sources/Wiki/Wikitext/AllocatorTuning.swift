#if os(Linux)
internal import CMalloc
#endif

/// Process-wide allocator settings for reading large pages, which a command
/// that does so sets once before it reads.
public enum AllocatorTuning {
    /// Turns off glibc's fast bins. Reading a page allocates and frees many
    /// small objects between large allocations, and each large allocation
    /// first merged every freed small chunk (`malloc_consolidate`): 7 % of the
    /// time of a 10 MB conversion. Without fast bins the chunks are merged as
    /// they are freed, and the conversion took 0.45 s instead of 0.49 s.
    /// Elsewhere than Linux (glibc) this does nothing.
    public static func forLargeDocuments() {
        #if os(Linux)
        _ = mallopt(M_MXFAST, 0)
        #endif
    }
}
