import Foundation

extension Array where Element: Sendable {
    /// `map` spread over the machine's cores, results in input order. Work is
    /// handed out in chunks so that tens of thousands of small files do not
    /// each pay for a dispatch.
    func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let n = count
        guard n > 1 else { return map(transform) }
        let out = UnsafeMutableBufferPointer<T?>.allocate(capacity: n)
        out.initialize(repeating: nil)
        defer { out.deinitialize(); out.deallocate() }
        let chunks = Swift.min(n, ProcessInfo.processInfo.activeProcessorCount * 8)
        let items = self
        // Each chunk writes only its own slots, so the writes never overlap.
        nonisolated(unsafe) let slots = out
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            var i = c * n / chunks
            let end = (c + 1) * n / chunks
            while i < end {
                slots[i] = transform(items[i])
                i += 1
            }
        }
        return out.map { $0! }
    }
}
