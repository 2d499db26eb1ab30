import Document

/// The recursive walk behind `DocumentHTMLWriter`.
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

    let resolver: DocumentHTMLWriter.LinkResolver
    var out = ""
    /// Category links met while rendering, for the footer.
    var categories: [Link] = []

    init(resolver: @escaping DocumentHTMLWriter.LinkResolver) { self.resolver = resolver }

    static func isPlain(_ attr: Attr) -> Bool { attr.attributes.contains { $0.key == "plain" } }

    mutating func text(_ s: String) { HTMLEscaping.text(s, into: &out) }

    mutating func open(_ name: String, _ attr: Attr = .empty, classes: [String] = []) {
        out += "<"
        out += name
        if !(attr.id.isEmpty && attr.classes.isEmpty && attr.attributes.isEmpty && classes.isEmpty) {
            AttributeFilter.render(attr, extraClasses: classes, into: &out)
        }
        out += ">"
    }

    // MARK: Blocks

    mutating func blocks(_ blocks: [Block]) {
        for (k, b) in blocks.enumerated() {
            block(b)
            // Separate consecutive bare runs so their words do not run together.
            if case .paragraph(_, let a) = b, Self.isPlain(a), k + 1 < blocks.count { out += "\n" }
        }
    }

    mutating func block(_ block: Block) {
        switch block {
        case .heading(let level, let content, let attr):
            let l = min(max(level, 1), 6)
            open("h\(l)", attr); inlines(content); out += "</h\(l)>\n"
        case .paragraph(let content, let attr):
            if Self.isPlain(attr) { inlines(content); return }
            open("p", attr); inlines(content); out += "</p>\n"
        case .codeBlock(let code, let attr):
            var a = attr
            a.classes = attr.classes.map { "lang-" + $0 }
            if let lang = attr.classes.first { a.attributes.append(Attribute("data-lang", lang)) }
            open("pre", a)
            if code.hasPrefix("\n") { out += "\n" }
            text(code); out += "</pre>\n"
        case .preformatted(let content, let attr):
            open("pre", attr)
            if case .text(let s)? = content.first, s.hasPrefix("\n") { out += "\n" }
            inlines(content); out += "</pre>\n"
        case .bulletList(let items, let attr), .orderedList(let items, let attr):
            let tag = { if case .bulletList = block { return "ul" } else { return "ol" } }()
            open(tag, attr)
            for item in items { out += "<li>"; blocks(item); out += "</li>\n" }
            out += "</\(tag)>\n"
        case .definitionList(let items, let attr):
            open("dl", attr)
            for item in items {
                if !item.term.isEmpty || item.definitions.isEmpty { out += "<dt>"; inlines(item.term); out += "</dt>\n" }
                for d in item.definitions { out += "<dd>"; blocks(d); out += "</dd>\n" }
            }
            out += "</dl>\n"
        case .blockQuote(let content, let attr):
            open("blockquote", attr); blocks(content); out += "</blockquote>\n"
        case .horizontalRule:
            out += "<hr />\n"
        case .table(let t):
            table(t)
        case .div(let name, let content, let attr):
            let tag = Self.blockNames.contains(name) ? name : "div"
            open(tag, attr); blocks(content); out += "</\(tag)>\n"
        case .template(let t, let attr):
            var a = attr
            a.attributes.append(Attribute("data-template", t.name))
            open("div", a, classes: ["template"]); text(t.source); out += "</div>\n"
        case .raw(_, let s):
            // Raw blocks are shown as text: the writer never passes markup through.
            out += "<pre class=\"raw\">"; text(s); out += "</pre>\n"
        }
    }

    mutating func table(_ t: Table) {
        open("table", t.attr); out += "\n"
        if let caption = t.caption { out += "<caption>"; inlines(caption); out += "</caption>\n" }
        for row in t.rows {
            open("tr", row.attr); out += "\n"
            for cell in row.cells {
                let tag = cell.isHeader ? "th" : "td"
                open(tag, cell.attr); blocks(cell.content); out += "</\(tag)>\n"
            }
            out += "</tr>\n"
        }
        out += "</table>\n"
    }

    /// Category links, gathered while rendering, in a footer (as a wiki page
    /// shows them).
    mutating func categoryFooter() {
        guard !categories.isEmpty else { return }
        out += "<div class=\"catlinks\">Categories: "
        for (k, l) in categories.enumerated() {
            if k > 0 { out += " | " }
            link(l, content: [.text(l.target.drop(while: { $0 != ":" }).dropFirst().description)])
        }
        out += "</div>\n"
    }

    // MARK: Inlines

    mutating func inlines(_ inlines: [Inline]) {
        for i in inlines { inline(i) }
    }

    mutating func inline(_ inline: Inline) {
        switch inline {
        case .text(let s): text(s)
        case .emphasis(let c): out += "<em>"; inlines(c); out += "</em>"
        case .strong(let c): out += "<strong>"; inlines(c); out += "</strong>"
        case .code(let s, let attr): open("code", attr); text(s); out += "</code>"
        case .link(let l):
            if l.kind == .category { categories.append(l) } else { link(l, content: l.content) }
        case .lineBreak: out += "<br />"
        case .span(let name, let content, let attr):
            let tag = Self.inlineNames.contains(name) ? name : (Self.blockNames.contains(name) ? name : "span")
            if Self.voidNames.contains(tag) { open(tag, attr); return }
            open(tag, attr); inlines(content); out += "</\(tag)>"
        case .template(let t):
            out += "<span class=\"template\" data-template=\""
            HTMLEscaping.attribute(t.name, into: &out)
            out += "\">"; text(t.source); out += "</span>"
        case .raw(_, let s):
            out += "<span class=\"raw\">"; text(s); out += "</span>"
        }
    }

    mutating func link(_ l: Link, content: [Inline]) {
        let href: String
        var classes: [String] = []
        switch l.kind {
        case .wiki, .category:
            href = resolver(l.target, l.fragment)
        case .external, .bareURL:
            href = l.target
            classes = ["external"]
            if case .text(let s)? = content.first, content.count == 1, s.hasPrefix("["), s.hasSuffix("]") {
                classes.append("autonumber")
            } else if l.kind == .bareURL {
                classes.append("free")
            } else {
                classes.append("text")
            }
        }
        out += "<a"
        if URLSafety.isSafe(href) {
            out += " href=\""; HTMLEscaping.attribute(href, into: &out); out += "\""
        }
        if l.kind == .wiki || l.kind == .category {
            out += " title=\""; HTMLEscaping.attribute(l.target, into: &out); out += "\""
        } else {
            out += " rel=\"nofollow\""
        }
        if !classes.isEmpty || !l.attr.classes.isEmpty {
            out += " class=\""
            HTMLEscaping.attribute((classes + l.attr.classes).joined(separator: " "), into: &out)
            out += "\""
        }
        out += ">"
        inlines(content)
        out += "</a>"
    }
}
