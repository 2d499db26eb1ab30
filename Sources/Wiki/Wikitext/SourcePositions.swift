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
            for (i, c) in original.enumerated() where c == Byte.nl { self.lineStarts.append(i + 1) }
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
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= o { lo = mid } else { hi = mid - 1 }
        }
        // Columns count Unicode scalars: skip UTF-8 continuation bytes.
        var column = 1
        var i = lineStarts[lo]
        if last.line == lo && last.offset <= o { column = last.column; i = last.offset }
        while i < o {
            if original[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        last = (o, lo, column)
        return SourcePosition(line: lo + 1, column: column)
    }

    func range(_ start: Int, _ end: Int) -> SourceRange {
        let s = position(start)
        let e = position(max(start, end))
        return SourceRange(start: s, end: max(s, e))
    }
}
