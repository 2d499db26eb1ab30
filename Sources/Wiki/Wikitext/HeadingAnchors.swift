import Document

/// Heading ids as MediaWiki makes them (HTML5 mode): the heading's text with
/// whitespace runs as `_`, made unique with `_2`, `_3`… (ignoring case, as
/// MediaWiki does).
struct HeadingAnchors {
    var used: Set<String> = []

    mutating func unique(for content: [Inline]) -> String {
        let text = content.plainText
        var base = ""
        if let ascii = Self.asciiBase(text) {
            base = ascii
        } else {
            var lastWasSpace = false
            for ch in text.trimmingWhitespace() {
                if ch.isWhitespace { if !lastWasSpace { base.append("_") }; lastWasSpace = true } else { base.append(ch); lastWasSpace = false }
            }
        }
        var candidate = base
        var n = 2
        while used.contains(candidate.lowercased()) {
            candidate = "\(base)_\(n)"
            n += 1
        }
        used.insert(candidate.lowercased())
        return candidate
    }
}

extension HeadingAnchors {
    /// The base id of all-ASCII text, byte by byte (the same result as the
    /// character walk: ASCII whitespace is tab through CR and space, and a CRLF
    /// pair joins one whitespace run either way); nil for other text.
    static func asciiBase(_ text: String) -> String? {
        var out: [UInt8] = []
        var ok = true
        text.utf8.withContiguousStorageIfAvailable { u in
            out.reserveCapacity(u.count)
            var pendingSpace = false
            for c in u {
                if c >= 0x80 { ok = false; return }
                if c == 0x20 || (c >= 0x09 && c <= 0x0D) {
                    pendingSpace = !out.isEmpty
                } else {
                    if pendingSpace { out.append(0x5F); pendingSpace = false }
                    out.append(c)
                }
            }
        }
        guard ok, text.utf8.withContiguousStorageIfAvailable({ _ in true }) == true else { return nil }
        return String(decoding: out, as: UTF8.self)
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> Substring {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return s
    }
}
