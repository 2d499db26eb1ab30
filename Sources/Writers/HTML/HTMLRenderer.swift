import Document

/// The recursive walk behind `DocumentHTMLWriter`. It writes UTF-8 bytes into
/// one buffer, made into a `String` once at the end.
struct HTMLRenderer {
    /// Element names the writer emits for `div`/`span` nodes; anything else
    /// becomes a plain `div` or `span`, so a document cannot smuggle in `<script>`.
    static let blockNames: Set<String> = ["div", "center", "blockquote", "section", "aside", "figure", "p", "pre",
                                          "address", "article", "header", "footer", "nav", "main", "details",
                                          "summary", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl",
                                          "dt", "dd", "table", "tr", "td", "th", "caption", "hr"]
    static let inlineNames: Set<String> = ["span", "sup", "sub", "u", "s", "strike", "del", "ins", "small", "big",
                                           "tt", "kbd", "samp", "var", "cite", "abbr", "dfn", "q", "mark", "font",
                                           "bdi", "bdo", "ruby", "rb", "rp", "rt", "rtc", "data", "time", "code",
                                           "b", "i", "em", "strong", "wbr"]
    static let voidNames: Set<String> = ["hr", "wbr", "br"]

    /// nil: `DocumentHTMLWriter.defaultLinkResolver`, written straight into the buffer.
    let resolver: DocumentHTMLWriter.LinkResolver?
    var buffer: [UInt8] = []
    /// Category links met while rendering, for the footer.
    var categories: [Link] = []

    init(resolver: DocumentHTMLWriter.LinkResolver?, capacity: Int = 0) {
        self.resolver = resolver
        buffer.reserveCapacity(capacity)
    }

    var out: String { String(decoding: buffer, as: UTF8.self) }

    static func isPlain(_ attr: Attr) -> Bool { attr.attributes.contains { $0.key == "plain" } }

    mutating func text(_ s: String) { HTMLEscaping.text(s, into: &buffer) }

    mutating func open(_ name: String, _ attr: Attr = .empty, classes: [String] = []) {
        buffer.append(0x3C)
        buffer.write(name)
        if !(attr.id.isEmpty && attr.classes.isEmpty && attr.attributes.isEmpty && classes.isEmpty) {
            AttributeFilter.render(attr, extraClasses: classes, into: &buffer)
        }
        buffer.append(0x3E)
    }

    mutating func close(_ name: String, newline: Bool) {
        buffer.append(0x3C); buffer.append(0x2F)
        buffer.write(name)
        buffer.append(0x3E)
        if newline { buffer.append(0x0A) }
    }

    static let headingNames = ["h1", "h2", "h3", "h4", "h5", "h6"]

    // MARK: Blocks

    mutating func blocks(_ blocks: [Block]) {
        for k in blocks.indices {
            block(blocks[k])
            // Separate consecutive bare runs so their words do not run together.
            if k + 1 < blocks.count, case .paragraph(_, let a) = blocks[k], Self.isPlain(a) { buffer.append(0x0A) }
        }
    }

    mutating func block(_ block: borrowing Block) {
        switch block {
        case .heading(let level, let content, let attr):
            let tag = Self.headingNames[min(max(level, 1), 6) - 1]
            open(tag, attr); inlines(content); close(tag, newline: true)
        case .paragraph(let content, let attr):
            if Self.isPlain(attr) { inlines(content); return }
            open("p", attr); inlines(content); buffer.lit("</p>\n")
        case .codeBlock(let code, let attr):
            var a = attr
            a.classes = attr.classes.map { "lang-" + $0 }
            if let lang = attr.classes.first { a.attributes.append(Attribute("data-lang", lang)) }
            open("pre", a)
            if code.utf8.first == 0x0A { buffer.append(0x0A) }
            text(code); buffer.lit("</pre>\n")
        case .preformatted(let content, let attr):
            open("pre", attr)
            if case .text(let s)? = content.first, s.utf8.first == 0x0A { buffer.append(0x0A) }
            inlines(content); buffer.lit("</pre>\n")
        case .bulletList(let items, let attr):
            list("ul", items, attr)
        case .orderedList(let items, let attr):
            list("ol", items, attr)
        case .definitionList(let items, let attr):
            open("dl", attr)
            for item in items {
                if !item.term.isEmpty || item.definitions.isEmpty { buffer.lit("<dt>"); inlines(item.term); buffer.lit("</dt>\n") }
                for d in item.definitions { buffer.lit("<dd>"); blocks(d); buffer.lit("</dd>\n") }
            }
            buffer.lit("</dl>\n")
        case .blockQuote(let content, let attr):
            open("blockquote", attr); blocks(content); buffer.lit("</blockquote>\n")
        case .horizontalRule:
            buffer.lit("<hr />\n")
        case .table(let t):
            table(t)
        case .div(let name, let content, let attr):
            let tag = Self.blockNames.contains(name) ? name : "div"
            open(tag, attr); blocks(content); close(tag, newline: true)
        case .template(let t, let attr):
            var a = attr
            a.attributes.append(Attribute("data-template", t.name))
            open("div", a, classes: ["template"]); text(t.source); buffer.lit("</div>\n")
        case .raw(_, let s):
            // Raw blocks are shown as text: the writer never passes markup through.
            buffer.lit("<pre class=\"raw\">"); text(s); buffer.lit("</pre>\n")
        }
    }

