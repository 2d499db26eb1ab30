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
