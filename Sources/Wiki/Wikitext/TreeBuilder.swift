import Document

/// Builds a tree from the passes' tags with the parts of HTML's tree-building
/// rules that MediaWiki's output relies on (its HTML goes through an HTML5
/// tree builder too): implied paragraph, list-item and cell ends, formatting
/// elements re-opened after block boundaries and misnesting, table content
/// fostered out of tables, and MediaWiki's wrapping of loose inline content of
/// `<body>` and `<blockquote>` in paragraphs. Nesting is capped: deeper start
/// tags are ignored, so their content joins the deepest element.
struct TreeBuilder {
    static let maxDepth = 100
    static let impliedEnd: Set<String> = ["dd", "dt", "li", "optgroup", "option", "p", "rb", "rp", "rt", "rtc"]
    static let defaultScope = TagFlags.defaultScope
    static let listScope = TagFlags.listScope
    static let buttonScope = TagFlags.buttonScope
    static let tableScope = TagFlags.tableScope

    let pieces: PieceTable
    let body = TreeNode(element: "body", at: 0)
    var stack: [TreeNode] = []
    /// Active formatting elements; nil is a marker (set at cells and captions).
    var formatting: [TreeNode?] = []
    var skipNewline = false
    var position = 0

    init(pieces: PieceTable) {
        self.pieces = pieces
        body.onStack = true
        stack = [body]
    }

    static func build(_ text: [UInt8], pieces: PieceTable) -> TreeNode {
        var builder = TreeBuilder(pieces: pieces)
        var tokenizer = MarkupTokenizer(text)
        while let token = tokenizer.next() {
            builder.process(token, text)
        }
        while builder.stack.count > 1 { builder.pop() }
        builder.body.end = text.count
        return builder.body
    }

    var current: TreeNode { stack[stack.count - 1] }

    // MARK: Stack

    mutating func push(_ node: TreeNode) {
        node.onStack = true
        stack.append(node)
    }

    @discardableResult
    mutating func pop() -> TreeNode {
        let node = stack.removeLast()
        node.onStack = false
        // An element ends where its content ends (or, if empty, where it is closed).
        node.end = max(node.start, node.children.last?.end ?? position)
        return node
    }

    mutating func popUntil(_ node: TreeNode) {
        while stack.count > 1 {
            if pop() === node { return }
        }
    }

    mutating func popUntil(named names: Set<String>) {
        while stack.count > 1 {
            if names.contains(pop().name) { return }
        }
    }

    func inScope(_ name: String, _ boundaries: TagFlags) -> Bool {
        var k = stack.count - 1
        while k >= 0 {
            let node = stack[k]
            if node.name == name { return true }
            if !node.flags.isDisjoint(with: boundaries) { return false }
            k -= 1
        }
        return false
    }

    func inScope(_ target: TreeNode, _ boundaries: TagFlags) -> Bool {
        var k = stack.count - 1
        while k >= 0 {
            let node = stack[k]
            if node === target { return true }
            if !node.flags.isDisjoint(with: boundaries) { return false }
            k -= 1
        }
        return false
    }

    mutating func generateImpliedEnds(except: String? = nil) {
        while stack.count > 1, current.flags.contains(.impliedEnd), current.name != except { pop() }
    }

    /// Ends the open p-wrap before a block. When inline elements are open inside
    /// it, they move out after it and the block goes inside them (MediaWiki
    /// splits its p-wrappers this way instead of closing the inline elements).
    mutating func endPWrap() {
        guard let k = stack.lastIndex(where: { $0.isPWrap }) else { return }
        let wrap = stack[k]
        if k == stack.count - 1 {
            pop()
            return
        }
        let child = stack[k + 1]
        child.detach()
        wrap.parent?.insert(child, after: wrap)
        stack.remove(at: k)
        wrap.onStack = false
        if wrap.children.isEmpty { wrap.detach() }
    }

    mutating func closeParagraphInButtonScope() {
        endPWrap()
        if inScope("p", Self.buttonScope) {
            generateImpliedEnds(except: "p")
            popUntil(named: ["p"])
        }
    }

    // MARK: Insertion

