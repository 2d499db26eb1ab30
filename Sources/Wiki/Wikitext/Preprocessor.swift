import Document

/// Pass 1, MediaWiki's preprocessor: drops comments (a line holding only
/// comments goes entirely), takes out extension tags (`<nowiki>`, `<pre>`,
/// `<syntaxhighlight>`, `<source>`) and template calls as strip markers, and
/// handles `<includeonly>`/`<noinclude>`/`<onlyinclude>` as a page view does.
struct Preprocessor {
    enum RegionKind {
        case drop
        case extensionTag(name: String, attrLo: Int, attrHi: Int, contentLo: Int, contentHi: Int)
    }
    struct Region { var start: Int; var end: Int; var kind: RegionKind }

    static let extensionTags: [[UInt8]] = ["nowiki", "pre", "syntaxhighlight", "source", "includeonly"].map { Array($0.utf8) }
    static let transparentTags: [[UInt8]] = ["noinclude", "onlyinclude"].map { Array($0.utf8) }

    let src: [UInt8]
    var regions: [Region] = []
    var braces = BraceMatcher()
    /// Searching for `>` and for close tags restarts where the last search
    /// stopped, so unclosed tags cannot make the scan quadratic.
    var gtFound = -1
    var closeSearch: [String: (from: Int, found: Int?)] = [:]

    static func run(_ src: [UInt8], pieces: inout PieceTable) -> Emitter {
        var p = Preprocessor(src: src)
        p.scan()
        return p.emit(pieces: &pieces)
    }

    // MARK: Scanning

    /// The bytes `scan` stops at.
    static let markupBytes = Scan.table([Byte.lt, Byte.lbrace, Byte.lbrack, Byte.rbrace, Byte.rbrack, Byte.pipe, Byte.equals])

    mutating func scan() {
        let src = self.src
        let n = src.count
        let markup = Self.markupBytes
        var i = 0
        while i < n {
            // Outside calls and links only `<`, `{` and `[` matter (the other
            // bytes would find nothing open), and three bytes are quicker to seek.
            i = braces.isIdle ? Scan.firstOf(src, Byte.lt, Byte.lbrace, Byte.lbrack, from: i, to: n)
                              : Scan.firstIn(src, markup, from: i, to: n)
            guard i < n else { break }
            let c = src[i]
            switch c {
            case Byte.lt:
                if i + 3 < n, src[i + 1] == Byte.bang, src[i + 2] == Byte.dash, src[i + 3] == Byte.dash {
                    i = scanComment(at: i)
                } else if let end = scanTag(at: i) {
                    i = end
                } else {
                    i += 1
                }
            case Byte.lbrace, Byte.lbrack:
                var j = i
                while j < n, src[j] == c { j += 1 }
                braces.open(at: i, count: j - i, brace: c == Byte.lbrace)
                i = j
            case Byte.rbrace, Byte.rbrack:
                var j = i
                while j < n, src[j] == c { j += 1 }
                braces.close(at: i, count: j - i, brace: c == Byte.rbrace)
                i = j
            case Byte.pipe:
                braces.pipe(at: i); i += 1
            case Byte.equals:
                braces.equals(at: i); i += 1
            default:
                i += 1
            }
        }
    }

    /// A comment, extended over its whole line when only whitespace and other
    /// comments share that line (then the line's newline goes too).
    mutating func scanComment(at start: Int) -> Int {
        let n = src.count
        var end = commentEnd(from: start)
        var wsStart = start
        while wsStart > 0, Byte.isSpaceOrTab(src[wsStart - 1]) { wsStart -= 1 }
        if wsStart > 0, src[wsStart - 1] == Byte.nl {
            var j = end
            while true {
                while j < n, Byte.isSpaceOrTab(src[j]) { j += 1 }
                if j + 3 < n, src[j] == Byte.lt, src[j + 1] == Byte.bang, src[j + 2] == Byte.dash, src[j + 3] == Byte.dash {
                    j = commentEnd(from: j)
                    continue
                }
                break
            }
            if j < n, src[j] == Byte.nl {
                regions.append(Region(start: wsStart, end: j + 1, kind: .drop))
                return j + 1
            }
        }
        regions.append(Region(start: start, end: end, kind: .drop))
        end = max(end, start + 4)
        return end
    }

    /// The index after the `-->` closing the comment at `start`, or the end of the text.
    func commentEnd(from start: Int) -> Int {
        let n = src.count
        var i = start + 4
        while i + 2 < n {
            if src[i] == Byte.dash, src[i + 1] == Byte.dash, src[i + 2] == Byte.gt { return i + 3 }
            i += 1
        }
        return n
    }

