/// Pass 3: wiki tables (`{| |+ |- ! ! | || |}`) become HTML table tags, line by
/// line, with MediaWiki's rules: each cell on its own line (so quotes balance
/// per cell), `attributes | content` cells, empty rows dropped, and `:{|`
/// indenting the table in definition lists.
struct TableSyntax {
    private struct Level {
        var cellOpen = false
        var lastTag = ""
        var rowOpen = false
        var rowAttributes: [UInt8] = []
        var hasOpenedRow = false
        var indent = 0
    }

    static func run(_ src: [UInt8], reusing spare: consuming [UInt8] = []) -> Emitter {
        var e = Emitter(capacity: src.count, reusing: spare)
        var stack: [Level] = []
        var out: [UInt8] = [] // the generated text of one cell or row line, reused
        var lineStart = 0
        let n = src.count
        while lineStart <= n {
            let lineEnd = Scan.lineEnd(src, from: lineStart)
            let hasNewline = lineEnd < n
            let (lo, hi) = Scan.trimmed(src, lineStart, lineEnd)
            defer { lineStart = lineEnd + 1 }
            if lo == hi {
                e.copy(src, lineStart, hasNewline ? lineEnd + 1 : lineEnd)
                continue
            }
            // `{|`, possibly after `:` indentation.
            var k = lo
            while k < hi, src[k] == Byte.colon { k += 1 }
            let indent = k - lo
            while k < hi, Byte.isWhitespace(src[k]) { k += 1 }
            if k + 2 <= hi, src[k] == Byte.lbrace, src[k + 1] == Byte.pipe {
                let attrs = AttributeSanitizer.render(AttributeSanitizer.sanitize(src, k + 2, hi, element: "table"))
                var out: [UInt8] = []
                for _ in 0..<indent { out += Array("<dl><dd>".utf8) }
                out += Array("<table".utf8) + attrs + [Byte.gt]
                e.emit(out, at: lineStart)
                if hasNewline { e.copyByte(src, lineEnd) }
                stack.append(Level(indent: indent))
                continue
            }
            guard !stack.isEmpty else {
                e.copy(src, lineStart, hasNewline ? lineEnd + 1 : lineEnd)
                continue
            }
            let first = src[lo]
            let second: UInt8 = lo + 1 < hi ? src[lo + 1] : 0
            var top = stack.removeLast()
            if first == Byte.pipe && second == Byte.rbrace {
                var out: [UInt8] = []
                if top.cellOpen { out += Array("</\(top.lastTag)>".utf8) }
                if top.rowOpen { out += Array("</tr>".utf8) }
                if !top.hasOpenedRow { out += Array("<tr><td></td></tr>".utf8) }
                out += Array("</table>".utf8)
                e.emit(out, at: lo)
                // Text after `|}` stays on the line.
                e.copy(src, lo + 2, hi)
                if top.indent > 0 {
                    var close: [UInt8] = []
                    for _ in 0..<top.indent { close += Array("</dd></dl>".utf8) }
                    e.emit(close, at: hi)
                }
                if hasNewline { e.copyByte(src, lineEnd) }
                continue
            }
            if first == Byte.pipe && second == Byte.dash {
                var a = lo + 1
                while a < hi, src[a] == Byte.dash { a += 1 }
                top.rowAttributes = AttributeSanitizer.render(AttributeSanitizer.sanitize(src, a, hi, element: "tr"))
                out.removeAll(keepingCapacity: true)
                if top.cellOpen { out += "</".utf8; out += top.lastTag.utf8; out.append(Byte.gt) }
                if top.rowOpen { out += "</tr>".utf8 }
                top.hasOpenedRow = true
                top.rowOpen = false
                top.cellOpen = false
                top.lastTag = ""
                e.emit(out, at: lo)
                if hasNewline { e.copyByte(src, lineEnd) }
                stack.append(top)
                continue
            }
            if first == Byte.pipe || first == Byte.bang {
                let isCaption = first == Byte.pipe && second == Byte.plus
                let kind: UInt8 = isCaption ? Byte.plus : first
                let contentLo = isCaption ? lo + 2 : lo + 1
                let cells = splitCells(src, contentLo, hi, header: kind == Byte.bang)
                for (ci, cell) in cells.enumerated() {
                    out.removeAll(keepingCapacity: true)
                    if ci > 0 { out.append(Byte.nl) }
                    // The open cell's end, then the row's start (they change disjoint state).
                    if top.cellOpen { out += "</".utf8; out += top.lastTag.utf8; out += ">\n".utf8 }
                    if kind != Byte.plus {
                        if !top.rowOpen { out += "<tr".utf8; out += top.rowAttributes; out += ">\n".utf8 }
                        top.rowOpen = true
                        top.rowAttributes = []
                        top.hasOpenedRow = true
                    }
                    top.lastTag = kind == Byte.pipe ? "td" : kind == Byte.bang ? "th" : "caption"
                    // `attributes | content`, unless the first part holds a link.
                    let bar = firstPipe(src, cell.0, cell.1)
                    if let bar, !containsLinkOpen(src, cell.0, bar) {
                        let attrs = AttributeSanitizer.render(AttributeSanitizer.sanitize(src, cell.0, bar, element: top.lastTag))
                        out += "<".utf8; out += top.lastTag.utf8; out += attrs; out.append(Byte.gt)
                        e.emit(out, at: cell.0)
                        let (clo, chi) = Scan.trimmed(src, bar + 1, cell.1)
                        e.copy(src, clo, chi)
                    } else {
                        out += "<".utf8; out += top.lastTag.utf8; out.append(Byte.gt)
                        e.emit(out, at: cell.0)
                        let (clo, chi) = Scan.trimmed(src, cell.0, cell.1)
                        e.copy(src, clo, chi)
                    }
                    top.cellOpen = true
                }
                if hasNewline { e.copyByte(src, lineEnd) }
                stack.append(top)
                continue
            }
            stack.append(top)
            e.copy(src, lineStart, hasNewline ? lineEnd + 1 : lineEnd)
        }
        // Close tables left open at the end.
        if !stack.isEmpty {
            var out: [UInt8] = []
            while let top = stack.popLast() {
                if top.cellOpen { out += Array("</\(top.lastTag)>\n".utf8) }
                if top.rowOpen { out += Array("</tr>\n".utf8) }
                if !top.hasOpenedRow { out += Array("<tr><td></td></tr>\n".utf8) }
                out += Array("</table>".utf8)
                for _ in 0..<top.indent { out += Array("</dd></dl>".utf8) }
                out.append(Byte.nl)
            }
            if e.bytes.last != Byte.nl { e.emitByte(Byte.nl, at: n) }
            out.removeLast()
            e.emit(out, at: n)
        }
        // A text that is nothing but an unclosed empty table shows nothing (as in MediaWiki).
        if e.bytes == Array("<table>\n<tr><td></td></tr>\n</table>".utf8) { return Emitter(capacity: 0) }
        return e
    }

