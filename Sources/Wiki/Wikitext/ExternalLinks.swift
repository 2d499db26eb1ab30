import Document

/// Pass 7: `[url label]` and numbered `[url]` links. A link becomes
/// `<a k=N>label</a>`. Scanning for the closing `]` restarts where the last
/// scan stopped, so many unclosed `[http://` stay linear.
enum ExternalLinks {
    /// MediaWiki's default URL protocols (lower-case).
    static let protocols: [String] = [
        "bitcoin:", "ftp://", "ftps://", "geo:", "git://", "gopher://", "http://", "https://", "irc://",
        "ircs://", "magnet:", "mailto:", "matrix:", "mms://", "news:", "nntp://", "redis://", "sftp://",
        "sip:", "sips:", "sms:", "ssh://", "svn://", "tel:", "telnet://", "urn:", "worldwind://", "xmpp:", "//",
    ]
    static let protocolBytes: [[UInt8]] = protocols.map { Array($0.utf8) }

    /// The protocols by their first (lower-case) byte, so a word that starts no
    /// protocol costs one table lookup.
    static let protocolsByFirstByte: [[[UInt8]]] = {
        var table = [[[UInt8]]](repeating: [], count: 256)
        for p in protocolBytes { table[Int(p[0])].append(p) }
        return table
    }()

    /// The length of a protocol starting at `at`, or 0.
    static func protocolLength(_ b: [UInt8], at: Int, allowRelative: Bool) -> Int {
        guard at < b.count else { return 0 }
        for p in protocolsByFirstByte[Int(Byte.lower(b[at]))] {
            if !allowRelative && p.count == 2 { continue }
            if Scan.hasWordIgnoringCase(b, p, at: at) { return p.count }
        }
        return 0
    }

    /// Bytes a URL may contain (MediaWiki's EXT_LINK_URL_CLASS, by byte).
    @inline(__always) static func isURLByte(_ c: UInt8) -> Bool {
        c > 0x20 && c != 0x7F && c != Byte.lbrack && c != Byte.rbrack && c != Byte.lt && c != Byte.gt && c != Byte.quote
    }

    /// The end of a URL starting at `from`: stops at non-URL bytes and at
    /// Unicode spaces (NBSP, U+3000, …) and U+FFFD, which are multi-byte.
    static func urlEnd(_ b: [UInt8], from: Int, limit: Int) -> Int {
        var i = from
        while i < limit {
            let c = b[i]
            if c < 0x80 {
                if !isURLByte(c) { break }
                i += 1
            } else {
                if unicodeSpaceLength(b, at: i) > 0 { break }
                if c == 0xEF, i + 2 < b.count, b[i + 1] == 0xBF, b[i + 2] == 0xBD { break }
                i += 1
            }
        }
        return i
    }

    /// The byte length of a Unicode space separator (other than U+0020) at `at`, or 0.
    static func unicodeSpaceLength(_ b: [UInt8], at i: Int) -> Int {
        let c = b[i]
        if c == 0xC2, i + 1 < b.count, b[i + 1] == 0xA0 { return 2 }
        if c == 0xE1, i + 2 < b.count, b[i + 1] == 0x9A, b[i + 2] == 0x80 { return 3 }
        if c == 0xE2, i + 2 < b.count {
            let d = b[i + 1], f = b[i + 2]
            if d == 0x80, (f >= 0x80 && f <= 0x8A) || f == 0xAF { return 3 }
            if d == 0x81, f == 0x9F { return 3 }
        }
        if c == 0xE3, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0x80 { return 3 }
        return 0
    }

    /// The end of a bracketed IPv6 host (`[2001:db8::1]`) starting at `at`, or `at`.
    static func ipv6HostEnd(_ b: [UInt8], at: Int) -> Int {
        guard at < b.count, b[at] == Byte.lbrack else { return at }
        var i = at + 1
        while i < b.count, Byte.isDigit(b[i]) || ((b[i] | 0x20) >= 0x61 && (b[i] | 0x20) <= 0x66) || b[i] == Byte.colon || b[i] == 0x2E {
            i += 1
        }
        return i > at + 1 && i < b.count && b[i] == Byte.rbrack ? i + 1 : at
    }

    /// `&lt;` or `&gt;` (the sanitizer's escapes) end a URL.
    static func cutAtEscapedAngle(_ b: [UInt8], _ lo: Int, _ hi: Int) -> Int {
        var i = lo
        while i + 3 < hi + 1, i < hi {
            if b[i] == Byte.amp, i + 3 < b.count, (b[i + 1] == 0x6C || b[i + 1] == 0x67), b[i + 2] == 0x74,
               b[i + 3] == Byte.semicolon {
                return i
            }
            i += 1
        }
        return hi
    }

    static func run(_ src: [UInt8], pieces: inout PieceTable, reusing spare: consuming [UInt8] = []) -> Emitter {
        var e = Emitter(capacity: src.count, reusing: spare)
        let n = src.count
        var cursor = 0
        var i = 0
        var autonumber = 0
        var stop = -1 // next `]` or line-breaking byte at or after the current scan
        let linkOpen = Array("<a k=".utf8), linkClose = Array("</a>".utf8)
        var closeFound = -1 // cached position of the next `</a>`
        while i < n {
            i = Scan.firstOf(src, Byte.lt, Byte.lbrack, Byte.lbrack, from: i, to: n)
            guard i < n else { break }
            // An internal link's label is not searched for external links.
            if src[i] == Byte.lt, Scan.hasBytes(src, linkOpen, at: i) {
                if closeFound < i {
                    closeFound = Scan.find(src, linkClose, from: i) ?? Int.max
                }
                if closeFound != Int.max { i = closeFound + linkClose.count; continue }
            }
            guard src[i] == Byte.lbrack else { i += 1; continue }
            let plen = protocolLength(src, at: i + 1, allowRelative: true)
            guard plen > 0 else { i += 1; continue }
            // A bracketed IPv6 host holds a `]` that does not end the link.
            let hostEnd = ipv6HostEnd(src, at: i + 1 + plen)
            if stop < hostEnd {
                stop = hostEnd
                while stop < n {
                    let c = src[stop]
                    if c == Byte.rbrack || c < 0x09 || (c >= 0x0A && c <= 0x1F) { break }
                    stop += 1
                }
            }
            guard stop < n, src[stop] == Byte.rbrack else { i += 1; continue }
            var urlHi = urlEnd(src, from: hostEnd, limit: stop)
            var textLo = urlHi
            let cut = cutAtEscapedAngle(src, i + 1, urlHi)
            if cut < urlHi { urlHi = cut; textLo = cut } else {
                while textLo < stop {
                    if src[textLo] == Byte.space { textLo += 1; continue }
                    let l = src[textLo] >= 0x80 ? unicodeSpaceLength(src, at: textLo) : 0
                    if l == 0 { break }
                    textLo += l
                }
            }
            let url = Entities.decode(src, i + 1, urlHi)
            e.copy(src, cursor, i)
            let index = pieces.add(.link(Link(kind: .external, target: url, content: [])))
            e.emitLinkOpen(index, at: i)
            if textLo < stop {
                e.copy(src, textLo, stop)
            } else {
                autonumber += 1
                e.emit(Array("[\(autonumber)]".utf8), at: i)
            }
            e.emit("</a>", at: stop)
            cursor = stop + 1
            i = stop + 1
        }
        e.copy(src, cursor, n)
        return e
    }
}
