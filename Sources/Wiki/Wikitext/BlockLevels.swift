/// Pass 9, MediaWiki's block-level pass: list prefixes (`*#:;`) become nested
/// lists, lines starting with a space become `<pre>`, and the rest is wrapped
/// in paragraphs, where one blank line starts a new paragraph and each further
/// one adds a `<br />`. Lines holding block tags neither open nor close
/// paragraphs. Works line by line with a fixed amount of state (lists open
/// iteratively, so ten thousand levels need no recursion).
struct BlockLevels {
    let src: [UInt8]
    let pieces: PieceTable
    var e: Emitter
    var lastParagraph = ""   // "", "p" or "pre"
    var inPre = false
    var dtOpen = false

    static func run(_ src: [UInt8], pieces: PieceTable, reusing spare: consuming [UInt8] = []) -> Emitter {
        var pass = BlockLevels(src: src, pieces: pieces, e: Emitter(capacity: src.count, reusing: spare))
        pass.process()
        return pass.e
    }

    mutating func out(_ s: String, _ at: Int) {
        var s = s // these are all small strings: no array, no allocation
        s.withUTF8 { e.emit($0, at: at) }
    }

    mutating func closeParagraph(_ at: Int, atTheEnd: Bool = false) {
        if !lastParagraph.isEmpty {
            out("</\(lastParagraph)>" + (atTheEnd ? "" : "\n"), at)
        }
        inPre = false
        lastParagraph = ""
    }

    mutating func openList(_ c: UInt8, _ at: Int) {
        closeParagraph(at)
        switch c {
        case Byte.star: out("<ul><li>", at)
        case Byte.hash: out("<ol><li>", at)
        case Byte.colon: out("<dl><dd>", at)
        default: out("<dl><dt>", at); dtOpen = true
        }
    }

    mutating func nextItem(_ c: UInt8, _ at: Int) {
        if c == Byte.star || c == Byte.hash { out("</li>\n<li>", at); return }
        let close = dtOpen ? "</dt>\n" : "</dd>\n"
        if c == Byte.semicolon { dtOpen = true; out(close + "<dt>", at) } else { dtOpen = false; out(close + "<dd>", at) }
    }

    mutating func closeList(_ c: UInt8, _ at: Int) {
        switch c {
        case Byte.star: out("</li></ul>", at)
        case Byte.hash: out("</li></ol>", at)
        default:
            if dtOpen { dtOpen = false; out("</dt></dl>", at) } else { out("</dd></dl>", at) }
        }
    }

