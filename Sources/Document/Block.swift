/// Block content.
public indirect enum Block: Hashable, Sendable {
    case heading(level: Int, content: [Inline], attr: Attr)
    case paragraph([Inline], attr: Attr)
    /// Preformatted or source code. The language, when known, is `attr.classes.first`.
    case codeBlock(String, attr: Attr)
    /// Leading-space preformatted text, which may hold inline markup (MediaWiki renders it as `<pre>`).
    case preformatted([Inline], attr: Attr)
    case bulletList([[Block]], attr: Attr)
    case orderedList([[Block]], attr: Attr)
    case definitionList([DefinitionItem], attr: Attr)
    case blockQuote([Block], attr: Attr)
    case horizontalRule
    case table(Table)
    /// A generic block container (an allowed HTML block tag such as `<div>` or `<center>`,
    /// named by `name`).
    case div(name: String, content: [Block], attr: Attr)
    /// A template call standing alone on its line(s).
    case template(Template, attr: Attr)
    case raw(format: String, text: String)

    /// The node's attributes, where it has any.
    public var attr: Attr? {
        switch self {
        case .heading(_, _, let a), .paragraph(_, let a), .codeBlock(_, let a),
             .preformatted(_, let a), .bulletList(_, let a), .orderedList(_, let a),
             .definitionList(_, let a), .blockQuote(_, let a), .div(_, _, let a),
             .template(_, let a):
            return a
        case .table(let t):
            return t.attr
        case .horizontalRule, .raw:
            return nil
        }
    }
}

public struct DefinitionItem: Hashable, Sendable {
    /// The `;term`; empty for a bare `:` indent.
    public var term: [Inline]
    public var definitions: [[Block]]

    public init(term: [Inline], definitions: [[Block]]) {
        self.term = term
        self.definitions = definitions
    }
}

public struct Table: Hashable, Sendable {
    public struct Cell: Hashable, Sendable {
        public var isHeader: Bool
        public var content: [Block]
        public var attr: Attr

        public init(isHeader: Bool, content: [Block], attr: Attr = .empty) {
            self.isHeader = isHeader
            self.content = content
            self.attr = attr
        }
    }

    public struct Row: Hashable, Sendable {
        public var cells: [Cell]
        public var attr: Attr

        public init(cells: [Cell], attr: Attr = .empty) {
            self.cells = cells
            self.attr = attr
        }
    }

    public var caption: [Inline]?
    public var rows: [Row]
    public var attr: Attr

    public init(caption: [Inline]? = nil, rows: [Row], attr: Attr = .empty) {
        self.caption = caption
        self.rows = rows
        self.attr = attr
    }
}
