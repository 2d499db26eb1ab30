import Document

/// Pass 5: `[[Target#section|label]]trail`. As in MediaWiki the text is split at
/// each `[[` and each piece tried on its own, so a piece's label cannot run into
/// the next link and the pass stays linear. A link becomes `<a k=N>label</a>`
/// around text the later passes still format; bad titles stay literal text.
enum InternalLinks {
    static let namespaces: Set<String> = [
        "media", "special", "talk", "user", "user talk", "project", "project talk", "file", "file talk",
        "image", "image talk", "mediawiki", "mediawiki talk", "template", "template talk", "help",
        "help talk", "category", "category talk",
    ]

    @inline(__always) static func isTitleByte(_ c: UInt8) -> Bool {
        c >= 0x20 && c != 0x7F && c != Byte.lt && c != Byte.gt && c != Byte.lbrack && c != Byte.rbrack
            && c != Byte.lbrace && c != Byte.rbrace && c != Byte.pipe
    }

    static func run(_ src: [UInt8], pieces: inout PieceTable, reusing spare: consuming [UInt8] = []) -> Emitter {
        var e = Emitter(capacity: src.count, reusing: spare)
        let n = src.count
        // Positions of each "[[" (non-overlapping, left to right).
        var opens: [Int] = []
        var i = 0
        while i + 1 < n {
            i = Scan.firstOf(src, Byte.lbrack, Byte.lbrack, Byte.lbrack, from: i, to: n - 1)
            guard i < n - 1 else { break }
            if src[i + 1] == Byte.lbrack { opens.append(i); i += 2 } else { i += 1 }
        }
        guard !opens.isEmpty else {
            e.copy(src, 0, n)
            return e
        }
        e.copy(src, 0, opens[0])
        for (k, open) in opens.enumerated() {
            let lo = open + 2
            let hi = k + 1 < opens.count ? opens[k + 1] : n
            if !link(src, open: open, lo: lo, hi: hi, pieces: &pieces, into: &e) {
                e.copy(src, open, hi)
            }
        }
        return e
    }

    /// Tries one piece; writes it and returns true when it is a link.
    static func link(_ b: [UInt8], open: Int, lo: Int, hi: Int, pieces: inout PieceTable, into e: inout Emitter) -> Bool {
        var t = lo
        while t < hi, isTitleByte(b[t]) { t += 1 }
        guard t > lo, t < hi else { return false }
        var labelLo = -1, labelHi = -1
        var after: Int
        if b[t] == Byte.rbrack, t + 1 < hi, b[t + 1] == Byte.rbrack {
            after = t + 2
        } else if b[t] == Byte.pipe {
            // The label has at least one character and ends at the first `]]`.
            var q = t + 2
            while q + 1 < hi, !(b[q] == Byte.rbrack && b[q + 1] == Byte.rbrack) { q += 1 }
            guard q + 1 < hi else { return false }
            labelLo = t + 1; labelHi = q
            after = q + 2
        } else {
            return false
        }
        // `[[a|[b]]]`: the third `]` closes the label's bracket (T4095).
        if labelLo >= 0, after < hi, b[after] == Byte.rbrack, b[labelLo..<labelHi].contains(Byte.lbrack) {
            labelHi += 1
            after += 1
        }
        guard let link = resolve(b, lo, t) else { return false }
        var trailEnd = after
        while trailEnd < hi, b[trailEnd] >= 0x61, b[trailEnd] <= 0x7A { trailEnd += 1 }
        if link.kind == .category {
            e.emitMarker(pieces.add(.category(link)), at: open)
            e.copy(b, after, hi)
            return true
        }
        let index = pieces.add(.link(link))
        e.emitLinkOpen(index, at: open)
        if labelLo >= 0 {
            // The label's quotes pair up within the label, line by line.
            var l = labelLo
            while l < labelHi {
                var end = l
                while end < labelHi, b[end] != Byte.nl { end += 1 }
                Quotes.quoteLine(b, l, end, into: &e)
                if end < labelHi { e.copyByte(b, end) }
                l = end + 1
            }
        } else {
            // The text shown is the target as written (percent escapes decoded),
            // without a leading colon; it is not formatted further.
            var tlo = lo
            if b[tlo] == Byte.colon { tlo += 1 }
            var text = Entities.decode(b, tlo, t)
            if b[tlo..<t].contains(0x25) { text = percentDecoded(text) }
            e.emitMarker(pieces.add(.nowiki(text)), at: tlo)
        }
        e.copy(b, after, trailEnd)
        e.emit("</a>", at: trailEnd)
        e.copy(b, trailEnd, hi)
        return true
    }

