import Document

/// Turns the built tree into the document model: block elements become
/// blocks, the rest inlines; links, templates and code come back from the
/// piece table. Inline content that MediaWiki leaves outside any `<p>` (in list
/// items, cells, divs) becomes a paragraph marked `plain`, which writers render
/// without a `<p>`.
struct DocumentBuilder {
    /// The attribute that marks a paragraph MediaWiki did not wrap in `<p>`.
    static let plainKey = "plain"
    /// Shared by every plain paragraph (one array, not one each).
    static let plainAttributes = [Attribute(plainKey, "")]

    let pieces: PieceTable
    let tree: Tree
    /// Source positions of starts, looked up in document order (pre-order), and of
    /// ends (post-order), so that each lookup continues from the previous one.
    let startPosition: (Int) -> SourcePosition
    let endPosition: (Int) -> SourcePosition
    var anchors = HeadingAnchors()

    typealias ID = Tree.ID

    // MARK: Blocks

    mutating func blocks(_ nodes: Siblings, depth: Int = 0) -> [Block] {
        var out: [Block] = []
        var run = Siblings.empty
        for node in nodes.ids(in: tree) {
            if isBlock(node) {
                if !run.isEmpty { plainRun(run, depth: depth, into: &out); run = .empty }
                block(node, depth: depth, into: &out)
            } else {
                if run.isEmpty { run.first = node }
                run.last = node
            }
        }
        if !run.isEmpty { plainRun(run, depth: depth, into: &out) }
        return out
    }

    /// The blocks of the root's children.
    mutating func blocks(ofRoot root: ID) -> [Block] {
        blocks(tree.children(root))
    }

    /// Inline content outside any paragraph element: a `plain` paragraph.
    mutating func plainRun(_ run: Siblings, depth: Int, into out: inout [Block]) {
        guard run.contains(in: tree, where: { !tree.isWhitespaceText($0) }) else { return }
        let start = startPosition(tree[run.first].start)
        let content = inlines(run, depth: depth)
        paragraph(content, Attr(attributes: Self.plainAttributes, source: range(start, tree[run.last].end)),
                  into: &out)
    }

    func isBlock(_ id: ID) -> Bool {
        let node = tree[id]
        switch node.kind {
        case .text: return false
        case .piece: return Int(node.piece) < pieces.pieces.count && pieces.pieces[Int(node.piece)].isBlock
        case .element: return node.flags.contains(.block)
        }
    }

    func range(_ start: SourcePosition, _ endOffset: Int) -> SourceRange {
        SourceRange(start: start, end: max(start, endPosition(endOffset)))
    }

    func attr(_ id: ID, id identifierIn: String = "", start: SourcePosition? = nil) -> Attr {
        var classes: [String] = []
        var attributes: [Attribute] = []
        var identifier = identifierIn
        for a in tree.attributes(of: id) {
            switch a.key {
            case "class": classes += a.value.split(separator: " ").map(String.init)
            case "id" where identifier.isEmpty: identifier = a.value
            default: attributes.append(a)
            }
        }
        let s = start ?? startPosition(tree[id].start)
        return Attr(id: identifier, classes: classes, attributes: attributes, source: range(s, tree[id].end))
    }

