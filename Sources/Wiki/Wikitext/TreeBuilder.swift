import Document

/// Builds a tree from the passes' tags with the parts of HTML's tree-building
/// rules that MediaWiki's output relies on (its HTML goes through an HTML5
/// tree builder too): implied paragraph, list-item and cell ends, formatting
/// elements re-opened after block boundaries and misnesting, table content
/// fostered out of tables, and MediaWiki's wrapping of loose inline content of
/// `<body>` and `<blockquote>` in paragraphs. Nesting is capped: deeper start
/// tags are ignored, so their content joins the deepest element.
struct TreeBuilder {
    typealias ID = Tree.ID
    static let maxDepth = 100
    static let defaultScope = TagFlags.defaultScope
    static let listScope = TagFlags.listScope
    static let buttonScope = TagFlags.buttonScope
    static let tableScope = TagFlags.tableScope

    let pieces: PieceTable
    var tree = Tree()
    let body: ID
    var stack: [ID] = []
    /// Active formatting elements; `Tree.none` is a marker (set at cells and captions).
    var formatting: [ID] = []
    var skipNewline = false
    var position = 0

    init(pieces: PieceTable, capacity: Int) {
        self.pieces = pieces
        // About one node per 12 bytes of text in prose; reserving more costs
        // only address space, while growing would copy every node.
        tree.nodes = LargeBuffer.reserved(capacity / 8)
        tree.text = LargeBuffer.reserved(capacity)
        body = tree.element(Tag.body, at: 0)
        tree[body].onStack = true
        stack = [body]
    }

    static func build(_ text: [UInt8], pieces: PieceTable) -> Tree {
        var builder = TreeBuilder(pieces: pieces, capacity: text.count)
        var tokenizer = MarkupTokenizer(text)
        while let token = tokenizer.next() {
            builder.process(token, text)
        }
        while builder.stack.count > 1 { builder.pop() }
        builder.tree[builder.body].end = text.count
        builder.tree.names = tokenizer.names
        return builder.tree
    }

    var current: ID { stack[stack.count - 1] }

    @inline(__always) func tag(_ id: ID) -> Int32 { tree[id].tag }
    @inline(__always) func flags(_ id: ID) -> TagFlags { tree[id].flags }

    // MARK: Stack

    mutating func push(_ node: ID) {
        tree[node].onStack = true
        stack.append(node)
    }

    @discardableResult
    mutating func pop() -> ID {
        let node = stack.removeLast()
        tree[node].onStack = false
        // An element ends where its content ends (or, if empty, where it is closed).
        let last = tree[node].lastChild
        tree[node].end = max(tree[node].start, last == Tree.none ? position : tree[last].end)
        return node
    }

    mutating func popUntil(_ node: ID) {
        while stack.count > 1 {
            if pop() == node { return }
        }
    }

    mutating func popUntil(tag: Int32) {
        while stack.count > 1 {
            if tree[pop()].tag == tag { return }
        }
    }

    mutating func popUntilHeading() {
        while stack.count > 1 {
            if tree[pop()].flags.contains(.heading) { return }
        }
    }

    func inScope(tag: Int32, _ boundaries: TagFlags) -> Bool {
        var k = stack.count - 1
        while k >= 0 {
            let node = tree[stack[k]]
            if node.tag == tag { return true }
            if !node.flags.isDisjoint(with: boundaries) { return false }
            k -= 1
        }
        return false
    }

    func inScope(_ target: ID, _ boundaries: TagFlags) -> Bool {
        var k = stack.count - 1
        while k >= 0 {
            if stack[k] == target { return true }
            if !tree[stack[k]].flags.isDisjoint(with: boundaries) { return false }
            k -= 1
        }
        return false
    }

    /// Pops elements with implied ends (`p`, `li`, …) other than `except`.
    mutating func generateImpliedEnds(except: Int32 = -1) {
        while stack.count > 1, flags(current).contains(.impliedEnd), tag(current) != except { pop() }
    }