    /// The link a target names, or nil when MediaWiki would reject the title.
    static func resolve(_ b: [UInt8], _ lo: Int, _ hi: Int) -> Link? {
        var t = Entities.decodeBytes(b, lo, hi)
        if t.contains(0x25) { t = Array(percentDecoded(String(decoding: t, as: UTF8.self)).utf8) }
        if t.contains(where: { $0 == Byte.lt || $0 == Byte.gt }) { return nil }
        // Titles cannot hold percent escapes or character references that survived decoding.
        if hasPercentEscape(t) || hasEntity(t) { return nil }
        if ExternalLinks.protocolLength(t, at: 0, allowRelative: true) > 0 { return nil }
        var start = 0
        let escaped = t.first == Byte.colon
        if escaped { start = 1 }
        var titleEnd = t.count
        var fragment: String?
        if let hash = t[start...].firstIndex(of: Byte.hash) {
            if hash + 1 < t.count { fragment = String(decoding: t[(hash + 1)...], as: UTF8.self) }
            titleEnd = hash
        }
        let (tlo, thi) = trimTitle(t, start, titleEnd)
        if tlo == thi && (titleEnd == t.count || escaped) { return nil }
        if thi - tlo > 255 || !isAllowedPath(t, tlo, thi) { return nil }
        var kind = Link.Kind.wiki
        if let colon = t[tlo..<thi].firstIndex(of: Byte.colon), colon - tlo <= 16 {
            let (nlo, nhi) = trimTitle(t, tlo, colon)
            let ns = String(decoding: t[nlo..<nhi], as: UTF8.self).lowercased()
            if namespaces.contains(ns) {
                let (rlo, rhi) = trimTitle(t, colon + 1, thi)
                if rlo == rhi { return nil }
                if ns == "category" && !escaped { kind = .category }
            }
        }
        return Link(kind: kind, target: String(decoding: t[tlo..<thi], as: UTF8.self), fragment: fragment, content: [])
    }


    /// Titles may not contain `~~~`, nor be or contain relative path steps
    /// (`.`, `..`, `./`, `../`, `/./`, `/../`, or end in `/.`, `/..`).
    static func isAllowedPath(_ b: [UInt8], _ lo: Int, _ hi: Int) -> Bool {
        var i = lo
        while i < hi {
            if b[i] == 0x7E, i + 2 < hi, b[i + 1] == 0x7E, b[i + 2] == 0x7E { return false }
            if b[i] == 0x2E, i == lo || b[i - 1] == Byte.slash {
                var j = i + 1
                if j < hi, b[j] == 0x2E { j += 1 }
                if j == hi || b[j] == Byte.slash { return false }
            }
            i += 1
        }
        return true
    }

    static func hasPercentEscape(_ b: [UInt8]) -> Bool {
        var i = 0
        while i + 2 < b.count {
            if b[i] == 0x25, isHex(b[i + 1]), isHex(b[i + 2]) { return true }
            i += 1
        }
        return false
    }

    static func isHex(_ c: UInt8) -> Bool { Byte.isDigit(c) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66) }

    static func hasEntity(_ b: [UInt8]) -> Bool {
        var i = 0
        while i < b.count {
            if b[i] == Byte.amp {
                var j = i + 1
                if j < b.count, b[j] == Byte.hash { j += 1 }
                let start = j
                while j < b.count, Byte.isAlnum(b[j]) { j += 1 }
                if j > start, j < b.count, b[j] == Byte.semicolon { return true }
            }
            i += 1
        }
        return false
    }

    /// Trims spaces, underscores and no-break spaces (titles treat them alike).
    static func trimTitle(_ b: [UInt8], _ lo: Int, _ hi: Int) -> (Int, Int) {
        var lo = lo, hi = hi
        while lo < hi {
            if b[lo] == Byte.space || b[lo] == Byte.underscore { lo += 1 }
            else if b[lo] == 0xC2, lo + 1 < hi, b[lo + 1] == 0xA0 { lo += 2 } else { break }
        }
        while hi > lo {
            if b[hi - 1] == Byte.space || b[hi - 1] == Byte.underscore { hi -= 1 }
            else if hi - 2 >= lo, b[hi - 2] == 0xC2, b[hi - 1] == 0xA0 { hi -= 2 } else { break }
        }
        return (lo, hi)
    }

    static func percentDecoded(_ s: String) -> String {
        let b = Array(s.utf8)
        var out: [UInt8] = []
        var i = 0
        func hex(_ c: UInt8) -> UInt8? {
            if Byte.isDigit(c) { return c - 0x30 }
            let l = c | 0x20
            return l >= 0x61 && l <= 0x66 ? l - 0x61 + 10 : nil
        }
        while i < b.count {
            if b[i] == 0x25, i + 2 < b.count, let h = hex(b[i + 1]), let l = hex(b[i + 2]) {
                out.append(h << 4 | l); i += 3
            } else {
                out.append(b[i]); i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
