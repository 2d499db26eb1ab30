/// Inline content: text and the spans that decorate it.
public enum Inline: Hashable, Sendable {
    /// Literal text (entities already decoded).
    case text(String)
    case emphasis([Inline])
    case strong([Inline])
    /// Inline code: `<code>`, `<tt>`, and similar.
    indirect case code(String, Attr)
    /// A link. `kind` says whether it is internal to the wiki, external, or a bare URL.
    indirect case link(Link)
    /// A hard line break (`<br>`).
    case lineBreak
    /// A generic span: an allowed HTML inline tag (`<span>`, `<sup>`, `<u>`, …)
    /// named by `name`.
    indirect case span(name: String, content: [Inline], attr: Attr)
    /// A template or parser function call, kept with its arguments.
    indirect case template(Template)
    /// Markup that has no node of its own, kept verbatim in its source format.
    indirect case raw(format: String, text: String)
}

public struct Link: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        /// `[[Target|label]]`: a page of the same wiki.
        case wiki
        /// `[https://… label]`
        case external
        /// A bare URL in running text.
        case bareURL = "bare-url"
        /// A category assignment (`[[Category:…]]`), shown as a link, not inline text.
        case category
    }

    public var kind: Kind
    /// For wiki links: the page title with namespace, as written (no anchor).
    /// For external links: the URL.
    public var target: String
    /// The `#section` part of a wiki link, without the `#`.
    public var fragment: String?
    public var content: [Inline]
    public var attr: Attr

    public init(kind: Kind, target: String, fragment: String? = nil, content: [Inline],
                attr: Attr = .empty) {
        self.kind = kind
        self.target = target
        self.fragment = fragment
        self.content = content
        self.attr = attr
    }
}

/// A `{{template|args}}` or `{{#function:args}}` call. pvyield does not expand
/// templates; it keeps them so that writers can show them instead of losing them.
public struct Template: Hashable, Sendable {
    public struct Argument: Hashable, Sendable {
        /// nil for positional arguments.
        public var name: String?
        public var value: String

        public init(name: String?, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The template's name, or the parser function with its `#` (e.g. `#if`).
    public var name: String
    public var arguments: [Argument]
    /// The call exactly as written, for writers that show it verbatim.
    public var source: String

    public init(name: String, arguments: [Argument], source: String) {
        self.name = name
        self.arguments = arguments
        self.source = source
    }

    public var isParserFunction: Bool { name.hasPrefix("#") }
}