    func lastOnStack(where predicate: (Tree.Node) -> Bool) -> ID? {
        var k = stack.count - 1
        while k >= 0 {
            if predicate(tree[stack[k]]) { return stack[k] }
            k -= 1
        }
        return nil
    }

    /// Ends the open p-wrap before a block. When inline elements are open inside
    /// it, they move out after it and the block goes inside them (MediaWiki
    /// splits its p-wrappers this way instead of closing the inline elements).
    mutating func endPWrap() {
        guard let k = stack.lastIndex(where: { tree[$0].isPWrap }) else { return }
        let wrap = stack[k]
        if k == stack.count - 1 {
            pop()
            return
        }
        let child = stack[k + 1]
        tree.detach(child)
        let parent = tree[wrap].parent
        if parent != Tree.none { tree.insert(child, into: parent, after: wrap) }
        stack.remove(at: k)
        tree[wrap].onStack = false
        if tree[wrap].firstChild == Tree.none { tree.detach(wrap) }
    }

    mutating func closeParagraphInButtonScope() {
        endPWrap()
        if inScope(tag: Tag.p, Self.buttonScope) {
            generateImpliedEnds(except: Tag.p)
            popUntil(tag: Tag.p)
        }
    }

    // MARK: Insertion

    /// Where a node goes: the current node, or before the table when the
    /// current node is a table or row (foster parenting).
    func fosterTarget() -> (parent: ID, before: ID)? {
        let c = tree[current]
        guard c.flags.contains(.tableContext), c.tag == Tag.table || c.tag == Tag.tr else { return nil }
        guard let table = lastOnStack(where: { $0.tag == Tag.table }) else { return nil }
        let parent = tree[table].parent
        guard parent != Tree.none else { return nil }
        return (parent, table)
    }

    /// Wraps loose inline content of `<body>` and `<blockquote>` in a `<p>`, as MediaWiki does.
    mutating func wrapInlineIfNeeded(at start: Int) {
        guard flags(current).contains(.wrapsInline) else { return }
        let p = tree.element(Tag.p, at: start)
        tree[p].isPWrap = true
        tree.append(p, to: current)
        push(p)
    }

    /// Inserts an element or piece node at the current place.
    mutating func insert(_ node: ID, inline: Bool, tablePart: Bool = false) {
        if !tablePart, flags(current).contains(.tableContext), let (parent, before) = fosterTarget() {
            tree.insert(node, into: parent, before: before)
            return
        }
        if inline { wrapInlineIfNeeded(at: tree[node].start) }
        tree.append(node, to: current)
    }

    /// Inserts the text `tree.text[lo..<hi]` (read from `start..<end`), merging
    /// it into a text node just before it.
    mutating func insertText(lo: Int, hi: Int, start: Int, end: Int, whitespace: Bool) {
        if flags(current).contains(.tableContext), !whitespace, let (parent, before) = fosterTarget() {
            let previous = tree[before].previous
            if tree[before].parent == parent, previous != Tree.none, tree[previous].kind == .text {
                tree.extendText(previous, lo: lo, hi: hi)
                return
            }
            tree.insert(tree.textNode(lo: lo, hi: hi, at: start, end: end), into: parent, before: before)
            return
        }
        if !whitespace { wrapInlineIfNeeded(at: start) }
        let last = tree[current].lastChild
        if last != Tree.none, tree[last].kind == .text {
            tree.extendText(last, lo: lo, hi: hi)
            tree[last].end = end
            return
        }
        tree.append(tree.textNode(lo: lo, hi: hi, at: start, end: end), to: current)
    }

    mutating func insertElement(_ tag: Int32, _ attributes: [Attribute], at: Int, inline: Bool,
                                tablePart: Bool = false) -> ID {
        let node = tree.element(tag, attributes: attributes, at: at)
        insert(node, inline: inline, tablePart: tablePart)
        push(node)
        return node
    }