    /// Splits a cell line at `||` (and `!!` on header lines, outside tags).
    static func splitCells(_ b: [UInt8], _ lo: Int, _ hi: Int, header: Bool) -> [(Int, Int)] {
        var cells: [(Int, Int)] = []
        var start = lo
        var i = lo
        var inTag = false
        while i + 1 < hi {
            let c = b[i]
            if c == Byte.lt { inTag = true } else if c == Byte.gt { inTag = false }
            if c == Byte.pipe && b[i + 1] == Byte.pipe {
                cells.append((start, i)); i += 2; start = i; continue
            }
            if header && !inTag && c == Byte.bang && b[i + 1] == Byte.bang {
                cells.append((start, i)); i += 2; start = i; continue
            }
            i += 1
        }
        cells.append((start, hi))
        return cells
    }

    static func firstPipe(_ b: [UInt8], _ lo: Int, _ hi: Int) -> Int? {
        var i = lo
        while i < hi {
            if b[i] == Byte.pipe { return i }
            i += 1
        }
        return nil
    }

    static func containsLinkOpen(_ b: [UInt8], _ lo: Int, _ hi: Int) -> Bool {
        var i = lo
        while i + 1 < hi {
            if (b[i] == Byte.lbrack && b[i + 1] == Byte.lbrack) || (b[i] == Byte.dash && b[i + 1] == Byte.lbrace) { return true }
            i += 1
        }
        return false
    }
}