    /// Where a node goes: the current node, or before the table when the
    /// current node is a table or row (foster parenting).
    func fosterTarget() -> (parent: TreeNode, before: TreeNode)? {
        guard current.flags.contains(.tableContext), current.name == "table" || current.name == "tr" else { return nil }
        guard let table = stack.last(where: { $0.name == "table" }), let parent = table.parent else { return nil }
        return (parent, table)
    }

    mutating func insert(_ node: TreeNode, inline: Bool, tablePart: Bool = false, whitespace: Bool? = nil) {
        if !tablePart, current.flags.contains(.tableContext), !(whitespace ?? node.isWhitespaceText),
           let (parent, before) = fosterTarget() {
            if node.kind == .text, let k = parent.children.lastIndex(where: { $0 === before }), k > 0,
               parent.children[k - 1].kind == .text {
                parent.children[k - 1].text += node.text
                return
            }
            parent.insert(node, before: before)
            return
        }
        if inline && current.flags.contains(.wrapsInline) && !(node.kind == .text && (whitespace ?? node.isWhitespaceText)) {
            // MediaWiki wraps loose inline content of <body> and <blockquote> in <p>.
            let p = TreeNode(element: "p", at: node.start)
            p.isPWrap = true
            current.append(p)
            push(p)
        }
        if node.kind == .text, let last = current.children.last, last.kind == .text {
            last.text += node.text
            last.end = node.end
            return
        }
        current.append(node)
    }

    mutating func insertElement(_ name: String, _ attributes: [Attribute], at: Int, inline: Bool,
                                tablePart: Bool = false) -> TreeNode {
        let node = TreeNode(element: name, attributes: attributes, at: at)
        insert(node, inline: inline, tablePart: tablePart)
        push(node)
        return node
    }

    mutating func insertText(_ text: String, lo: Int, hi: Int) {
        var text = text
        if skipNewline {
            skipNewline = false
            if text.hasPrefix("\n") { text.removeFirst() }
            if text.isEmpty { return }
        }
        let node = TreeNode(text: text, at: lo, end: hi)
        let whitespace = node.isWhitespaceText
        if !whitespace { reconstructFormatting() }
        insert(node, inline: true, whitespace: whitespace)
    }

    // MARK: Formatting elements

    func isOnFormattingList(_ node: TreeNode) -> Bool {
        formatting.contains { $0 === node }
    }

    mutating func reconstructFormatting() {
        guard let last = formatting.last, let lastNode = last, !lastNode.onStack else { return }
        var k = formatting.count - 1
        while k > 0 {
            guard let entry = formatting[k - 1], !entry.onStack else { break }
            k -= 1
        }
        while k < formatting.count {
            guard let entry = formatting[k] else { k += 1; continue }
            if stack.count > Self.maxDepth { return }
            let clone = entry.clone()
            clone.start = position
            insert(clone, inline: true)
            push(clone)
            formatting[k] = clone
            k += 1
        }
    }

    mutating func pushFormatting(_ node: TreeNode) {
        // At most three identical entries after the last marker.
        var same: [Int] = []
        var k = formatting.count - 1
        while k >= 0, let entry = formatting[k] {
            if entry.name == node.name && entry.attributes == node.attributes { same.append(k) }
            k -= 1
        }
        if same.count >= 3 { formatting.remove(at: same[same.count - 1]) }
        formatting.append(node)
    }

    mutating func clearFormattingToMarker() {
        while let last = formatting.popLast() {
            if last == nil { return }
        }
    }

    // MARK: Tokens

    mutating func process(_ token: MarkupToken, _ b: [UInt8]) {
        switch token {
        case .text(let lo, let hi):
            position = lo
            insertText(Self.text(b, lo, hi), lo: lo, hi: hi)
        case .piece(let index, let at, let end):
            guard index < pieces.pieces.count else { return }
            position = at
            skipNewline = false
            let node = TreeNode(piece: index, at: at, end: end)
            if index < pieces.pieces.count, pieces.pieces[index].isBlock {
                closeParagraphInButtonScope()
                insert(node, inline: false)
            } else {
                if case .category = pieces.pieces[index] {
                    current.append(node)
                } else {
                    reconstructFormatting()
                    insert(node, inline: true)
                }
            }
        case .startTag(let name, let attributes, let selfClosing, let at, _):
            position = at
            skipNewline = false
            startTag(name, attributes, selfClosing: selfClosing)
        case .linkStart(let piece, let at, _):
            position = at
            skipNewline = false
            startTag("a", [], selfClosing: false, piece: piece)
        case .endTag(let name, let at, let end):
            position = at
            skipNewline = false
            endTag(name)
            position = end
        }
    }