    /// Text from the final pass's `b[lo..<hi]`, with references decoded and
    /// French spacing applied, added to the tree.
    mutating func text(_ b: [UInt8], _ lo: Int, _ hi: Int) {
        var storeLo = tree.text.count
        Self.decode(b, lo, hi, into: &tree.text)
        if skipNewline {
            skipNewline = false
            if storeLo < tree.text.count, tree.text[storeLo] == Byte.nl { storeLo += 1 }
            if storeLo == tree.text.count { return }
        }
        let storeHi = tree.text.count
        let whitespace = tree.isWhitespace(storeLo, storeHi)
        if !whitespace { reconstructFormatting() }
        insertText(lo: storeLo, hi: storeHi, start: lo, end: hi, whitespace: whitespace)
    }

    /// Appends `b[lo..<hi]` with references decoded and French spacing applied;
    /// plain text (the usual case) is copied once.
    static func decode(_ b: [UInt8], _ lo: Int, _ hi: Int, into store: inout [UInt8]) {
        var i = lo
        while i < hi {
            let c = b[i]
            if c == Byte.amp || (c == Byte.space && i + 1 < hi && FrenchSpacing.markBefore(b, i + 1) > 0) { break }
            if c == 0xC2 || c == 0xE2 { break } // a guillemet may need spacing
            i += 1
        }
        if i == hi {
            b.withUnsafeBufferPointer { store.append(contentsOf: UnsafeBufferPointer(rebasing: $0[lo..<hi])) }
            return
        }
        store.append(contentsOf: FrenchSpacing.apply(Entities.decodeBytes(b, lo, hi)))
    }

    // MARK: Formatting elements

    mutating func reconstructFormatting() {
        guard let last = formatting.last, last != Tree.none, !tree[last].onStack else { return }
        var k = formatting.count - 1
        while k > 0 {
            let entry = formatting[k - 1]
            guard entry != Tree.none, !tree[entry].onStack else { break }
            k -= 1
        }
        while k < formatting.count {
            let entry = formatting[k]
            guard entry != Tree.none else { k += 1; continue }
            if stack.count > Self.maxDepth { return }
            let clone = tree.clone(entry)
            tree[clone].start = position
            insert(clone, inline: true)
            push(clone)
            formatting[k] = clone
            k += 1
        }
    }

    mutating func pushFormatting(_ node: ID) {
        // At most three identical entries after the last marker.
        var same: [Int] = []
        var k = formatting.count - 1
        while k >= 0, formatting[k] != Tree.none {
            let entry = formatting[k]
            if tag(entry) == tag(node) && tree.sameAttributes(entry, node) { same.append(k) }
            k -= 1
        }
        if same.count >= 3 { formatting.remove(at: same[same.count - 1]) }
        formatting.append(node)
    }

    mutating func clearFormattingToMarker() {
        while let last = formatting.popLast() {
            if last == Tree.none { return }
        }
    }

    // MARK: Tokens

    mutating func process(_ token: MarkupToken, _ b: [UInt8]) {
        switch token {
        case .text(let lo, let hi):
            position = lo
            text(b, lo, hi)
        case .piece(let index, let at, let end):
            guard index < pieces.pieces.count else { return }
            position = at
            skipNewline = false
            let node = tree.pieceNode(index, at: at, end: end)
            if pieces.pieces[index].isBlock {
                closeParagraphInButtonScope()
                insert(node, inline: false)
            } else {
                if case .category = pieces.pieces[index] {
                    tree.append(node, to: current)
                } else {
                    reconstructFormatting()
                    insert(node, inline: true)
                }
            }
        case .startTag(let tag, let attributes, _, let at, _):
            position = at
            skipNewline = false
            startTag(tag, attributes)
        case .linkStart(let piece, let at, _):
            position = at
            skipNewline = false
            startTag(Tag.a, [], piece: piece)
        case .endTag(let tag, let at, let end):
            position = at
            skipNewline = false
            endTag(tag)
            position = end
        }
    }