    // swiftlint:disable:next function_body_length cyclomatic_complexity
    mutating func process() {
        let n = src.count
        var lastPrefix: [UInt8] = []
        var pendingPTag: String? = nil
        var inBlockElem = false
        var inBlockquote = false
        var prefixLength = 0
        var prefix2: [UInt8] = []
        var afterHeading = false
        var lineStart = 0
        while lineStart <= n {
            let lineEnd = Scan.lineEnd(src, from: lineStart)
            let notLastLine = lineEnd < n
            let scan = LineTags.scan(src, lineStart, lineEnd, pieces: pieces)
            var tLo = lineStart
            let tHi = lineEnd
            var prefix: [UInt8] = []
            if !inPre {
                var k = lineStart
                while k < lineEnd, src[k] == Byte.star || src[k] == Byte.hash || src[k] == Byte.colon || src[k] == Byte.semicolon {
                    k += 1
                }
                prefix = Array(src[lineStart..<k])
                prefixLength = prefix.count
                prefix2 = prefix.map { $0 == Byte.semicolon ? Byte.colon : $0 }
                tLo = k
                inPre = scan.preOpen
            } else {
                prefixLength = 0
                prefix2 = []
            }

            if prefixLength > 0 && lastPrefix == prefix2 {
                // Same list level as the last line: just a new item.
                nextItem(prefix[prefixLength - 1], lineStart)
                pendingPTag = nil
                if prefix[prefixLength - 1] == Byte.semicolon, let colon = ColonFinder.find(src, tLo, tHi) {
                    e.copy(src, tLo, colon)
                    nextItem(Byte.colon, colon)
                    tLo = colon + 1
                }
            } else if prefixLength > 0 || !lastPrefix.isEmpty {
                var common = 0
                while common < min(prefix.count, lastPrefix.count), prefix[common] == lastPrefix[common] { common += 1 }
                pendingPTag = nil
                var lastLength = lastPrefix.count
                while common < lastLength {
                    closeList(lastPrefix[lastLength - 1], lineStart)
                    lastLength -= 1
                }
                if prefixLength <= common && common > 0 { nextItem(prefix[common - 1], lineStart) }
                // `;term` then `::x`: the term ends and a definition holds the nested list.
                if dtOpen && common > 0 && prefixLength > common && prefix[common - 1] == Byte.colon {
                    nextItem(Byte.colon, lineStart)
                }
                if !lastPrefix.isEmpty && prefixLength > common { out("\n", lineStart) }
                while prefixLength > common {
                    let c = prefix[common]
                    openList(c, lineStart)
                    if c == Byte.semicolon, let colon = ColonFinder.find(src, tLo, tHi) {
                        e.copy(src, tLo, colon)
                        nextItem(Byte.colon, colon)
                        tLo = colon + 1
                    }
                    common += 1
                }
                if prefixLength == 0 && !lastPrefix.isEmpty { out("\n", lineStart) }
                lastPrefix = prefix2
            }

            if prefixLength == 0 {
                // Blank lines right after a heading are swallowed.
                let (hlo, hhi) = Scan.trimmed(src, tLo, tHi)
                if afterHeading && hlo == hhi && !inPre {
                    lineStart = lineEnd + 1
                    continue
                }
                afterHeading = hhi - hlo >= 4 && src[hlo] == Byte.lt && (src[hlo + 1] | 0x20) == 0x68
                    && Byte.isDigit(src[hlo + 2]) && src[hhi - 1] == Byte.gt
                let tScan = tLo == lineStart ? scan : LineTags.scan(src, tLo, tHi, pieces: pieces)
                if tScan.open || tScan.close {
                    pendingPTag = nil
                    closeParagraph(lineStart)
                    if scan.preOpen && !scan.preClose { inPre = true }
                    if let bq = tScan.lastBlockquoteIsOpen { inBlockquote = bq }
                    inBlockElem = !tScan.close
                } else if !inBlockElem && !inPre {
                    let (trimLo, trimHi) = Scan.trimmed(src, tLo, tHi)
                    let blank = trimLo == trimHi
                    if tLo < tHi, src[tLo] == Byte.space, lastParagraph == "pre" || !blank, !inBlockquote {
                        if lastParagraph != "pre" {
                            pendingPTag = nil
                            closeParagraph(lineStart)
                            out("<pre>", lineStart)
                            lastParagraph = "pre"
                        }
                        tLo += 1
                    } else if blank {
                        if let pending = pendingPTag {
                            out(pending + "<br />", lineStart)
                            pendingPTag = nil
                            lastParagraph = "p"
                        } else if lastParagraph != "p" {
                            closeParagraph(lineStart)
                            pendingPTag = "<p>"
                        } else {
                            pendingPTag = "</p><p>"
                        }
                    } else if let pending = pendingPTag {
                        out(pending, lineStart)
                        pendingPTag = nil
                        lastParagraph = "p"
                    } else if lastParagraph != "p" {
                        closeParagraph(lineStart)
                        out("<p>", lineStart)
                        lastParagraph = "p"
                    }
                }
            }
            if scan.preClose && inPre { inPre = false }
            if pendingPTag == nil {
                if prefixLength == 0 {
                    e.copy(src, tLo, tHi)
                    if notLastLine || !lastParagraph.isEmpty {
                        if notLastLine { e.copyByte(src, lineEnd) } else { out("\n", lineEnd) }
                    }
                } else {
                    let (a, b) = Scan.trimmed(src, tLo, tHi)
                    e.copy(src, a, b)
                }
            }
            lineStart = lineEnd + 1
        }
        while prefixLength > 0 {
            closeList(prefix2[prefixLength - 1], n)
            prefixLength -= 1
            if prefixLength == 0 { out("\n", n) }
        }
        if !lastParagraph.isEmpty {
            out("</\(lastParagraph)>", n)
            lastParagraph = ""
        }
    }
}

