#if canImport(Glibc)
import Glibc
#endif

/// Room for large, short-lived arrays (a pass's output, the tree's nodes) in
/// memory the kernel may back with 2 MB pages. Touching fresh memory costs a
/// page fault per 4 KB page, and on a 10 MB page those faults took a quarter
/// of the reader's time; where transparent huge pages are enabled on request
/// (`madvise`, Linux's default), asking for them removes nearly all of them.
/// Elsewhere this is an ordinary `reserveCapacity`.
enum LargeBuffer {
    /// Below this many bytes the request is not worth a system call.
    static let threshold = 4 << 20

    /// An empty array with room for `capacity` elements.
    static func reserved<Element>(_ capacity: Int) -> [Element] {
        let bytes = capacity * MemoryLayout<Element>.stride
        guard bytes >= threshold else {
            var array: [Element] = []
            array.reserveCapacity(capacity)
            return array
        }
        return [Element](unsafeUninitializedCapacity: capacity) { buffer, count in
            if let base = buffer.baseAddress { adviseHugePages(UnsafeMutableRawPointer(base), bytes) }
            count = 0
        }
    }

    private static func adviseHugePages(_ start: UnsafeMutableRawPointer, _ length: Int) {
        #if os(Linux)
        let page = max(sysconf(Int32(_SC_PAGESIZE)), 4096)
        let first = (Int(bitPattern: start) + page - 1) & ~(page - 1)
        let end = (Int(bitPattern: start) + length) & ~(page - 1)
        guard end > first, let p = UnsafeMutableRawPointer(bitPattern: first) else { return }
        // Advice only: if the kernel refuses, the memory is ordinary memory.
        _ = madvise(p, end - first, MADV_HUGEPAGE)
        #endif
    }
}
