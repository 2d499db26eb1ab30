import Document

/// Turns the built tree into the document model: block elements become
/// blocks, the rest inlines; links, templates and code come back from the
/// piece table. Inline content that MediaWiki leaves outside any `<p>` (in list
/// items, cells, divs) becomes a paragraph marked `plain`, which writers render
/// without a `<p>`.
struct DocumentBuilder {
    /// The attribute that marks a paragraph MediaWiki did not wrap in `<p>`.
    static let plainKey = "plain"

    let pieces: PieceTable
    /// Source positions of starts, looked up in document order (pre-order), and of
    /// ends (post-order), so that each lookup continues from the previous one.
    let startPosition: (Int) -> SourcePosition
    let endPosition: (Int) -> SourcePosition
    var anchors = HeadingAnchors()

    // MARK: Blocks

    mutating func blocks(_ nodes: [TreeNode], depth: Int = 0) -> [Block] {
        var out: [Block] = []
        var runStart = -1
        for (k, node) in nodes.enumerated() {
            if isBlock(node) {
                if runStart >= 0 { plainRun(nodes[runStart..<k], depth: depth, into: &out); runStart = -1 }
                out += block(node, depth: depth)
            } else if runStart < 0 {
                runStart = k
            }
        }
        if runStart >= 0 { plainRun(nodes[runStart...], depth: depth, into: &out) }
        return out
    }

    /// The blocks of the root's children, freeing each top-level subtree once it
    /// is converted, so the tree and the document are not both held in full.
    mutating func blocksReleasing(_ root: TreeNode) -> [Block] {
        var nodes = root.children
        root.children = []
        var out: [Block] = []
        var k = 0
        while k < nodes.count {
            if isBlock(nodes[k]) {
                out += block(nodes[k], depth: 0)
                nodes[k] = Self.released
                k += 1
                continue
            }
            var end = k
            while end < nodes.count, !isBlock(nodes[end]) { end += 1 }
            plainRun(nodes[k..<end], depth: 0, into: &out)
            for j in k..<end { nodes[j] = Self.released }
            k = end
        }
        return out
    }

    /// Stands in for converted nodes.
    nonisolated(unsafe) static let released = TreeNode(text: "", at: 0, end: 0)

    /// Inline content outside any paragraph element: a `plain` paragraph.
    mutating func plainRun(_ run: ArraySlice<TreeNode>, depth: Int, into out: inout [Block]) {
        guard run.contains(where: { !$0.isWhitespaceText }) else { return }
        let start = startPosition(run[run.startIndex].start)
        let content = inlines(Array(run), depth: depth)
        out += paragraph(content, Attr(attributes: [Attribute(Self.plainKey, "")],
                                       source: range(start, run[run.endIndex - 1].end)))
    }

    func isBlock(_ node: TreeNode) -> Bool {
        switch node.kind {
        case .text: return false
        case .piece: return node.piece < pieces.pieces.count && pieces.pieces[node.piece].isBlock
        case .element: return node.flags.contains(.block)
        }
    }

    func range(_ start: SourcePosition, _ endOffset: Int) -> SourceRange {
        SourceRange(start: start, end: max(start, endPosition(endOffset)))
    }

    func attr(_ node: TreeNode, id: String = "", start: SourcePosition? = nil) -> Attr {
        var classes: [String] = []
        var attributes: [Attribute] = []
        var identifier = id
        for a in node.attributes {
            switch a.key {
            case "class": classes += a.value.split(separator: " ").map(String.init)
            case "id" where identifier.isEmpty: identifier = a.value
            default: attributes.append(a)
            }
        }
        let s = start ?? startPosition(node.start)
        return Attr(id: identifier, classes: classes, attributes: attributes, source: range(s, node.end))
    }

    /// A paragraph, where each line holding nothing but one template becomes a
    /// template block of its own (MediaWiki would expand it there).
    func paragraph(_ content: consuming [Inline], _ attr: Attr) -> [Block] {
        guard content.contains(where: { if case .template = $0 { return true }; return false }) else {
            return [.paragraph(trimmed(consume content), attr: attr)]
        }
        // Split the content into lines.
        var lines: [[Inline]] = [[]]
        for inline in content {
            if case .text(let s) = inline, s.utf8.contains(0x0A) {
                let parts = s.split(separator: "\n", omittingEmptySubsequences: false)
                for (k, part) in parts.enumerated() {
                    if k > 0 { lines.append([]) }
                    if !part.isEmpty { lines[lines.count - 1].append(.text(String(part))) }
                }
            } else {
                lines[lines.count - 1].append(inline)
            }
        }
        func loneTemplate(_ line: [Inline]) -> Template? {
            var found: Template?
            for inline in line {
                switch inline {
                case .template(let t) where found == nil: found = t
                case .text(let s) where s.allSatisfy(\.isWhitespace): continue
                default: return nil
                }
            }
            return found
        }
        var out: [Block] = []
        var pending: [[Inline]] = []
        func flush() {
            guard !pending.isEmpty else { return }
            var joined: [Inline] = []
            for (k, line) in pending.enumerated() {
                if k > 0 { joined.append(.text("\n")) }
                joined += line
            }
            pending = []
            let merged = mergeText(joined)
            if merged.contains(where: { if case .text(let s) = $0 { return !s.allSatisfy(\.isWhitespace) }; return true }) {
                out.append(.paragraph(trimmed(merged), attr: attr))
            }
        }
        for line in lines {
            if let t = loneTemplate(line) {
                flush()
                out.append(.template(t, attr: Attr(source: attr.source)))
            } else {
                pending.append(line)
            }
        }
        flush()
        return out
    }

