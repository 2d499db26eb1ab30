import Document

/// Maps offsets in the last pass's text back to line:column in the original
/// input, through each pass's `OffsetMap`. Lookups come roughly in text order,
/// so each map keeps a cursor and the column count continues from the last one.
final class SourcePositions {
    let maps: [OffsetMap]
    let original: [UInt8]
    var lineStarts: [Int] = [0]
    /// One cursor per map, kept behind a pointer: this is the hottest loop of
    /// source mapping, and array properties of a class pay exclusivity checks.
    let hints: UnsafeMutablePointer<Int>
    var last = (offset: 0, line: 0, column: 1)

    init(maps: [OffsetMap], original: [UInt8], lineStarts: [Int]? = nil) {
        self.maps = maps
        self.original = original
        hints = UnsafeMutablePointer<Int>.allocate(capacity: max(maps.count, 1))
        hints.initialize(repeating: 0, count: max(maps.count, 1))
        if let lineStarts { self.lineStarts = lineStarts } else {
            var i = Scan.lineEnd(original, from: 0)
            while i < original.count {
                self.lineStarts.append(i + 1)
                i = Scan.lineEnd(original, from: i + 1)
            }
        }
    }

    deinit { hints.deallocate() }

    func originalOffset(_ offset: Int) -> Int {
        var o = offset
        var k = maps.count - 1
        while k >= 0 {
            o = maps[k].inputOffset(o, hint: &hints[k])
            k -= 1
        }
        return min(max(o, 0), original.count)
    }

    func position(_ offset: Int) -> SourcePosition {
        let o = originalOffset(offset)
        // Lookups come in text order: try the last line before searching.
        var line = last.line
        if o < lineStarts[line] || (line + 1 < lineStarts.count && lineStarts[line + 1] <= o) {
            var lo = 0, hi = lineStarts.count - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if lineStarts[mid] <= o { lo = mid } else { hi = mid - 1 }
            }
            line = lo
        }
        var column = 1
        var from = lineStarts[line]
        if last.line == line && last.offset <= o { column = last.column; from = last.offset }
        column += Self.scalarCount(original, from, o)
        last = (o, line, column)
        return SourcePosition(line: line + 1, column: column)
    }

    /// The number of Unicode scalars in `b[lo..<hi]` (columns count scalars):
    /// the bytes that are not UTF-8 continuation bytes (`10xxxxxx`), counted
    /// eight at a time.
    static func scalarCount(_ b: [UInt8], _ lo: Int, _ hi: Int) -> Int {
        guard lo < hi else { return 0 }
        precondition(lo >= 0 && hi <= b.count)
        return b.withUnsafeBufferPointer { p -> Int in
            let base = p.baseAddress!
            let highs: UInt64 = 0x8080_8080_8080_8080
            var continuation = 0
            var i = lo
            while i &+ 8 <= hi {
                let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                // Bit 7 set and bit 6 clear: shifting left by one moves each
                // byte's bit 6 to its bit 7.
                continuation &+= (w & ~(w << 1) & highs).nonzeroBitCount
                i &+= 8
            }
            while i < hi {
                if base[i] & 0xC0 == 0x80 { continuation &+= 1 }
                i &+= 1
            }
            return (hi - lo) - continuation
        }
    }

    func range(_ start: Int, _ end: Int) -> SourceRange {
        let s = position(start)
        let e = position(max(start, end))
        return SourceRange(start: s, end: max(s, e))
    }
}
