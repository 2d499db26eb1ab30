/// Generic traversal, so passes over a document need not repeat the recursion.
extension Block {
    /// The blocks directly inside this one.
    public var children: [Block] {
        switch self {
        case .bulletList(let items, _), .orderedList(let items, _): return items.flatMap { $0 }
        case .definitionList(let items, _): return items.flatMap { $0.definitions.flatMap { $0 } }
        case .blockQuote(let c, _), .div(_, let c, _): return c
        case .table(let t): return t.rows.flatMap { $0.cells.flatMap(\.content) }
        default: return []
        }
    }
}

extension Document {
    /// Visits every block, depth first, parents before children.
    public func forEachBlock(_ body: (Block) throws -> Void) rethrows {
        func visit(_ blocks: [Block]) throws {
            for block in blocks {
                try body(block)
                try visit(block.children)
            }
        }
        try visit(blocks)
    }

    /// The same document with every source range removed, so documents read
    /// from different formats can be compared for meaning.
    public var withoutSourceRanges: Document {
        Document(meta: meta, blocks: blocks.map(\.withoutSourceRanges))
    }
}

extension Block {
    public var withoutSourceRanges: Block {
        func strip(_ bs: [Block]) -> [Block] { bs.map(\.withoutSourceRanges) }
        switch self {
        case .heading(let l, let c, let a): return .heading(level: l, content: c, attr: a.withoutSource)
        case .paragraph(let c, let a): return .paragraph(c, attr: a.withoutSource)
        case .codeBlock(let s, let a): return .codeBlock(s, attr: a.withoutSource)
        case .preformatted(let c, let a): return .preformatted(c, attr: a.withoutSource)
        case .bulletList(let items, let a): return .bulletList(items.map(strip), attr: a.withoutSource)
        case .orderedList(let items, let a): return .orderedList(items.map(strip), attr: a.withoutSource)
        case .definitionList(let items, let a):
            return .definitionList(items.map { DefinitionItem(term: $0.term, definitions: $0.definitions.map(strip)) },
                                   attr: a.withoutSource)
        case .blockQuote(let c, let a): return .blockQuote(strip(c), attr: a.withoutSource)
        case .div(let n, let c, let a): return .div(name: n, content: strip(c), attr: a.withoutSource)
        case .template(let t, let a): return .template(t, attr: a.withoutSource)
        case .table(var t):
            t.attr = t.attr.withoutSource
            t.rows = t.rows.map { row in
                var r = row
                r.attr = r.attr.withoutSource
                r.cells = r.cells.map { var c = $0; c.attr = c.attr.withoutSource; c.content = strip(c.content); return c }
                return r
            }
            return .table(t)
        case .horizontalRule, .raw: return self
        }
    }
}