/// What the block-level pass needs to know about the tags on one line.
struct LineTags {
    var open = false
    var close = false
    var preOpen = false
    var preClose = false
    /// Whether the line's last `<blockquote>`/`</blockquote>` opens (nil: none).
    var lastBlockquoteIsOpen: Bool?

    /// Tags after which the line is still inside a block (closing a list item or
    /// cell leaves you in the list or table).
    static let openers: [[UInt8]] = ["<table", "<h1", "<h2", "<h3", "<h4", "<h5", "<h6", "<pre", "<tr", "<p", "<ul",
                                     "<ol", "<dl", "<li", "<dd", "<dt", "</tr", "</td", "</th", "</li", "</dd",
                                     "</dt"].map { Array($0.utf8) }
    /// Tags after which paragraphs may start again.
    static let closers: [[UInt8]] = ["</table", "</h1", "</h2", "</h3", "</h4", "</h5", "</h6", "<td", "<th",
                                     "<blockquote", "</blockquote", "<div", "</div", "<hr", "</pre", "</p",
                                     "</ul", "</ol", "</dl", "<center", "</center"].map { Array($0.utf8) }

    static let pre = Array("pre".utf8), blockquote = Array("blockquote".utf8)
    static let table = Array("table".utf8), div = Array("div".utf8), center = Array("center".utf8)

    /// The lower-cased byte at `k`, or 0 past the end.
    @inline(__always)
    static func lowerAt(_ b: [UInt8], _ k: Int) -> UInt8 { k < b.count ? Byte.lower(b[k]) : 0 }

    /// Whether a tag name starting at `at` begins with one of `openers` (as a prefix,
    /// like the lists above).
    @inline(__always)
    static func isOpener(_ b: [UInt8], _ at: Int, closing: Bool) -> Bool {
        let c0 = lowerAt(b, at), c1 = lowerAt(b, at + 1)
        if closing {
            switch c0 {
            case 0x74: return c1 == 0x72 || c1 == 0x64 || c1 == 0x68 // tr td th
            case 0x6C: return c1 == 0x69 // li
            case 0x64: return c1 == 0x64 || c1 == 0x74 // dd dt
            default: return false
            }
        }
        switch c0 {
        case 0x74: return c1 == 0x72 || Scan.hasWordIgnoringCase(b, table, at: at) // tr table
        case 0x68: return c1 >= 0x31 && c1 <= 0x36 // h1-h6
        case 0x70: return true // p, pre
        case 0x75, 0x6F: return c1 == 0x6C // ul ol
        case 0x64: return c1 == 0x6C || c1 == 0x64 || c1 == 0x74 // dl dd dt
        case 0x6C: return c1 == 0x69 // li
        default: return false
        }
    }

    /// Whether a tag name starting at `at` begins with one of `closers`.
    @inline(__always)
    static func isCloser(_ b: [UInt8], _ at: Int, closing: Bool) -> Bool {
        let c0 = lowerAt(b, at), c1 = lowerAt(b, at + 1)
        switch c0 {
        case 0x62: return Scan.hasWordIgnoringCase(b, blockquote, at: at)
        case 0x63: return Scan.hasWordIgnoringCase(b, center, at: at)
        default: break
        }
        if closing {
            switch c0 {
            case 0x74: return Scan.hasWordIgnoringCase(b, table, at: at)
            case 0x68: return c1 >= 0x31 && c1 <= 0x36
            case 0x64: return c1 == 0x6C || Scan.hasWordIgnoringCase(b, div, at: at) // dl div
            case 0x70: return true // p, pre
            case 0x75, 0x6F: return c1 == 0x6C
            default: return false
            }
        }
        switch c0 {
        case 0x74: return c1 == 0x64 || c1 == 0x68 // td th
        case 0x64: return Scan.hasWordIgnoringCase(b, div, at: at)
        case 0x68: return c1 == 0x72 // hr
        default: return false
        }
    }