    mutating func nextGT(from: Int) -> Int? {
        if gtFound >= from { return gtFound }
        var i = from
        while i < src.count, src[i] != Byte.gt { i += 1 }
        gtFound = i < src.count ? i : Int.max
        return i < src.count ? i : nil
    }

    /// `</name\s*>` at or after `from`: (start, end).
    mutating func findClose(_ name: [UInt8], from: Int) -> (Int, Int)? {
        let key = String(decoding: name, as: UTF8.self)
        if let cached = closeSearch[key], cached.from <= from {
            guard let found = cached.found else { return nil }
            if found >= from, let r = closeTag(name, at: found) { return r }
        }
        var i = from
        let n = src.count
        while i + 1 < n {
            if src[i] == Byte.lt, src[i + 1] == Byte.slash, let r = closeTag(name, at: i) {
                closeSearch[key] = (from, i)
                return r
            }
            i += 1
        }
        closeSearch[key] = (from, nil)
        return nil
    }

    func closeTag(_ name: [UInt8], at i: Int) -> (Int, Int)? {
        guard Scan.hasWordIgnoringCase(src, name, at: i + 2) else { return nil }
        var j = i + 2 + name.count
        while j < src.count, Byte.isWhitespace(src[j]) { j += 1 }
        guard j < src.count, src[j] == Byte.gt else { return nil }
        return (i, j + 1)
    }

    /// An extension tag or a transparent `<noinclude>` tag at `start`.
    mutating func scanTag(at start: Int) -> Int? {
        let n = src.count
        var i = start + 1
        var closing = false
        if i < n, src[i] == Byte.slash { closing = true; i += 1 }
        for name in Self.transparentTags where Scan.hasWordIgnoringCase(src, name, at: i) {
            let after = i + name.count
            guard after < n, src[after] == Byte.gt || Byte.isWhitespace(src[after]) || src[after] == Byte.slash,
                  let gt = nextGT(from: after) else { return nil }
            regions.append(Region(start: start, end: gt + 1, kind: .drop))
            return gt + 1
        }
        if closing { return nil }
        for name in Self.extensionTags where Scan.hasWordIgnoringCase(src, name, at: i) {
            let after = i + name.count
            guard after < n, src[after] == Byte.gt || Byte.isWhitespace(src[after]) || src[after] == Byte.slash,
                  let gt = nextGT(from: after) else { continue }
            let nameString = String(decoding: name, as: UTF8.self)
            if src[gt - 1] == Byte.slash, gt - 1 >= after {
                regions.append(Region(start: start, end: gt + 1,
                                      kind: nameString == "includeonly" ? .drop
                                        : .extensionTag(name: nameString, attrLo: after, attrHi: gt - 1,
                                                        contentLo: gt + 1, contentHi: gt + 1)))
                return gt + 1
            }
            guard let (closeStart, closeEnd) = findClose(name, from: gt + 1) else { return nil }
            regions.append(Region(start: start, end: closeEnd,
                                  kind: nameString == "includeonly" ? .drop
                                    : .extensionTag(name: nameString, attrLo: after, attrHi: gt,
                                                    contentLo: gt + 1, contentHi: closeStart)))
            return closeEnd
        }
        return nil
    }

    // MARK: Emitting

    func emit(pieces: inout PieceTable) -> Emitter {
        var e = Emitter(capacity: src.count)
        let calls = braces.outermost()
        var ri = 0, ci = 0
        var cursor = 0
        while ri < regions.count || ci < calls.count {
            let takeCall: Bool
            if ri >= regions.count { takeCall = true }
            else if ci >= calls.count { takeCall = false }
            else { takeCall = calls[ci].start < regions[ri].start }
            if takeCall {
                let call = calls[ci]; ci += 1
                guard call.start >= cursor else { continue }
                e.copy(src, cursor, call.start)
                e.emitMarker(pieces.add(templatePiece(call)), at: call.start)
                cursor = call.end
            } else {
                let region = regions[ri]; ri += 1
                guard region.start >= cursor else { continue }
                e.copy(src, cursor, region.start)
                if case .extensionTag(let name, let alo, let ahi, let clo, let chi) = region.kind {
                    e.emitMarker(pieces.add(ExtensionTags.piece(name: name, src: src, attrLo: alo, attrHi: ahi,
                                                                contentLo: clo, contentHi: chi)),
                                 at: region.start)
                }
                cursor = region.end
            }
        }
        e.copy(src, cursor, src.count)
        return e
    }

    func templatePiece(_ call: BraceMatcher.Match) -> Piece {
        let source = Scan.string(src, call.start, call.end)
        if call.isParameter { return .parameter(source) }
        return .template(TemplateCall.template(src, call, source: source))
    }
}
