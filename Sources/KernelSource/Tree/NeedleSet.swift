/// Finds which of several byte strings occur in a buffer, in one pass
/// (Wu–Manber with 2-byte blocks). This is the prefilter that keeps most of
/// a kernel tree from being tokenized: a file that does not contain a
/// symbol's bytes at all cannot define or use it.
///
/// One pass for all names matters: a tree-wide query reads ~1.1 GB of C, and
/// testing seven names one after another (Boyer–Moore–Horspool each) cost
/// more than reading the files. The window moves by up to `m - 1` bytes (m =
/// the shortest needle), so long kernel identifiers skip most bytes.
struct NeedleSet: Sendable {
    let needles: [[UInt8]]
    /// Shortest needle length; windows are this long.
    private let window: Int
    /// How far the window may move when it ends in a given 2-byte block.
    private let shift: [UInt8]
    /// Needles whose window prefix ends in block h: `members[bucketStart[h]..<bucketStart[h + 1]]`.
    private let bucketStart: [Int32]
    private let members: [Int32]

    init(_ texts: [String]) {
        precondition(texts.count <= 64, "a NeedleSet reports matches in a 64-bit mask")
        needles = texts.map { Array($0.utf8) }
        window = needles.map(\.count).min() ?? 0
        var shift = [UInt8](repeating: UInt8(clamping: max(window - 1, 0)), count: 1 << 16)
        var keys: [Int] = []
        if window >= 2 {
            for needle in needles {
                for end in 1..<window {
                    let block = Int(needle[end - 1]) << 8 | Int(needle[end])
                    shift[block] = min(shift[block], UInt8(clamping: window - 1 - end))
                }
                keys.append(Int(needle[window - 2]) << 8 | Int(needle[window - 1]))
            }
        }
        // Counting sort of the needles by the block their window prefix ends in.
        var start = [Int32](repeating: 0, count: (1 << 16) + 1)
        for key in keys { start[key + 1] += 1 }
        for h in 0..<(1 << 16) { start[h + 1] += start[h] }
        var next = start
        var members = [Int32](repeating: 0, count: keys.count)
        for (index, key) in keys.enumerated() {
            members[Int(next[key])] = Int32(index)
            next[key] += 1
        }
        self.shift = shift
        self.bucketStart = start
        self.members = members
    }

    /// Bit i is set when needle i occurs in `haystack`.
    func matches(in haystack: UnsafeRawBufferPointer) -> UInt64 {
        guard window >= 2 else { return naiveMatches(in: haystack) }
        let all: UInt64 = needles.count == 64 ? ~0 : (1 << UInt64(needles.count)) - 1
        var found: UInt64 = 0
        let n = haystack.count
        return shift.withUnsafeBufferPointer { shift in
            bucketStart.withUnsafeBufferPointer { bucketStart in
                members.withUnsafeBufferPointer { members in
                    var end = window - 1
                    while end < n {
                        let block = Int(haystack[end - 1]) << 8 | Int(haystack[end])
                        let step = Int(shift[block])
                        if step > 0 {
                            end += step
                            continue
                        }
                        let start = end - window + 1
                        for k in Int(bucketStart[block])..<Int(bucketStart[block + 1]) {
                            let index = Int(members[k])
                            if found & (1 << UInt64(index)) == 0, occurs(needles[index], at: start, in: haystack) {
                                found |= 1 << UInt64(index)
                                if found == all { return found }
                            }
                        }
                        end += 1
                    }
                    return found
                }
            }
        }
    }

    private func occurs(_ needle: [UInt8], at start: Int, in haystack: UnsafeRawBufferPointer) -> Bool {
        guard start + needle.count <= haystack.count else { return false }
        var i = 0
        while i < needle.count {
            if haystack[start + i] != needle[i] { return false }
            i += 1
        }
        return true
    }

    /// For needles of 0 or 1 bytes, where blocks do not apply.
    private func naiveMatches(in haystack: UnsafeRawBufferPointer) -> UInt64 {
        var found: UInt64 = 0
        for (index, needle) in needles.enumerated() {
            if needle.isEmpty || (0..<haystack.count).contains(where: { occurs(needle, at: $0, in: haystack) }) {
                found |= 1 << UInt64(index)
            }
        }
        return found
    }
}
