/// A substring search over raw bytes (Boyer–Moore–Horspool), used as the
/// prefilter that keeps most of a kernel tree from being tokenized: a file
/// that does not contain a symbol's bytes at all cannot define or use it.
/// Kernel identifiers are long enough that the skip table passes over most bytes.
struct ByteNeedle: Sendable {
    let bytes: [UInt8]
    private let skip: [Int]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var table = [Int](repeating: max(bytes.count, 1), count: 256)
        for (i, b) in bytes.dropLast().enumerated() { table[Int(b)] = bytes.count - 1 - i }
        skip = table
    }

    func occurs(in haystack: UnsafeRawBufferPointer) -> Bool {
        let m = bytes.count
        guard m > 0 else { return true }
        let n = haystack.count
        guard n >= m else { return false }
        return bytes.withUnsafeBufferPointer { needle in
            skip.withUnsafeBufferPointer { skip in
                let last = needle[m - 1]
                var i = m - 1
                while i < n {
                    let c = haystack[i]
                    if c == last {
                        var j = 1
                        while j < m, haystack[i - j] == needle[m - 1 - j] { j += 1 }
                        if j == m { return true }
                    }
                    i += skip[Int(c)]
                }
                return false
            }
        }
    }
}
