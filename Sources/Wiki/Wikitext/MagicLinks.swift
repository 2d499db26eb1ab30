import Document

/// Pass 8: bare URLs in running text and the `ISBN`/`RFC`/`PMID` magic links,
/// never inside a tag or an existing link.
enum MagicLinks {
    @inline(__always) static func isWord(_ c: UInt8) -> Bool { Byte.isAlnum(c) || c == Byte.underscore }

    /// By byte: 1 for `<`, 2 for a letter that may start a bare URL or an
    /// `ISBN`/`RFC`/`PMID` link, 0 otherwise. Other letters can start neither,
    /// so the scan passes over them without trying.
    static let byteClass: [UInt8] = {
        var t = [UInt8](repeating: 0, count: 256)
        t[Int(Byte.lt)] = 1
        for c in 0..<256 where Byte.isASCIILetter(UInt8(c)) {
            if !ExternalLinks.protocolsByFirstByte[Int(Byte.lower(UInt8(c)))].isEmpty { t[c] = 2 }
        }
        for c in "IRP".utf8 { t[Int(c)] = 2 }
        return t
    }()

    /// The next index at or after `from` holding `<` or a letter of class 2
    /// that starts a word and may start a link, or `n`. Every protocol but `//`
    /// is letters and `:`, so a word whose letters are not followed by `:`
    /// starts a link only as `ISBN`, `RFC` or `PMID`: the scan looks for `<`,
    /// `:`, `I`, `R` and `P` only, and from a `:` back to its word's start.
    @inline(__always)
    static func nextCandidate(_ src: [UInt8], _ table: [UInt8], from: Int) -> Int {
        let n = src.count
        var i = from
        while i < n {
            let j = Scan.firstOf(src, Byte.lt, Byte.colon, 0x49, 0x52, 0x50, from: i, to: n)
            guard j < n else { return n }
            let c = src[j]
            if c == Byte.lt { return j }
            if c == Byte.colon {
                // Back to the first letter of the run, but not before `from`:
                // those positions the caller has dealt with.
                var s = j
                while s > from, Byte.isASCIILetter(src[s - 1]) { s -= 1 }
                if s < j, table[Int(src[s])] == 2, s == 0 || !isWord(src[s - 1]) { return s }
            } else if j == 0 || !isWord(src[j - 1]) {
                return j
            }
            i = j + 1
        }
        return max(from, n)
    }

    static func run(_ src: [UInt8], pieces: inout PieceTable, reusing spare: consuming [UInt8] = []) -> Emitter {
        var e = Emitter(capacity: src.count, reusing: spare)
        let n = src.count
        var cursor = 0
        var i = 0
        var linkCloseFound = -1 // cached position of the next `</a>`
        let closeA = Array("</a>".utf8)
        let table = byteClass
        precondition(table.count == 256)
        while i < n {
            i = nextCandidate(src, table, from: i)
            guard i < n else { break }
            let c = src[i]
            if c == Byte.lt {
                if i + 2 < n, src[i + 1] == 0x61, src[i + 2] == Byte.space || src[i + 2] == Byte.gt {
                    // Skip a whole link: its label is not scanned for URLs.
                    if linkCloseFound < i {
                        linkCloseFound = Scan.find(src, closeA, from: i) ?? Int.max
                    }
                    if linkCloseFound != Int.max { i = linkCloseFound + closeA.count; continue }
                }
                i = Scan.firstOf(src, Byte.gt, Byte.gt, Byte.gt, from: i, to: n) + 1
                continue
            }
            guard Byte.isASCIILetter(c), i == 0 || src[i - 1] < 0x80 ? (i == 0 || !isWord(src[i - 1])) : true else {
                i += 1
                continue
            }
            if let (end, link, shown) = freeURL(src, at: i).map({ ($0.0, $0.1, nil as String?) }) ?? numbered(src, at: i),
               i == 0 || src[i - 1] < 0x80 || !previousScalarIsWord(src, i) {
                e.copy(src, cursor, i)
                let index = pieces.add(.link(link))
                e.emitLinkOpen(index, at: i)
                if let shown { e.emit(Array(shown.utf8), at: i) } else { e.copy(src, i, end) }
                e.emit("</a>", at: end)
                cursor = end
                i = end
                continue
            }
            // Skip the rest of the word: magic links start only at word boundaries.
            i += 1
            while i < n, isWord(src[i]) { i += 1 }
        }
        e.copy(src, cursor, n)
        return e
    }