    func mergeText(_ content: [Inline]) -> [Inline] {
        var out: [Inline] = []
        for inline in content {
            if case .text(let s) = inline, case .text(let previous)? = out.last {
                out[out.count - 1] = .text(previous + s)
            } else {
                out.append(inline)
            }
        }
        return out
    }

    mutating func block(_ node: TreeNode, depth: Int) -> [Block] {
        let start = startPosition(node.start)
        if node.kind == .piece {
            if case .codeBlock(let text, var a) = pieces.pieces[node.piece] {
                a.source = range(start, node.end)
                return [.codeBlock(text, attr: a)]
            }
            return []
        }
        func attr(_ node: TreeNode, id: String = "") -> Attr { self.attr(node, id: id, start: start) }
        let d = depth + 1
        switch node.name {
        case "p":
            return paragraph(inlines(node.children, depth: d), attr(node))
        case "h1", "h2", "h3", "h4", "h5", "h6":
            let content = trimmed(inlines(node.children, depth: d))
            let level = Int(node.name.dropFirst())!
            let id = anchors.unique(for: content)
            return [.heading(level: level, content: content, attr: attr(node, id: id))]
        case "pre":
            return [.preformatted(inlines(node.children, depth: d), attr: attr(node))]
        case "ul", "ol":
            var items: [[Block]] = []
            var loose: [TreeNode] = []
            for child in node.children {
                if child.kind == .element && child.name == "li" {
                    if loose.contains(where: { !$0.isWhitespaceText }) { items.append(blocks(loose, depth: d)) }
                    loose = []
                    items.append(blocks(child.children, depth: d))
                } else {
                    loose.append(child)
                }
            }
            if loose.contains(where: { !$0.isWhitespaceText }) { items.append(blocks(loose, depth: d)) }
            return [node.name == "ul" ? .bulletList(items, attr: attr(node)) : .orderedList(items, attr: attr(node))]
        case "dl":
            var items: [DefinitionItem] = []
            for child in node.children where child.kind != .text || !child.isWhitespaceText {
                if child.kind == .element && child.name == "dt" {
                    items.append(DefinitionItem(term: trimmed(inlines(child.children, depth: d)), definitions: []))
                } else {
                    let content = child.kind == .element && child.name == "dd" ? blocks(child.children, depth: d)
                                                                               : blocks([child], depth: d)
                    if items.isEmpty {
                        items.append(DefinitionItem(term: [], definitions: [content]))
                    } else {
                        items[items.count - 1].definitions.append(content)
                    }
                }
            }
            return [.definitionList(items, attr: attr(node))]
        case "blockquote":
            return [.blockQuote(blocks(node.children, depth: d), attr: attr(node))]
        case "hr":
            return [.horizontalRule]
        case "table":
            return [.table(table(node, depth: d, start: start))]
        case "tr", "td", "th", "caption", "tbody":
            // Table parts outside a table (the builder should not make these).
            return blocks(node.children, depth: d)
        default:
            return [.div(name: node.name, content: blocks(node.children, depth: d), attr: attr(node))]
        }
    }

    mutating func table(_ node: TreeNode, depth: Int, start: SourcePosition) -> Table {
        var caption: [Inline]?
        var rows: [Table.Row] = []
        func addRow(_ row: TreeNode, _ builder: inout DocumentBuilder) {
            // Rows and cells are not blocks: they carry no source range (their content does).
            var cells: [Table.Cell] = []
            for cell in row.children where cell.kind == .element && (cell.name == "td" || cell.name == "th") {
                let content = builder.blocks(cell.children, depth: depth)
                cells.append(Table.Cell(isHeader: cell.name == "th", content: content,
                                        attr: Attr().withInlineAttributes(of: cell)))
            }
            rows.append(Table.Row(cells: cells, attr: Attr().withInlineAttributes(of: row)))
        }
        for child in node.children where child.kind == .element {
            switch child.name {
            case "caption": caption = trimmed(inlines(child.children, depth: depth))
            case "tr": addRow(child, &self)
            case "tbody": for row in child.children where row.kind == .element && row.name == "tr" { addRow(row, &self) }
            default: break
            }
        }
        return Table(caption: caption, rows: rows, attr: attr(node, start: start))
    }