    mutating func startTag(_ tag: Int32, _ attributes: [Attribute], piece: Int = -1) {
        let flags = TagNames.flags(tag)
        if flags.contains(.formatting) {
            // No formatting element is named by any of the checks below but the `a` one.
            formattingStart(tag, attributes, flags: flags, piece: piece)
            return
        }
        if tag == Tag.td || tag == Tag.th || tag == Tag.tr || tag == Tag.caption || tag == Tag.tbody {
            tableStart(tag, attributes)
            return
        }
        if tag == Tag.table {
            if let context = lastOnStack(where: { $0.flags.contains(.tableContext) }),
               self.tag(context) == Tag.table || self.tag(context) == Tag.tr {
                // A table directly in a table ends the first one.
                endTag(Tag.table)
            }
            if stack.count > Self.maxDepth { return }
            closeParagraphInButtonScope()
            _ = insertElement(tag, attributes, at: position, inline: false)
            return
        }
        if flags.contains(.void) {
            if tag == Tag.hr { closeParagraphInButtonScope() } else { reconstructFormatting() }
            let node = tree.element(tag, attributes: attributes, at: position)
            insert(node, inline: tag != Tag.hr)
            return
        }
        if stack.count > Self.maxDepth { return }
        if flags.contains(.impliedEnd), tag == Tag.li || tag == Tag.dd || tag == Tag.dt {
            var k = stack.count - 1
            while k >= 0 {
                let node = stack[k]
                let t = self.tag(node)
                if tag == Tag.li ? t == Tag.li : (t == Tag.dd || t == Tag.dt) {
                    generateImpliedEnds(except: t)
                    popUntil(node)
                    break
                }
                if self.flags(node).contains(.special) && t != Tag.address && t != Tag.div && t != Tag.p {
                    break
                }
                k -= 1
            }
            closeParagraphInButtonScope()
            _ = insertElement(tag, attributes, at: position, inline: false)
            return
        }
        if flags.contains(.closesParagraph) {
            closeParagraphInButtonScope()
            if flags.contains(.heading), self.flags(current).contains(.heading) { pop() }
            _ = insertElement(tag, attributes, at: position, inline: false)
            if tag == Tag.pre { skipNewline = true }
            return
        }
        formattingStart(tag, attributes, flags: flags, piece: piece)
    }

    /// A formatting element or any other inline element.
    mutating func formattingStart(_ tag: Int32, _ attributes: [Attribute], flags: TagFlags, piece: Int) {
        if stack.count > Self.maxDepth { return }
        if tag == Tag.a, let k = formatting.lastIndex(where: { $0 != Tree.none && self.tag($0) == Tag.a }),
           !formatting[k...].contains(Tree.none) {
            let existing = formatting[k]
            adoptionAgency(Tag.a)
            if let k2 = formatting.firstIndex(of: existing) { formatting.remove(at: k2) }
            if tree[existing].onStack, let s = stack.firstIndex(of: existing) {
                stack.remove(at: s); tree[existing].onStack = false
            }
        }
        reconstructFormatting()
        let node = insertElement(tag, attributes, at: position, inline: true)
        // Out-of-range numbers (the passes never write one) become no piece.
        tree[node].piece = Int32(clamping: piece)
        if flags.contains(.formatting) { pushFormatting(node) }
    }

