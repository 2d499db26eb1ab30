/// Plain-text views of the model, for sentence matching and search.
extension Array where Element == Inline {
    /// The text a reader sees, with markup dropped and line breaks as spaces.
    public var plainText: String {
        var out = ""
        for inline in self { inline.appendPlainText(to: &out) }
        return out
    }
}

extension Inline {
    func appendPlainText(to out: inout String) {
        switch self {
        case .text(let s): out += s
        case .emphasis(let c), .strong(let c): out += c.plainText
        case .code(let s, _): out += s
        case .link(let l):
            if l.kind != .category { out += l.content.plainText }
        case .lineBreak: out += " "
        case .span(_, let c, _): out += c.plainText
        case .template(let t): out += t.source
        case .raw(_, let text): out += text
        }
    }
}

extension Block {
    /// The block's own text (for headings and paragraphs), or the text of its children.
    public var plainText: String {
        switch self {
        case .heading(_, let c, _), .paragraph(let c, _), .preformatted(let c, _): return c.plainText
        case .codeBlock(let s, _): return s
        case .bulletList(let items, _), .orderedList(let items, _):
            return items.map { $0.map(\.plainText).joined(separator: "\n") }.joined(separator: "\n")
        case .definitionList(let items, _):
            return items.map { item in
                ([item.term.plainText] + item.definitions.map { $0.map(\.plainText).joined(separator: "\n") })
                    .joined(separator: "\n")
            }.joined(separator: "\n")
        case .blockQuote(let c, _), .div(_, let c, _): return c.map(\.plainText).joined(separator: "\n")
        case .horizontalRule: return ""
        case .table(let t):
            return t.rows.map { $0.cells.map { $0.content.map(\.plainText).joined(separator: " ") }.joined(separator: "\t") }
                .joined(separator: "\n")
        case .template(let t, _): return t.source
        case .raw(_, let text): return text
        }
    }
}