    // MARK: Inlines

    mutating func inlines(_ nodes: [TreeNode], depth: Int) -> [Inline] {
        var out: [Inline] = []
        for node in nodes { inline(node, depth: depth, into: &out) }
        return out
    }

    mutating func inline(_ node: TreeNode, depth: Int, into out: inout [Inline]) {
        func appendText(_ s: String) {
            guard !s.isEmpty else { return }
            if case .text(var previous)? = out.last {
                // Drop the array's reference first so the text grows in place.
                out[out.count - 1] = .lineBreak
                previous += s
                out[out.count - 1] = .text(previous)
            } else {
                out.append(.text(s))
            }
        }
        switch node.kind {
        case .text:
            appendText(node.text)
        case .piece:
            guard node.piece < pieces.pieces.count else { return }
            switch pieces.pieces[node.piece] {
            case .nowiki(let s): appendText(FrenchSpacing.apply(s, inPre: false))
            case .template(let t): out.append(.template(t))
            case .parameter(let s): out.append(.raw(format: "mediawiki", text: s))
            case .inlineCode(let s, let a): out.append(.code(s, a))
            case .codeBlock(let s, let a): out.append(.code(s, a))
            case .link(let l): out.append(.link(l))
            case .category(var l):
                l.content = [.text(l.target)]
                out.append(.link(l))
            }
        case .element:
            let d = depth + 1
            let children = inlines(node.children, depth: d)
            switch node.name {
            case "b", "strong": out.append(.strong(children))
            case "i", "em": out.append(.emphasis(children))
            case "br": out.append(.lineBreak)
            case "a":
                if node.piece >= 0, node.piece < pieces.pieces.count, case .link(var link) = pieces.pieces[node.piece] {
                    link.content = children
                    out.append(.link(link))
                } else {
                    out += children
                }
            case "code" where node.children.allSatisfy({ $0.kind == .text }):
                out.append(.code(node.children.map(\.text).joined(), Attr(id: "", classes: [], attributes: []).withInlineAttributes(of: node)))
            default:
                out.append(.span(name: node.name, content: children, attr: Attr(id: "", classes: [], attributes: []).withInlineAttributes(of: node)))
            }
        }
    }

    /// Drops leading and trailing whitespace of an inline run (MediaWiki's
    /// trailing newlines inside paragraphs and items carry no meaning).
    func trimmed(_ content: consuming [Inline]) -> [Inline] {
        var c = consume content
        if case .text(let s)? = c.first, let b = s.utf8.first, b == 0x20 || b == 0x0A || b == 0x09 {
            let t = String(s.drop(while: { $0 == " " || $0 == "\n" || $0 == "\t" }))
            if t.isEmpty { c.removeFirst() } else { c[0] = .text(t) }
        }
        if case .text(var s)? = c.last, let b = s.utf8.last, b == 0x20 || b == 0x0A || b == 0x09 {
            // Counts trailing space, tab and LF bytes, each a character of its own
            // unless an LF follows a CR (CRLF is one character, not trimmed) or a
            // space follows a non-ASCII character (it might join it): then the
            // characters are trimmed one by one.
            let u = s.utf8
            var i = u.endIndex
            var n = 0
            var exact = true
            while i > u.startIndex {
                let j = u.index(before: i)
                let byte = u[j]
                if byte == 0x20 || byte == 0x09 || byte == 0x0A {
                    if byte == 0x0A, j > u.startIndex, u[u.index(before: j)] == 0x0D { break }
                    n += 1
                    i = j
                    continue
                }
                if byte >= 0x80 { exact = false }
                break
            }
            if !exact {
                var t = Substring(s)
                while let l = t.last, l == " " || l == "\n" || l == "\t" { t.removeLast() }
                if t.isEmpty { c.removeLast() } else { c[c.count - 1] = .text(String(t)) }
            } else if n == u.count {
                c.removeLast()
            } else if n > 0 {
                c[c.count - 1] = .lineBreak // so the text is trimmed in place
                s.removeLast(n)
                c[c.count - 1] = .text(s)
            }
        }
        return c
    }
}

extension Attr {
    /// The attributes of an inline element (no source range: only blocks carry one).
    func withInlineAttributes(of node: TreeNode) -> Attr {
        var a = self
        for attribute in node.attributes {
            switch attribute.key {
            case "class": a.classes += attribute.value.split(separator: " ").map(String.init)
            case "id" where a.id.isEmpty: a.id = attribute.value
            default: a.attributes.append(attribute)
            }
        }
        return a
    }
}
