/// Byte-level helpers. The reader works on UTF-8 bytes throughout: every pass is a
/// single forward scan over a byte array, which keeps it linear and fast.
enum Byte {
    static let nl: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let tab: UInt8 = 0x09
    static let space: UInt8 = 0x20
    static let lt: UInt8 = 0x3C
    static let gt: UInt8 = 0x3E
    static let amp: UInt8 = 0x26
    static let quote: UInt8 = 0x22
    static let apos: UInt8 = 0x27
    static let slash: UInt8 = 0x2F
    static let bang: UInt8 = 0x21
    static let hash: UInt8 = 0x23
    static let colon: UInt8 = 0x3A
    static let semicolon: UInt8 = 0x3B
    static let star: UInt8 = 0x2A
    static let pipe: UInt8 = 0x7C
    static let equals: UInt8 = 0x3D
    static let dash: UInt8 = 0x2D
    static let plus: UInt8 = 0x2B
    static let lbrack: UInt8 = 0x5B
    static let rbrack: UInt8 = 0x5D
    static let lbrace: UInt8 = 0x7B
    static let rbrace: UInt8 = 0x7D
    static let underscore: UInt8 = 0x5F
    /// Starts and ends a strip marker (see `PieceTable`). DEL never appears in
    /// wikitext that matters, and it ends URLs, as MediaWiki's own markers do.
    static let marker: UInt8 = 0x7F

    @inline(__always) static func isSpaceOrTab(_ b: UInt8) -> Bool { b == space || b == tab }
    /// HTML/PHP whitespace: space, tab, LF, VT, FF, CR.
    @inline(__always) static func isWhitespace(_ b: UInt8) -> Bool {
        b == space || (b >= 0x09 && b <= 0x0D)
    }
    @inline(__always) static func isASCIILetter(_ b: UInt8) -> Bool {
        (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A
    }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { isASCIILetter(b) || isDigit(b) }
    @inline(__always) static func lower(_ b: UInt8) -> UInt8 {
        (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
    }
}

/// Byte-array helpers, namespaced so they cannot clash with extensions that
/// other files of this module may add to `Array` or `String`.
enum Scan {
    /// Case-insensitive ASCII comparison of `word` (lower-case) at `at`.
    @inline(__always)
    static func hasWordIgnoringCase(_ b: [UInt8], _ word: [UInt8], at: Int) -> Bool {
        if at < 0 || at + word.count > b.count { return false }
        var i = 0
        while i < word.count {
            if Byte.lower(b[at + i]) != word[i] { return false }
            i += 1
        }
        return true
    }

    @inline(__always)
    static func hasBytes(_ b: [UInt8], _ word: [UInt8], at: Int) -> Bool {
        if at < 0 || at + word.count > b.count { return false }
        var i = 0
        while i < word.count {
            if b[at + i] != word[i] { return false }
            i += 1
        }
        return true
    }

    /// Index of the next `\n` at or after `from`, or `b.count`.
    @inline(__always)
    static func lineEnd(_ b: [UInt8], from: Int) -> Int {
        firstOf(b, Byte.nl, Byte.nl, Byte.nl, from: from, to: b.count)
    }

    /// The first index in `from..<to` holding `x`, `y` or `z` (repeat one to
    /// look for fewer), or `max(from, to)` when there is none.
    @inline(__always)
    static func firstOf(_ b: [UInt8], _ x: UInt8, _ y: UInt8, _ z: UInt8, from: Int, to: Int) -> Int {
        firstOf(b, x, y, z, z, z, from: from, to: to)
    }

    /// The first index in `from..<to` holding any of five bytes (repeat one to
    /// look for fewer), or `max(from, to)` when there is none. The passes spend
    /// most of their time skipping ordinary text, so this tests eight bytes at
    /// a time: a byte equal to the target makes `w ^ pattern` zero there, and
    /// `(v - 0x01…) & ~v & 0x80…` has its lowest set bit in the first zero byte
    /// of `v` (bits above it may be spurious, which the lowest one ignores).
    @inline(__always)
    static func firstOf(_ b: [UInt8], _ x: UInt8, _ y: UInt8, _ z: UInt8, _ u: UInt8, _ v: UInt8,
                        from: Int, to: Int) -> Int {
        guard from < to else { return from }
        precondition(from >= 0 && to <= b.count)
        return b.withUnsafeBufferPointer { p -> Int in
            let base = p.baseAddress!
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            @inline(__always) func zeros(_ w: UInt64, _ c: UInt8) -> UInt64 {
                let a = w ^ (ones &* UInt64(c))
                return (a &- ones) & ~a
            }
            var i = from
            while i &+ 8 <= to {
                let w = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                let m = (zeros(w, x) | zeros(w, y) | zeros(w, z) | zeros(w, u) | zeros(w, v)) & highs
                if m != 0 { return i &+ (m.trailingZeroBitCount &>> 3) }
                i &+= 8
            }
            while i < to {
                let c = base[i]
                if c == x || c == y || c == z || c == u || c == v { return i }
                i &+= 1
            }
            return to
        }
    }

    /// A byte table for `firstIn`: 256 entries, nonzero for the bytes sought.
    static func table(_ bytes: [UInt8]) -> [UInt8] {
        var t = [UInt8](repeating: 0, count: 256)
        for b in bytes { t[Int(b)] = 1 }
        return t
    }

    /// The first index in `from..<to` whose byte has a nonzero entry in
    /// `table` (256 entries), or `max(from, to)`: for scans that look for more
    /// bytes than `firstOf` takes.
    @inline(__always)
    static func firstIn(_ b: [UInt8], _ table: [UInt8], from: Int, to: Int) -> Int {
        guard from < to else { return from }
        precondition(from >= 0 && to <= b.count && table.count == 256)
        return b.withUnsafeBufferPointer { p in
            table.withUnsafeBufferPointer { t in
                var i = from
                while i < to, t[Int(p[i])] == 0 { i &+= 1 }
                return i
            }
        }
    }

    /// The first index at or after `from` where `word` (not empty) occurs, or nil.
    static func find(_ b: [UInt8], _ word: [UInt8], from: Int) -> Int? {
        let last = b.count - word.count + 1 // exclusive bound for a start
        var j = from
        while j < last {
            j = firstOf(b, word[0], word[0], word[0], from: j, to: last)
            if j >= last { return nil }
            if hasBytes(b, word, at: j) { return j }
            j += 1
        }
        return nil
    }

    static func string(_ b: [UInt8], _ lo: Int, _ hi: Int) -> String {
        String(decoding: b[lo..<hi], as: UTF8.self)
    }

    /// Trims PHP-style whitespace from both ends of a byte range.
    @inline(__always)
    static func trimmed(_ b: [UInt8], _ lo: Int, _ hi: Int) -> (Int, Int) {
        var lo = lo, hi = hi
        while lo < hi && Byte.isWhitespace(b[lo]) { lo += 1 }
        while hi > lo && Byte.isWhitespace(b[hi - 1]) { hi -= 1 }
        return (lo, hi)
    }
}