    /// A paragraph, where each line holding nothing but one template becomes a
    /// template block of its own (MediaWiki would expand it there).
    func paragraph(_ content: consuming [Inline], _ attr: Attr, into out: inout [Block]) {
        guard content.contains(where: { if case .template = $0 { return true }; return false }) else {
            out.append(.paragraph(trimmed(consume content), attr: attr))
            return
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

    mutating func block(_ id: ID, depth: Int, into out: inout [Block]) {
        let node = tree[id]
        let start = startPosition(node.start)
        if node.kind == .piece {
            if case .codeBlock(let text, var a) = pieces.pieces[Int(node.piece)] {
                a.source = range(start, node.end)
                out.append(.codeBlock(text, attr: a))
            }
            return
        }
        func attr(_ id: ID, id identifier: String = "") -> Attr { self.attr(id, id: identifier, start: start) }
        let d = depth + 1
        let children = tree.children(id)
        switch node.tag {
        case Tag.p:
            paragraph(inlines(children, depth: d), attr(id), into: &out)
        case _ where node.flags.contains(.heading):
            let content = trimmed(inlines(children, depth: d))
            let level = Tag.headingLevel(node.tag)
            let anchor = anchors.unique(for: content)
            out.append(.heading(level: level, content: content, attr: attr(id, id: anchor)))
        case Tag.pre:
            out.append(.preformatted(inlines(children, depth: d), attr: attr(id)))
        case Tag.ul, Tag.ol:
            var items: [[Block]] = []
            var loose = Siblings.empty
            for child in children.ids(in: tree) {
                if tree[child].kind == .element && tree[child].tag == Tag.li {
                    if loose.contains(in: tree, where: { !tree.isWhitespaceText($0) }) { items.append(blocks(loose, depth: d)) }
                    loose = .empty
                    items.append(blocks(tree.children(child), depth: d))
                } else {
                    if loose.isEmpty { loose.first = child }
                    loose.last = child
                }
            }
            if loose.contains(in: tree, where: { !tree.isWhitespaceText($0) }) { items.append(blocks(loose, depth: d)) }
            out.append(node.tag == Tag.ul ? .bulletList(items, attr: attr(id)) : .orderedList(items, attr: attr(id)))
        case Tag.dl:
            var items: [DefinitionItem] = []
            for child in children.ids(in: tree) {
                let c = tree[child]
                if c.kind == .text && tree.isWhitespaceText(child) { continue }
                if c.kind == .element && c.tag == Tag.dt {
                    items.append(DefinitionItem(term: trimmed(inlines(tree.children(child), depth: d)), definitions: []))
                } else {
                    let content = c.kind == .element && c.tag == Tag.dd ? blocks(tree.children(child), depth: d)
                                                                        : blocks(Siblings(first: child, last: child), depth: d)
                    if items.isEmpty {
                        items.append(DefinitionItem(term: [], definitions: [content]))
                    } else {
                        items[items.count - 1].definitions.append(content)
                    }
                }
            }
            out.append(.definitionList(items, attr: attr(id)))
        case Tag.blockquote:
            out.append(.blockQuote(blocks(children, depth: d), attr: attr(id)))
        case Tag.hr:
            out.append(.horizontalRule)
        case Tag.table:
            out.append(.table(table(id, depth: d, start: start)))
        case Tag.tr, Tag.td, Tag.th, Tag.caption, Tag.tbody:
            // Table parts outside a table (the builder should not make these).
            out += blocks(children, depth: d)
        default:
            out.append(.div(name: tree.names.name(node.tag), content: blocks(children, depth: d), attr: attr(id)))
        }
    }

    mutating func table(_ id: ID, depth: Int, start: SourcePosition) -> Table {
        var caption: [Inline]?
        var rows: [Table.Row] = []
        func addRow(_ row: ID, _ builder: inout DocumentBuilder) {
            // Rows and cells are not blocks: they carry no source range (their content does).
            var cells: [Table.Cell] = []
            let tree = builder.tree
            for cell in tree.children(row).ids(in: tree) {
                let c = tree[cell]
                guard c.kind == .element && (c.tag == Tag.td || c.tag == Tag.th) else { continue }
                let content = builder.blocks(tree.children(cell), depth: depth)
                cells.append(Table.Cell(isHeader: c.tag == Tag.th, content: content,
                                        attr: Attr().withInlineAttributes(tree.attributes(of: cell))))
            }
            rows.append(Table.Row(cells: cells, attr: Attr().withInlineAttributes(tree.attributes(of: row))))
        }
        for child in tree.children(id).ids(in: tree) {
            let c = tree[child]
            guard c.kind == .element else { continue }
            switch c.tag {
            case Tag.caption: caption = trimmed(inlines(tree.children(child), depth: depth))
            case Tag.tr: addRow(child, &self)
            case Tag.tbody:
                for row in tree.children(child).ids(in: tree) where tree[row].kind == .element && tree[row].tag == Tag.tr {
                    addRow(row, &self)
                }
            default: break
            }
        }
        return Table(caption: caption, rows: rows, attr: attr(id, start: start))
    }

    // MARK: Inlines

    mutating func inlines(_ nodes: Siblings, depth: Int) -> [Inline] {
        var out: [Inline] = []
        // One allocation, not one per doubling (text nodes are already merged,
        // so the count is close).
        out.reserveCapacity(nodes.count(in: tree))
        for node in nodes.ids(in: tree) { inline(node, depth: depth, into: &out) }
        return out
    }

    mutating func inline(_ id: ID, depth: Int, into out: inout [Inline]) {
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
        let node = tree[id]
        switch node.kind {
        case .text:
            appendText(tree.string(of: id))
        case .piece:
            guard Int(node.piece) < pieces.pieces.count else { return }
            switch pieces.pieces[Int(node.piece)] {
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
            let childNodes = tree.children(id)
            let children = inlines(childNodes, depth: d)
            switch node.tag {
            case Tag.b, Tag.strong: out.append(.strong(children))
            case Tag.i, Tag.em: out.append(.emphasis(children))
            case Tag.br: out.append(.lineBreak)
            case Tag.a:
                if node.piece >= 0, Int(node.piece) < pieces.pieces.count, case .link(var link) = pieces.pieces[Int(node.piece)] {
                    link.content = children
                    out.append(.link(link))
                } else {
                    out += children
                }
            case Tag.code where childNodes.allSatisfy(in: tree, { tree[$0].kind == .text }):
                var code = ""
                for child in childNodes.ids(in: tree) { code += tree.string(of: child) }
                out.append(.code(code, Attr(id: "", classes: [], attributes: []).withInlineAttributes(tree.attributes(of: id))))
            default:
                out.append(.span(name: tree.names.name(node.tag), content: children,
                                 attr: Attr(id: "", classes: [], attributes: []).withInlineAttributes(tree.attributes(of: id))))
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
        if case .text(let s)? = c.last, let b = s.utf8.last, b == 0x20 || b == 0x0A || b == 0x09 {
            // Counts trailing space, tab and LF bytes, each a character of its own
            // unless an LF follows a CR (CRLF is one character, not trimmed) or a
            // space joins the non-ASCII character before it: then the characters
            // are trimmed one by one.
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
                // A space may join the non-ASCII character before it into one
                // character (a prepended mark does that); tab and LF never join.
                if byte >= 0x80, n > 0, u[i] == 0x20, !Self.spaceStandsAlone(after: u[..<i]) { exact = false }
                break
            }
            if !exact {
                var t = Substring(s)
                while let l = t.last, l == " " || l == "\n" || l == "\t" { t.removeLast() }
                if t.isEmpty { c.removeLast() } else { c[c.count - 1] = .text(String(t)) }
            } else if n == u.count {
                c.removeLast()
            } else if n > 0 {
                // A copy of the bytes: `removeLast(n)` would walk n characters,
                // which costs more.
                c[c.count - 1] = .text(String(decoding: s.utf8.dropLast(n), as: UTF8.self))
            }
        }
        return c
    }
}

extension DocumentBuilder {
    /// Whether a space after the last scalar of `text` is a character of its
    /// own (true unless that scalar is one, like U+0600, that joins what follows).
    static func spaceStandsAlone(after text: Substring.UTF8View) -> Bool {
        var start = text.endIndex
        var k = 0
        while start > text.startIndex, k < 4 {
            start = text.index(before: start)
            k += 1
            if text[start] & 0xC0 != 0x80 { break }
        }
        var scalar = Array(text[start...])
        scalar.append(0x20)
        return String(decoding: scalar, as: UTF8.self).count == 2
    }
}

extension Attr {
    /// The attributes of an inline element (no source range: only blocks carry one).
    func withInlineAttributes(_ attributes: [Attribute]) -> Attr {
        var a = self
        for attribute in attributes {
            switch attribute.key {
            case "class": a.classes += attribute.value.split(separator: " ").map(String.init)
            case "id" where a.id.isEmpty: a.id = attribute.value
            default: a.attributes.append(attribute)
            }
        }
        return a
    }
}
