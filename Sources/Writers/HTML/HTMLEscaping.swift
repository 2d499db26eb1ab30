/// Escaping for text and attribute values: nothing from a document reaches
/// the output as markup. Works on UTF-8 bytes; the output is a byte buffer.
enum HTMLEscaping {
    static func text(_ s: String, into out: inout String) {
        var bytes: [UInt8] = []
        text(s, into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    static func attribute(_ s: String, into out: inout String) {
        var bytes: [UInt8] = []
        attribute(s, into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    static func text(_ s: String, into out: inout [UInt8]) {
        var s = s
        s.withUTF8 { escape($0, attribute: false, into: &out) }
    }

    static func attribute(_ s: String, into out: inout [UInt8]) {
        var s = s
        s.withUTF8 { escape($0, attribute: true, into: &out) }
    }

    @inline(__always)
    static func needsEscape(_ c: UInt8, attribute: Bool) -> Bool {
        c == 0x26 || c == 0x3C || c == 0x3E || c == 0 || (attribute && (c == 0x22 || c == 0x27))
    }

    /// The index of the first byte at or after `from` that `escape` must
    /// rewrite, or `b.count`. Tests eight bytes at a time: a byte equal to a
    /// target makes `w ^ pattern` zero there, and `(v - 0x01…) & ~v & 0x80…`
    /// has its lowest set bit in the first zero byte of `v`.
    @inline(__always)
    static func nextSpecial(_ b: UnsafeBufferPointer<UInt8>, from: Int, attribute: Bool) -> Int {
        let n = b.count
        var i = from
        if let base = b.baseAddress {
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            @inline(__always) func zeroBytes(_ v: UInt64) -> UInt64 { (v &- ones) & ~v }
            while i &+ 8 <= n {
                let w = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                var m = zeroBytes(w) | zeroBytes(w ^ (ones &* 0x26)) | zeroBytes(w ^ (ones &* 0x3C))
                    | zeroBytes(w ^ (ones &* 0x3E))
                if attribute { m |= zeroBytes(w ^ (ones &* 0x22)) | zeroBytes(w ^ (ones &* 0x27)) }
                m &= highs
                if m != 0 { return i &+ (m.trailingZeroBitCount &>> 3) }
                i &+= 8
            }
        }
        while i < n, !needsEscape(b[i], attribute: attribute) { i &+= 1 }
        return i
    }

    @inline(__always)
    static func escape(_ b: UnsafeBufferPointer<UInt8>, attribute: Bool, into out: inout [UInt8]) {
        var runStart = 0
        var i = 0
        let n = b.count
        while i < n {
            i = nextSpecial(b, from: i, attribute: attribute)
            guard i < n else { break }
            let c = b[i]
            // Bytes above '>' (and most below) never need escaping.
            if c > 0x3E || !needsEscape(c, attribute: attribute) { i += 1; continue }
            if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[runStart..<i])) }
            switch c {
            case 0x26: out.lit("&amp;") // &amp;
            case 0x3C: out.lit("&lt;") // &lt;
            case 0x3E: out.lit("&gt;") // &gt;
            case 0x22: out.lit("&quot;") // &quot;
            case 0x27: out.lit("&#39;") // &#39;
            default: break // NUL is dropped
            }
            i += 1
            runStart = i
        }
        if runStart < n { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[runStart..<n])) }
    }
}

extension Array where Element == UInt8 {
    /// Appends a string's UTF-8 bytes.
    @inline(__always)
    mutating func write(_ s: String) {
        var s = s
        s.withUTF8 { append(contentsOf: $0) }
    }

    /// Appends a literal's UTF-8 bytes.
    @inline(__always)
    mutating func lit(_ s: StaticString) {
        s.withUTF8Buffer { append(contentsOf: $0) }
    }
}
