/// Pass 4: the line-start constructs that become single tags: `----` rules,
/// `= headings =`, and double-underscore behaviour switches (dropped: they
/// steer page furniture such as the table of contents).
enum LineMarkup {
    static let switches: [[UInt8]] = [
        "notoc", "forcetoc", "toc", "noeditsection", "newsectionlink", "nonewsectionlink", "nogallery",
        "hiddencat", "expectunusedcategory", "nocontentconvert", "nocc", "notitleconvert", "notc", "index",
        "noindex", "staticredirect", "disambig",
    ].map { Array($0.utf8) }

    static func run(_ src: [UInt8], reusing spare: consuming [UInt8] = []) -> Emitter {
        var e = Emitter(capacity: src.count, reusing: spare)
        let n = src.count
        // Lines starting with neither `-` nor `=` change only where a switch
        // is; between those the text is copied in one piece (the offset map is
        // the same as for line-by-line copies).
        var cursor = 0
        var lineStart = 0
        while lineStart < n {
            let first = src[lineStart]
            if first != Byte.dash && first != Byte.equals {
                var i = lineStart
                while true {
                    i = Scan.firstOf(src, Byte.nl, Byte.underscore, Byte.underscore, from: i, to: n)
                    if i >= n { lineStart = n; break }
                    if src[i] == Byte.nl { lineStart = i + 1; break }
                    // A switch lies within its line, so the line's bounds need no check here.
                    let matched = switchLength(src, at: i, hi: n)
                    if matched > 0 {
                        e.copy(src, cursor, i)
                        i += matched
                        cursor = i
                    } else {
                        i += 1
                    }
                }
                continue
            }
            e.copy(src, cursor, lineStart)
            let lineEnd = Scan.lineEnd(src, from: lineStart)
            let next = lineEnd < n ? lineEnd + 1 : lineEnd
            cursor = next
            if src[lineStart] == Byte.dash, lineEnd - lineStart >= 4,
               src[lineStart + 1] == Byte.dash, src[lineStart + 2] == Byte.dash, src[lineStart + 3] == Byte.dash {
                var k = lineStart + 4
                while k < lineEnd, src[k] == Byte.dash { k += 1 }
                e.emit("<hr />", at: lineStart)
                copyWithoutSwitches(src, k, next, into: &e)
            } else if src[lineStart] == Byte.equals, let h = heading(src, lineStart, lineEnd) {
                e.emit(Array("<h\(h.level)>".utf8), at: lineStart)
                copyWithoutSwitches(src, h.lo, h.hi, into: &e)
                e.emit(Array("</h\(h.level)>".utf8), at: h.hi)
                if lineEnd < n { e.copyByte(src, lineEnd) }
            } else {
                copyWithoutSwitches(src, lineStart, next, into: &e)
            }
            lineStart = next
        }
        e.copy(src, cursor, n)
        return e
    }

    /// `^(={k})(.+)\1\s*$` for the largest k up to 6 that fits.
    static func heading(_ b: [UInt8], _ lo: Int, _ hi: Int) -> (level: Int, lo: Int, hi: Int)? {
        var end = hi
        while end > lo, Byte.isWhitespace(b[end - 1]) { end -= 1 }
        var lead = 0
        while lo + lead < end, b[lo + lead] == Byte.equals, lead < 6 { lead += 1 }
        var trail = 0
        while end - trail > lo, b[end - trail - 1] == Byte.equals, trail < 6 { trail += 1 }
        var k = min(lead, trail)
        while k >= 1 {
            if end - lo >= 2 * k + 1 { return (k, lo + k, end - k) }
            k -= 1
        }
        return nil
    }

    /// Copies a range, leaving out `__NOTOC__`-style switches.
    static func copyWithoutSwitches(_ src: [UInt8], _ lo: Int, _ hi: Int, into e: inout Emitter) {
        var cursor = lo
        var i = lo
        while i + 4 < hi {
            let matched = switchLength(src, at: i, hi: hi)
            if matched > 0 {
                e.copy(src, cursor, i)
                i += matched
                cursor = i
                continue
            }
            i += 1
        }
        e.copy(src, cursor, hi)
    }

    /// The length of the switch (`__NOTOC__`) at `i`, ending by `hi`, or 0.
    @inline(__always)
    static func switchLength(_ src: [UInt8], at i: Int, hi: Int) -> Int {
        guard i + 4 < hi, src[i] == Byte.underscore, src[i + 1] == Byte.underscore, Byte.isASCIILetter(src[i + 2]) else {
            return 0
        }
        var matched = 0
        for word in switches where Scan.hasWordIgnoringCase(src, word, at: i + 2) {
            let after = i + 2 + word.count
            if after + 2 <= hi, src[after] == Byte.underscore, src[after + 1] == Byte.underscore {
                matched = max(matched, word.count + 4)
            }
        }
        return matched
    }
}