    mutating func list(_ tag: String, _ items: [[Block]], _ attr: Attr) {
        open(tag, attr)
        for k in items.indices { buffer.lit("<li>"); blocks(items[k]); buffer.lit("</li>\n") }
        close(tag, newline: true)
    }

    mutating func table(_ t: Table) {
        open("table", t.attr); buffer.append(0x0A)
        if let caption = t.caption { buffer.lit("<caption>"); inlines(caption); buffer.lit("</caption>\n") }
        for r in t.rows.indices {
            open("tr", t.rows[r].attr); buffer.append(0x0A)
            for c in t.rows[r].cells.indices {
                let cell = t.rows[r].cells[c]
                let tag = cell.isHeader ? "th" : "td"
                open(tag, cell.attr); blocks(cell.content); close(tag, newline: true)
            }
            buffer.lit("</tr>\n")
        }
        buffer.lit("</table>\n")
    }

    /// Category links, gathered while rendering, in a footer (as a wiki page
    /// shows them).
    mutating func categoryFooter() {
        guard !categories.isEmpty else { return }
        buffer.lit("<div class=\"catlinks\">Categories: ")
        for (k, l) in categories.enumerated() {
            if k > 0 { buffer.lit(" | ") }
            link(l, content: [.text(l.target.drop(while: { $0 != ":" }).dropFirst().description)])
        }
        buffer.lit("</div>\n")
    }

    // MARK: Inlines

    mutating func inlines(_ inlines: [Inline]) {
        // Indexing, unlike `for … in`, borrows each element instead of copying it.
        for k in inlines.indices { inline(inlines[k]) }
    }

    mutating func inline(_ inline: borrowing Inline) {
        switch inline {
        case .text(let s): text(s)
        case .emphasis(let c): buffer.lit("<em>"); inlines(c); buffer.lit("</em>")
        case .strong(let c): buffer.lit("<strong>"); inlines(c); buffer.lit("</strong>")
        case .code(let s, let attr): open("code", attr); text(s); buffer.lit("</code>")
        case .link(let l):
            if l.kind == .category { categories.append(l) } else { link(l, content: l.content) }
        case .lineBreak: buffer.lit("<br />")
        case .span(let name, let content, let attr):
            let tag = Self.inlineNames.contains(name) ? name : (Self.blockNames.contains(name) ? name : "span")
            if Self.voidNames.contains(tag) { open(tag, attr); return }
            open(tag, attr); inlines(content); close(tag, newline: false)
        case .template(let t):
            buffer.lit("<span class=\"template\" data-template=\"")
            HTMLEscaping.attribute(t.name, into: &buffer)
            buffer.lit("\">"); text(t.source); buffer.lit("</span>")
        case .raw(_, let s):
            buffer.lit("<span class=\"raw\">"); text(s); buffer.lit("</span>")
        }
    }

    static func isAutonumber(_ content: [Inline]) -> Bool {
        guard content.count == 1, case .text(let s) = content[0] else { return false }
        return s.hasPrefix("[") && s.hasSuffix("]")
    }

    mutating func link(_ l: Link, content: [Inline]) {
        let isWiki = l.kind == .wiki || l.kind == .category
        buffer.lit("<a")
        if isWiki, resolver == nil {
            buffer.lit(" href=\""); DocumentHTMLWriter.writeDefaultHref(l.target, l.fragment, into: &buffer); buffer.append(0x22)
        } else {
            let href = isWiki ? resolver!(l.target, l.fragment) : l.target
            if URLSafety.isSafe(href) {
                buffer.lit(" href=\""); HTMLEscaping.attribute(href, into: &buffer); buffer.append(0x22)
            }
        }
        if isWiki {
            buffer.lit(" title=\""); HTMLEscaping.attribute(l.target, into: &buffer); buffer.append(0x22)
        } else {
            buffer.lit(" rel=\"nofollow\"")
        }
        if !isWiki || !l.attr.classes.isEmpty {
            buffer.lit(" class=\"")
            var first = true
            if !isWiki {
                buffer.lit("external ")
                if Self.isAutonumber(content) {
                    buffer.lit("autonumber")
                } else if l.kind == .bareURL {
                    buffer.lit("free")
                } else {
                    buffer.lit("text")
                }
                first = false
            }
            for c in l.attr.classes {
                if !first { buffer.append(0x20) }
                first = false
                HTMLEscaping.attribute(c, into: &buffer)
            }
            buffer.append(0x22)
        }
        buffer.append(0x3E)
        inlines(content)
        buffer.lit("</a>")
    }
}