    /// Whether the character ending just before `i` is a Unicode letter or digit.
    static func previousScalarIsWord(_ b: [UInt8], _ i: Int) -> Bool {
        var start = i - 1
        while start > 0, b[start] & 0xC0 == 0x80, i - start < 4 { start -= 1 }
        guard let s = String(decoding: b[start..<i], as: UTF8.self).unicodeScalars.first else { return false }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    static func freeURL(_ b: [UInt8], at i: Int) -> (Int, Link)? {
        let plen = ExternalLinks.protocolLength(b, at: i, allowRelative: false)
        guard plen > 0 else { return nil }
        var end = ExternalLinks.urlEnd(b, from: ExternalLinks.ipv6HostEnd(b, at: i + plen), limit: b.count)
        end = ExternalLinks.cutAtEscapedAngle(b, i, end)
        // Trailing punctuation belongs to the sentence; `)` too unless the URL has `(`.
        let hasParen = b[i..<end].contains(0x28)
        var k = end
        while k > i + plen {
            let c = b[k - 1]
            if c == 0x2C || c == Byte.semicolon || c == 0x2E || c == Byte.colon || c == Byte.bang || c == 0x3F || c == 0x5C
                || (c == 0x29 && !hasParen) {
                k -= 1
            } else {
                break
            }
        }
        // Keep the `;` of a trailing character reference.
        if k < end, b[k] == Byte.semicolon {
            var j = k - 1
            while j > i, Byte.isAlnum(b[j]) || b[j] == Byte.hash { j -= 1 }
            if j >= i, b[j] == Byte.amp, j < k - 1 { k += 1 }
        }
        end = k
        guard end > i + plen else { return nil }
        let url = Entities.decode(b, i, end)
        return (end, Link(kind: .bareURL, target: url, content: []))
    }

    /// `ISBN 0-12-345678-9`, `RFC 1234`, `PMID 1234`.
    static let numberedKinds: [(String, [UInt8])] = [("ISBN", Array("ISBN".utf8)), ("RFC", Array("RFC".utf8)),
                                                     ("PMID", Array("PMID".utf8))]
    static let spaceEntities: [[UInt8]] = ["&nbsp;", "&#160;", "&#0160;", "&#xa0;", "&#xA0;", "&#Xa0;", "&#XA0;"]
        .map { Array($0.utf8) }

    /// The length of one space (space, tab, NBSP, or an NBSP reference) at `j`, or 0.
    static func spaceLength(_ b: [UInt8], _ j: Int) -> Int {
        guard j < b.count else { return 0 }
        if b[j] == Byte.space || b[j] == Byte.tab { return 1 }
        if b[j] == 0xC2, j + 1 < b.count, b[j + 1] == 0xA0 { return 2 }
        if b[j] == Byte.amp, let entity = spaceEntities.first(where: { Scan.hasBytes(b, $0, at: j) }) { return entity.count }
        return 0
    }

    /// `ISBN 0-12-345678-9`, `RFC 1234`, `PMID 1234`. The link text has the
    /// spaces normalised, as MediaWiki shows it.
    static func numbered(_ b: [UInt8], at i: Int) -> (Int, Link, String)? {
        let first = b[i]
        guard first == 0x49 || first == 0x52 || first == 0x50 else { return nil }
        for (word, bytes) in numberedKinds where Scan.hasBytes(b, bytes, at: i) {
            var j = i + bytes.count
            let spacesStart = j
            while case let l = spaceLength(b, j), l > 0 { j += l }
            guard j > spacesStart, j < b.count, Byte.isDigit(b[j]) else { return nil }
            if word == "ISBN" {
                var k = j
                var digits: [UInt8] = []
                var shown: [UInt8] = []
                var lastEnd = j
                while k < b.count, digits.count < 13 {
                    let c = b[k]
                    if Byte.isDigit(c) || ((c | 0x20) == 0x78 && (digits.count == 9 || digits.count == 12)) {
                        digits.append(Byte.isDigit(c) ? c : 0x58)
                        shown.append(c)
                        k += 1
                        lastEnd = k
                        if !Byte.isDigit(c) { break }
                        continue
                    }
                    // One separator (a dash or a space) between digits.
                    let sep = c == Byte.dash ? 1 : spaceLength(b, k)
                    guard sep > 0, k + sep < b.count, Byte.isDigit(b[k + sep]) || (b[k + sep] | 0x20) == 0x78 else { break }
                    shown.append(c == Byte.dash ? Byte.dash : Byte.space)
                    k += sep
                }
                guard digits.count == 10 || digits.count == 13 else { return nil }
                if lastEnd < b.count, isWord(b[lastEnd]) { return nil }
                let num = String(decoding: digits, as: UTF8.self)
                return (lastEnd, Link(kind: .wiki, target: "Special:BookSources/\(num)", content: []),
                        "ISBN " + String(decoding: shown, as: UTF8.self))
            }
            var k = j
            while k < b.count, Byte.isDigit(b[k]) { k += 1 }
            if k < b.count, isWord(b[k]) { return nil }
            let num = String(decoding: b[j..<k], as: UTF8.self)
            let url = word == "RFC" ? "https://datatracker.ietf.org/doc/html/rfc\(num)"
                                    : "https://www.ncbi.nlm.nih.gov/pubmed/\(num)?dopt=Abstract"
            return (k, Link(kind: .external, target: url, content: []), "\(word) \(num)")
        }
        return nil
    }
}
