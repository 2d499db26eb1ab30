/// Character references, decoded as MediaWiki's sanitizer does.
enum Entities {
    /// The code points MediaWiki lets through a numeric reference.
    static func isValidCodepoint(_ c: UInt32) -> Bool {
        c == 0x09 || c == 0x0A || (0x20...0x7E).contains(c) || (0xA0...0xD7FF).contains(c)
            || (0xE000...0xFFFD).contains(c) || (0x10000...0x10FFFF).contains(c)
    }

    /// If a valid reference starts at `at` (which holds `&`), its UTF-8 bytes
    /// and the index after the `;`.
    static func reference(in b: [UInt8], at: Int, end: Int? = nil) -> ([UInt8], Int)? {
        let n = end ?? b.count
        var i = at + 1
        guard i < n else { return nil }
        if b[i] == Byte.hash {
            i += 1
            var hex = false
            if i < n, b[i] == 0x78 || b[i] == 0x58 { hex = true; i += 1 }
            let start = i
            var value: UInt32 = 0
            while i < n, value <= 0x10FFFF {
                let c = b[i]
                if Byte.isDigit(c) { value = value * (hex ? 16 : 10) + UInt32(c - 0x30) }
                else if hex, (c | 0x20) >= 0x61, (c | 0x20) <= 0x66 { value = value * 16 + UInt32((c | 0x20) - 0x61 + 10) }
                else { break }
                i += 1
            }
            guard i > start, i < n, b[i] == Byte.semicolon, isValidCodepoint(value),
                  let scalar = Unicode.Scalar(value) else { return nil }
            return (Array(String(Character(scalar)).utf8), i + 1)
        }
        // Names are letters and digits (MediaWiki's aliases use other scripts).
        let start = i
        while i < n, i - start < 40, Byte.isAlnum(b[i]) || b[i] >= 0x80 { i += 1 }
        guard i > start, i < n, b[i] == Byte.semicolon else { return nil }
        let name = String(decoding: b[start..<i], as: UTF8.self)
        guard let value = htmlEntityValues[name] else { return nil }
        return (Array(value.utf8), i + 1)
    }

    /// Decodes every valid reference in `b[lo..<hi]`; invalid ones stay literal.
    static func decode(_ b: [UInt8], _ lo: Int, _ hi: Int) -> String {
        String(decoding: decodeBytes(b, lo, hi), as: UTF8.self)
    }

    static func decodeBytes(_ b: [UInt8], _ lo: Int, _ hi: Int) -> [UInt8] {
        var i = lo
        while i < hi, b[i] != Byte.amp { i += 1 }
        if i == hi { return Array(b[lo..<hi]) }
        var out = [UInt8]()
        out.reserveCapacity(hi - lo)
        out.append(contentsOf: b[lo..<i])
        while i < hi {
            let c = b[i]
            if c == Byte.amp, let (bytes, next) = reference(in: b, at: i, end: hi) {
                out.append(contentsOf: bytes)
                i = next
            } else {
                out.append(c)
                i += 1
            }
        }
        return out
    }

}
