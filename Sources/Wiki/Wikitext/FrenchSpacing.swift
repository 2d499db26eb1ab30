/// MediaWiki's French spacing: a space before `? : ; ! % » ›` (not followed by a
/// word character) and after `« ‹` becomes a no-break space, as French
/// typography wants. Works on UTF-8 bytes; most text needs no change.
enum FrenchSpacing {
    static let nbsp: [UInt8] = [0xC2, 0xA0]

    /// The byte length of a punctuation mark that takes a no-break space before it, or 0.
    @inline(__always) static func markBefore(_ b: [UInt8], _ i: Int) -> Int {
        guard i < b.count else { return 0 }
        switch b[i] {
        case 0x3F, 0x3A, 0x3B, 0x21, 0x25: return 1
        case 0xC2: return i + 1 < b.count && b[i + 1] == 0xBB ? 2 : 0                       // »
        case 0xE2: return i + 2 < b.count && b[i + 1] == 0x80 && b[i + 2] == 0xBA ? 3 : 0 // ›
        default: return 0
        }
    }

    /// Whether the space at `i` follows `«` or `‹`.
    @inline(__always) static func followsOpeningGuillemet(_ b: [UInt8], _ i: Int) -> Bool {
        (i >= 2 && b[i - 2] == 0xC2 && b[i - 1] == 0xAB) || (i >= 3 && b[i - 3] == 0xE2 && b[i - 2] == 0x80 && b[i - 1] == 0xB9)
    }

    static func isWordStart(_ b: [UInt8], _ i: Int) -> Bool {
        guard i < b.count else { return false }
        let c = b[i]
        if c < 0x80 { return Byte.isAlnum(c) || c == Byte.underscore }
        var it = String(decoding: b[i..<min(b.count, i + 4)], as: UTF8.self).unicodeScalars.makeIterator()
        guard let s = it.next() else { return false }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    static func apply(_ b: [UInt8]) -> [UInt8] {
        var out: [UInt8]? = nil
        var copied = 0
        var i = 0
        while i < b.count {
            if b[i] == Byte.space {
                let len = markBefore(b, i + 1)
                if (len > 0 && !isWordStart(b, i + 1 + len)) || followsOpeningGuillemet(b, i) {
                    if out == nil { out = []; out!.reserveCapacity(b.count + 8) }
                    out!.append(contentsOf: b[copied..<i])
                    out!.append(contentsOf: nbsp)
                    copied = i + 1
                }
            }
            i += 1
        }
        guard var result = out else { return b }
        result.append(contentsOf: b[copied..<b.count])
        return result
    }

    static func apply(_ text: String, inPre: Bool) -> String {
        let b = Array(text.utf8)
        let r = apply(b)
        return r.count == b.count ? text : String(decoding: r, as: UTF8.self)
    }
}