    static func scan(_ b: [UInt8], _ lo: Int, _ hi: Int, pieces: PieceTable) -> LineTags {
        var r = LineTags()
        var i = lo
        while i < hi {
            i = Scan.firstOf(b, Byte.lt, Byte.marker, Byte.marker, from: i, to: hi)
            guard i < hi else { break }
            let c = b[i]
            if c == Byte.lt, i + 1 < hi {
                // Only tags starting with these letters matter here.
                let next = Byte.lower(b[i + 1] == Byte.slash && i + 2 < hi ? b[i + 2] : b[i + 1])
                switch next {
                case 0x62, 0x63, 0x64, 0x68, 0x6C, 0x6F, 0x70, 0x74, 0x75: break // b c d h l o p t u
                default: i += 1; continue
                }
                let closing = i + 1 < hi && b[i + 1] == Byte.slash
                let nameAt = closing ? i + 2 : i + 1
                // Of the names starting with `b` only `blockquote` matters (not `<b>`).
                if next == 0x62, lowerAt(b, nameAt + 1) != 0x6C { i += 1; continue }
                if !r.open { r.open = isOpener(b, nameAt, closing: closing) }
                if !r.close { r.close = isCloser(b, nameAt, closing: closing) }
                if Scan.hasWordIgnoringCase(b, pre, at: nameAt) {
                    if closing { r.preClose = true } else { r.preOpen = true }
                }
                if Scan.hasWordIgnoringCase(b, blockquote, at: nameAt),
                   nameAt + 10 < b.count, Byte.isWhitespace(b[nameAt + 10]) || b[nameAt + 10] == Byte.gt {
                    r.lastBlockquoteIsOpen = !closing
                }
            } else if c == Byte.marker, let (index, end) = PieceTable.readMarker(b, at: i) {
                if index < pieces.pieces.count, pieces.pieces[index].isBlock { r.close = true }
                i = end
                continue
            }
            i += 1
        }
        return r
    }
}

/// Finds the `:` that ends a `;term`, skipping colons inside tags and inside
/// elements (so URLs and link labels keep theirs), as MediaWiki does.
enum ColonFinder {
    static func find(_ b: [UInt8], _ lo: Int, _ hi: Int) -> Int? {
        enum State { case text, tag, tagStart, closeTag, tagSlash, comment, commentDash, commentDashDash }
        var state = State.text
        var level = 0
        var i = lo
        while i < hi {
            let c = b[i]
            switch state {
            case .text:
                if c == Byte.lt { state = .tagStart } else if c == Byte.colon, level == 0 { return i }
            case .tag:
                if c == Byte.gt { level += 1; state = .text } else if c == Byte.slash { state = .tagSlash }
            case .tagStart:
                if c == Byte.slash { state = .closeTag } else if c == Byte.bang { state = .comment }
                else if c == Byte.gt { state = .text } else { state = .tag }
            case .closeTag:
                if c == Byte.gt { if level > 0 { level -= 1 }; state = .text }
            case .tagSlash:
                if c == Byte.gt { state = .text } else if c != Byte.slash { state = .tag }
            case .comment:
                if c == Byte.dash { state = .commentDash }
            case .commentDash:
                state = c == Byte.dash ? .commentDashDash : .comment
            case .commentDashDash:
                state = c == Byte.gt ? .text : .comment
            }
            i += 1
        }
        return nil
    }
}