    /// Text with references decoded and French spacing applied; plain text
    /// (the usual case) is copied once.
    static func text(_ b: [UInt8], _ lo: Int, _ hi: Int) -> String {
        var i = lo
        while i < hi {
            let c = b[i]
            if c == Byte.amp || (c == Byte.space && i + 1 < hi && FrenchSpacing.markBefore(b, i + 1) > 0) { break }
            if c == 0xC2 || c == 0xE2 { break } // a guillemet may need spacing
            i += 1
        }
        if i == hi { return String(decoding: b[lo..<hi], as: UTF8.self) }
        return String(decoding: FrenchSpacing.apply(Entities.decodeBytes(b, lo, hi)), as: UTF8.self)
    }

    mutating func startTag(_ name: String, _ attributes: [Attribute], selfClosing: Bool, piece: Int = -1) {
        let flags = TagFlags.of(name)
        if flags.contains(.formatting) {
            // No formatting element is named by any of the checks below but the `a` one.
            formattingStart(name, attributes, flags: flags, piece: piece)
            return
        }
        if name == "td" || name == "th" || name == "tr" || name == "caption" || name == "tbody" {
            tableStart(name, attributes)
            return
        }
        if name == "table" {
            if let context = stack.last(where: { $0.flags.contains(.tableContext) }),
               context.name == "table" || context.name == "tr" {
                // A table directly in a table ends the first one.
                endTag("table")
            }
            if stack.count > Self.maxDepth { return }
            closeParagraphInButtonScope()
            _ = insertElement(name, attributes, at: position, inline: false)
            return
        }
        if flags.contains(.void) {
            if name == "hr" { closeParagraphInButtonScope() } else { reconstructFormatting() }
            let node = TreeNode(element: name, attributes: attributes, at: position)
            node.end = position
            insert(node, inline: name != "hr")
            return
        }
        if stack.count > Self.maxDepth { return }
        if flags.contains(.impliedEnd), name == "li" || name == "dd" || name == "dt" {
            let closes: Set<String> = name == "li" ? ["li"] : ["dd", "dt"]
            for node in stack.reversed() {
                if closes.contains(node.name) {
                    generateImpliedEnds(except: node.name)
                    popUntil(node)
                    break
                }
                if node.flags.contains(.special) && node.name != "address" && node.name != "div" && node.name != "p" {
                    break
                }
            }
            closeParagraphInButtonScope()
            _ = insertElement(name, attributes, at: position, inline: false)
            return
        }
        if flags.contains(.closesParagraph) {
            closeParagraphInButtonScope()
            if flags.contains(.heading), current.flags.contains(.heading) { pop() }
            _ = insertElement(name, attributes, at: position, inline: false)
            if name == "pre" { skipNewline = true }
            return
        }
        formattingStart(name, attributes, flags: flags, piece: piece)
    }

    /// A formatting element or any other inline element.
    mutating func formattingStart(_ name: String, _ attributes: [Attribute], flags: TagFlags, piece: Int) {
        if stack.count > Self.maxDepth { return }
        if name == "a", let k = formatting.lastIndex(where: { $0?.name == "a" }),
           !formatting[k...].contains(where: { $0 == nil }), let existing = formatting[k] {
            adoptionAgency("a")
            if let k2 = formatting.firstIndex(where: { $0 === existing }) { formatting.remove(at: k2) }
            if existing.onStack, let s = stack.firstIndex(where: { $0 === existing }) {
                stack.remove(at: s); existing.onStack = false
            }
        }
        reconstructFormatting()
        let node = insertElement(name, attributes, at: position, inline: true)
        node.piece = piece
        if flags.contains(.formatting) { pushFormatting(node) }
    }

