/// The HTML elements wikitext may use, as in MediaWiki's sanitizer; any other
/// tag is shown as text.
enum HTMLTags {
    static let allowed: Set<String> = [
        // Paired elements.
        "b", "bdi", "del", "i", "ins", "u", "font", "big", "small", "sub", "sup", "h1", "h2", "h3", "h4",
        "h5", "h6", "cite", "code", "em", "s", "strike", "strong", "tt", "var", "div", "center",
        "blockquote", "ol", "ul", "dl", "table", "caption", "pre", "ruby", "rb", "rp", "rt", "rtc", "p",
        "span", "abbr", "dfn", "kbd", "samp", "data", "time", "mark", "q", "bdo",
        // Elements that may appear alone.
        "br", "wbr", "hr", "li", "dt", "dd", "meta", "link",
        // Table parts.
        "td", "th", "tr",
    ]
    /// Elements that never have content.
    static let void: Set<String> = ["br", "wbr", "hr", "meta", "link", "img", "area", "col", "embed",
                                    "input", "param", "source", "track"]
    /// Elements that end an open paragraph when they start (HTML's rule).
    static let closesParagraph: Set<String> = [
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl",
        "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "main", "menu", "nav", "ol", "p",
        "section", "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "listing", "table", "hr",
        "li", "dd", "dt", "form", "xmp",
    ]
    /// Formatting elements, which HTML re-opens after a misnested close.
    static let formatting: Set<String> = ["a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small",
                                          "strike", "strong", "tt", "u"]
    /// HTML's "special" elements, which stop end-tag searches.
    static let special: Set<String> = [
        "address", "applet", "area", "article", "aside", "base", "basefont", "bgsound", "blockquote", "body",
        "br", "button", "caption", "center", "col", "colgroup", "dd", "details", "dir", "div", "dl", "dt",
        "embed", "fieldset", "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3",
        "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "iframe", "img", "input", "keygen", "li",
        "link", "listing", "main", "marquee", "menu", "meta", "nav", "noembed", "noframes", "noscript",
        "object", "ol", "p", "param", "plaintext", "pre", "script", "section", "select", "source", "style",
        "summary", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "title", "tr",
        "track", "ul", "wbr", "xmp",
    ]
    /// Block-level elements for the document model (the rest are inline spans).
    static let block: Set<String> = closesParagraph.union(["table", "tr", "td", "th", "caption", "tbody"])
    static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]
}

/// Pass 2: every `<` either starts an allowed tag, rewritten with whitelisted
/// attributes, or is escaped as `&lt;`. After this pass each `<` in the text is
/// markup, which the later passes rely on.
enum HTMLTagPass {
    static func run(_ src: [UInt8]) -> Emitter {
        var e = Emitter(capacity: src.count)
        let n = src.count
        var cursor = 0
        var i = 0
        while i < n {
            guard src[i] == Byte.lt else { i += 1; continue }
            e.copy(src, cursor, i)
            if let (tag, end) = tag(src, at: i) {
                e.emit(tag, at: i)
                cursor = end
                i = end
            } else {
                e.emit("&lt;", at: i)
                cursor = i + 1
                i += 1
            }
        }
        e.copy(src, cursor, n)
        return e
    }

    /// Parses an allowed tag at `at`: the rewritten tag and the index after `>`.
    static func tag(_ b: [UInt8], at: Int) -> ([UInt8], Int)? {
        let n = b.count
        var i = at + 1
        var closing = false
        if i < n, b[i] == Byte.slash { closing = true; i += 1 }
        let nameStart = i
        while i < n, !Byte.isWhitespace(b[i]), b[i] != Byte.slash, b[i] != Byte.gt, b[i] != Byte.lt, b[i] != 0 {
            i += 1
        }
        guard i > nameStart, i - nameStart <= 16 else { return nil }
        let name = String(decoding: b[nameStart..<i], as: UTF8.self).lowercased()
        guard HTMLTags.allowed.contains(name) else { return nil }
        // The tag runs to the next `>`; a `<` first means it is not a tag.
        var j = i
        while j < n, b[j] != Byte.gt, b[j] != Byte.lt { j += 1 }
        guard j < n, b[j] == Byte.gt else { return nil }
        if closing { return (Array("</\(name)>".utf8), j + 1) }
        var attrHi = j
        let selfClosing = attrHi > i && b[attrHi - 1] == Byte.slash
        if selfClosing { attrHi -= 1 }
        let attrs = AttributeSanitizer.sanitize(b, i, attrHi, element: name)
        var out = Array("<\(name)".utf8)
        out += AttributeSanitizer.render(attrs)
        out += (selfClosing && HTMLTags.void.contains(name)) ? Array(" />".utf8) : [Byte.gt]
        return (out, j + 1)
    }
}
