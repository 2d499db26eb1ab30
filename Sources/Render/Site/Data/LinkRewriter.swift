import Document

/// Rewrites a document's wiki links to the hrefs the site gives them, so the
/// Markdown export links where the HTML does (DocumentMarkdownWriter, unlike
/// the HTML writer, takes no link resolver).
enum LinkRewriter {
    static func blocks(_ blocks: [Block], _ href: (String, String?) -> String) -> [Block] {
        blocks.map { block($0, href) }
    }

    static func block(_ b: Block, _ href: (String, String?) -> String) -> Block {
        func i(_ c: [Inline]) -> [Inline] { inlines(c, href) }
        func bs(_ c: [Block]) -> [Block] { blocks(c, href) }
        switch b {
        case .heading(let l, let c, let a): return .heading(level: l, content: i(c), attr: a)
        case .paragraph(let c, let a): return .paragraph(i(c), attr: a)
        case .preformatted(let c, let a): return .preformatted(i(c), attr: a)
        case .bulletList(let items, let a): return .bulletList(items.map(bs), attr: a)
        case .orderedList(let items, let a): return .orderedList(items.map(bs), attr: a)
        case .definitionList(let items, let a):
            return .definitionList(items.map { DefinitionItem(term: i($0.term), definitions: $0.definitions.map(bs)) }, attr: a)
        case .blockQuote(let c, let a): return .blockQuote(bs(c), attr: a)
        case .div(let n, let c, let a): return .div(name: n, content: bs(c), attr: a)
        case .table(var t):
            t.caption = t.caption.map(i)
            t.rows = t.rows.map { row in
                var r = row
                r.cells = row.cells.map { cell in var x = cell; x.content = bs(cell.content); return x }
                return r
            }
            return .table(t)
        case .codeBlock, .horizontalRule, .template, .raw: return b
        }
    }

    static func inlines(_ c: [Inline], _ href: (String, String?) -> String) -> [Inline] {
        c.map { inline in
            switch inline {
            case .emphasis(let x): return .emphasis(inlines(x, href))
            case .strong(let x): return .strong(inlines(x, href))
            case .span(let n, let x, let a): return .span(name: n, content: inlines(x, href), attr: a)
            case .link(var l):
                l.content = inlines(l.content, href)
                if l.kind == .wiki { l = Link(kind: .external, target: href(l.target, l.fragment), content: l.content, attr: l.attr) }
                return .link(l)
            default: return inline
            }
        }
    }
}