    mutating func tableStart(_ name: String, _ attributes: [Attribute]) {
        guard let context = stack.last(where: { $0.flags.contains(.tableContext) }) else { return }
        if name == "tbody" { return }
        if name == "caption" {
            guard let table = stack.last(where: { $0.name == "table" }) else { return }
            popUntilAbove(table)
            clearFormattingToMarker()
            _ = insertElement(name, attributes, at: position, inline: false, tablePart: true)
            formatting.append(nil)
            return
        }
        if context.name == "td" || context.name == "th" || context.name == "caption" {
            // A new cell or row closes the open cell (or caption).
            generateImpliedEnds()
            popUntil(context)
            clearFormattingToMarker()
        }
        guard let tableOrRow = stack.last(where: { $0.name == "table" || $0.name == "tr" }) else { return }
        popUntilAbove(tableOrRow)
        if name == "tr" {
            if tableOrRow.name == "tr" { popUntil(tableOrRow) }
            _ = insertElement("tr", attributes, at: position, inline: false, tablePart: true)
            return
        }
        if tableOrRow.name == "table" {
            _ = insertElement("tr", [], at: position, inline: false, tablePart: true)
        }
        _ = insertElement(name, attributes, at: position, inline: false, tablePart: true)
        formatting.append(nil)
    }

    /// Pops the elements above `node`, leaving it current.
    mutating func popUntilAbove(_ node: TreeNode) {
        while stack.count > 1, current !== node { pop() }
    }

    mutating func endTag(_ name: String) {
        let flags = TagFlags.of(name)
        if flags.contains(.formatting) {
            // No formatting element has a case below.
            adoptionAgency(name)
            return
        }
        switch name {
        case "br":
            startTag("br", [], selfClosing: true)
        case "p":
            if !stack.contains(where: { $0.name == "p" && !$0.isPWrap }) || !inScope("p", Self.buttonScope) {
                endPWrap()
                let p = TreeNode(element: "p", at: position)
                insert(p, inline: false)
                return
            }
            generateImpliedEnds(except: "p")
            popUntil(named: ["p"])
        case "li":
            if inScope("li", Self.listScope) { generateImpliedEnds(except: "li"); popUntil(named: ["li"]) }
        case "dd", "dt":
            if inScope(name, Self.defaultScope) { generateImpliedEnds(except: name); popUntil(named: [name]) }
        case "h1", "h2", "h3", "h4", "h5", "h6":
            if HTMLTags.headings.contains(where: { inScope($0, Self.defaultScope) }) {
                generateImpliedEnds()
                popUntil(named: HTMLTags.headings)
            }
        case "td", "th", "caption":
            if inScope(name, Self.tableScope) {
                generateImpliedEnds()
                popUntil(named: [name])
                clearFormattingToMarker()
            }
        case "tr":
            if inScope("tr", Self.tableScope) {
                if let cell = stack.last(where: { $0.name == "td" || $0.name == "th" }),
                   let row = stack.last(where: { $0.name == "tr" }),
                   stack.firstIndex(where: { $0 === cell })! > stack.firstIndex(where: { $0 === row })! {
                    popUntil(cell)
                    clearFormattingToMarker()
                }
                popUntil(named: ["tr"])
            }
        case "table":
            if inScope("table", Self.tableScope) {
                while stack.count > 1 {
                    let node = pop()
                    if node.name == "td" || node.name == "th" || node.name == "caption" { clearFormattingToMarker() }
                    if node.name == "table" { break }
                }
            }
        case "tbody":
            break
        default:
            if flags.contains(.formatting) {
                adoptionAgency(name)
            } else if flags.contains(.closesParagraph) {
                if inScope(name, Self.defaultScope) {
                    generateImpliedEnds()
                    popUntil(named: [name])
                }
            } else {
                anyOtherEndTag(name)
            }
        }
    }

    mutating func anyOtherEndTag(_ name: String) {
        for node in stack.reversed() {
            if node === body { return }
            if node.name == name {
                generateImpliedEnds(except: name)
                popUntil(node)
                return
            }
            if node.flags.contains(.special) { return }
        }
    }
}
