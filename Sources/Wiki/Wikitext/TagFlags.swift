/// What the tree builder needs to know about an element name, looked up once
/// per element instead of testing sets of names at every step.
struct TagFlags: OptionSet, Sendable {
    let rawValue: UInt32

    static let special = TagFlags(rawValue: 1 << 0)
    static let formatting = TagFlags(rawValue: 1 << 1)
    static let closesParagraph = TagFlags(rawValue: 1 << 2)
    static let void = TagFlags(rawValue: 1 << 3)
    static let impliedEnd = TagFlags(rawValue: 1 << 4)
    static let heading = TagFlags(rawValue: 1 << 5)
    /// Ends HTML's default scope.
    static let scopeBoundary = TagFlags(rawValue: 1 << 6)
    /// Ends list-item scope in addition (`ol`, `ul`).
    static let listBoundary = TagFlags(rawValue: 1 << 7)
    static let buttonBoundary = TagFlags(rawValue: 1 << 8)
    /// Ends table scope.
    static let tableBoundary = TagFlags(rawValue: 1 << 9)
    /// table, tr, td, th, caption.
    static let tableContext = TagFlags(rawValue: 1 << 10)
    /// body and blockquote, whose loose inline content MediaWiki wraps in `<p>`.
    static let wrapsInline = TagFlags(rawValue: 1 << 11)
    /// A block in the document model.
    static let block = TagFlags(rawValue: 1 << 12)

    private static let table: [String: TagFlags] = {
        var t: [String: TagFlags] = [:]
        func add(_ names: Set<String>, _ f: TagFlags) { for n in names { t[n, default: []].insert(f) } }
        add(HTMLTags.special, .special)
        add(HTMLTags.formatting, .formatting)
        add(HTMLTags.closesParagraph, .closesParagraph)
        add(HTMLTags.void, .void)
        add(TreeBuilder.impliedEnd, .impliedEnd)
        add(HTMLTags.headings, .heading)
        add(["applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "body"], .scopeBoundary)
        add(["ol", "ul"], .listBoundary)
        add(["button"], .buttonBoundary)
        add(["html", "table", "template", "body"], .tableBoundary)
        add(["table", "tr", "td", "th", "caption"], .tableContext)
        add(["body", "blockquote"], .wrapsInline)
        add(HTMLTags.block.union(["blockquote"]), .block)
        return t
    }()

    static func of(_ name: String) -> TagFlags { table[name] ?? [] }

    static let defaultScope: TagFlags = [.scopeBoundary]
    static let listScope: TagFlags = [.scopeBoundary, .listBoundary]
    static let buttonScope: TagFlags = [.scopeBoundary, .buttonBoundary]
    static let tableScope: TagFlags = [.tableBoundary]
}