    mutating func tableStart(_ tag: Int32, _ attributes: [Attribute]) {
        guard let context = lastOnStack(where: { $0.flags.contains(.tableContext) }) else { return }
        if tag == Tag.tbody { return }
        if tag == Tag.caption {
            guard let table = lastOnStack(where: { $0.tag == Tag.table }) else { return }
            popUntilAbove(table)
            clearFormattingToMarker()
            _ = insertElement(tag, attributes, at: position, inline: false, tablePart: true)
            formatting.append(Tree.none)
            return
        }
        let contextTag = self.tag(context)
        if contextTag == Tag.td || contextTag == Tag.th || contextTag == Tag.caption {
            // A new cell or row closes the open cell (or caption).
            generateImpliedEnds()
            popUntil(context)
            clearFormattingToMarker()
        }
        guard let tableOrRow = lastOnStack(where: { $0.tag == Tag.table || $0.tag == Tag.tr }) else { return }
        popUntilAbove(tableOrRow)
        if tag == Tag.tr {
            if self.tag(tableOrRow) == Tag.tr { popUntil(tableOrRow) }
            _ = insertElement(Tag.tr, attributes, at: position, inline: false, tablePart: true)
            return
        }
        if self.tag(tableOrRow) == Tag.table {
            _ = insertElement(Tag.tr, [], at: position, inline: false, tablePart: true)
        }
        _ = insertElement(tag, attributes, at: position, inline: false, tablePart: true)
        formatting.append(Tree.none)
    }

    /// Pops the elements above `node`, leaving it current.
    mutating func popUntilAbove(_ node: ID) {
        while stack.count > 1, current != node { pop() }
    }

    mutating func endTag(_ tag: Int32) {
        let flags = TagNames.flags(tag)
        if flags.contains(.formatting) {
            // No formatting element has a case below.
            adoptionAgency(tag)
            return
        }
        switch tag {
        case Tag.br:
            startTag(Tag.br, [])
        case Tag.p:
            if !stack.contains(where: { tree[$0].tag == Tag.p && !tree[$0].isPWrap }) || !inScope(tag: Tag.p, Self.buttonScope) {
                endPWrap()
                insert(tree.element(Tag.p, at: position), inline: false)
                return
            }
            generateImpliedEnds(except: Tag.p)
            popUntil(tag: Tag.p)
        case Tag.li:
            if inScope(tag: Tag.li, Self.listScope) { generateImpliedEnds(except: Tag.li); popUntil(tag: Tag.li) }
        case Tag.dd, Tag.dt:
            if inScope(tag: tag, Self.defaultScope) { generateImpliedEnds(except: tag); popUntil(tag: tag) }
        case _ where flags.contains(.heading):
            if Tag.headings.contains(where: { inScope(tag: $0, Self.defaultScope) }) {
                generateImpliedEnds()
                popUntilHeading()
            }
        case Tag.td, Tag.th, Tag.caption:
            if inScope(tag: tag, Self.tableScope) {
                generateImpliedEnds()
                popUntil(tag: tag)
                clearFormattingToMarker()
            }
        case Tag.tr:
            if inScope(tag: Tag.tr, Self.tableScope) {
                if let cell = stack.lastIndex(where: { tree[$0].tag == Tag.td || tree[$0].tag == Tag.th }),
                   let row = stack.lastIndex(where: { tree[$0].tag == Tag.tr }),
                   stack.firstIndex(of: stack[cell])! > stack.firstIndex(of: stack[row])! {
                    popUntil(stack[cell])
                    clearFormattingToMarker()
                }
                popUntil(tag: Tag.tr)
            }
        case Tag.table:
            if inScope(tag: Tag.table, Self.tableScope) {
                while stack.count > 1 {
                    let node = pop()
                    let t = self.tag(node)
                    if t == Tag.td || t == Tag.th || t == Tag.caption { clearFormattingToMarker() }
                    if t == Tag.table { break }
                }
            }
        case Tag.tbody:
            break
        default:
            if flags.contains(.closesParagraph) {
                if inScope(tag: tag, Self.defaultScope) {
                    generateImpliedEnds()
                    popUntil(tag: tag)
                }
            } else {
                anyOtherEndTag(tag)
            }
        }
    }

    mutating func anyOtherEndTag(_ tag: Int32) {
        var k = stack.count - 1
        while k >= 0 {
            let node = stack[k]
            if node == body { return }
            if self.tag(node) == tag {
                generateImpliedEnds(except: tag)
                popUntil(node)
                return
            }
            if flags(node).contains(.special) { return }
            k -= 1
        }
    }
}
