import LibXML

/// Reduces an HTML page to what the comparison looks at: tag names and text.
/// Attributes and comments go; `b`/`i` count as `strong`/`em`; HTML5's
/// implied `tbody`/`thead`/`tfoot` are unwrapped (libxml2 does not add them);
/// MediaWiki's page furniture (edit-section links, the table of contents,
/// category box, page-property metas) is dropped and its `mw-headline` wrapper
/// unwrapped; whitespace runs collapse to one space and vanish next to block
/// tags. The same function serves both sides of the comparison.
enum HTMLNormalizer {
    static let renamed = ["b": "strong", "i": "em"]
    static let unwrapped: Set<String> = ["tbody", "thead", "tfoot", "html", "body"]
    static let voidElements: Set<String> = ["br", "hr", "wbr", "img", "meta", "link", "input"]
    static let blockLevel: Set<String> = ["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "ul", "ol", "li",
                                          "dl", "dt", "dd", "table", "tr", "td", "th", "caption", "blockquote",
                                          "center", "hr", "br"]

    enum Token: Equatable { case open(String), close(String), text(String) }

    static func normalize(_ html: String) -> String {
        let root = HTMLDocumentParser.parse(html)
        var tokens: [Token] = []
        visit(root, into: &tokens)
        return render(cleanWhitespace(tokens))
    }

    static func isFurniture(_ e: MarkupElement) -> Bool {
        let classes = e.classes
        if classes.contains("mw-editsection") || classes.contains("toc") || classes.contains("catlinks") { return true }
        if e[attribute: "id"] == "toc" { return true }
        if let property = e[attribute: "property"], property.hasPrefix("mw:") { return true }
        return false
    }

    static func visit(_ e: MarkupElement, into tokens: inout [Token]) {
        for child in e.children {
            switch child {
            case .text(let t):
                tokens.append(.text(t))
            case .comment:
                break
            case .element(let c):
                if isFurniture(c) { continue }
                let name = renamed[c.name] ?? c.name
                if unwrapped.contains(name) || c.classes.contains("mw-headline") || name == "head" && false {
                    visit(c, into: &tokens)
                    continue
                }
                if name == "head" { continue }
                tokens.append(.open(name))
                if !voidElements.contains(name) {
                    visit(c, into: &tokens)
                    tokens.append(.close(name))
                }
            }
        }
    }

    static func isBlockToken(_ t: Token) -> Bool {
        switch t {
        case .open(let n), .close(let n): return blockLevel.contains(n)
        case .text: return false
        }
    }

    static func collapse(_ s: String) -> String {
        var out = ""
        var inSpace = false
        for ch in s.unicodeScalars {
            if ch == " " || ch == "\n" || ch == "\t" || ch == "\r" || ch == "\u{0C}" {
                if !inSpace { out += " " }
                inSpace = true
            } else {
                out.unicodeScalars.append(ch)
                inSpace = false
            }
        }
        return out
    }

    static func cleanWhitespace(_ tokens: [Token]) -> [Token] {
        // Merge adjacent text, collapse whitespace.
        var merged: [Token] = []
        for t in tokens {
            if case .text(let s) = t, case .text(let prev)? = merged.last {
                merged[merged.count - 1] = .text(prev + s)
            } else {
                merged.append(t)
            }
        }
        var out: [Token] = []
        for (k, t) in merged.enumerated() {
            guard case .text(let raw) = t else { out.append(t); continue }
            var s = collapse(raw)
            let before = k == 0 || isBlockToken(merged[k - 1])
            let after = k == merged.count - 1 || isBlockToken(merged[k + 1])
            if before, s.hasPrefix(" ") { s.removeFirst() }
            if after, s.hasSuffix(" ") { s.removeLast() }
            if !s.isEmpty { out.append(.text(s)) }
        }
        return out
    }

    static func render(_ tokens: [Token]) -> String {
        var out = ""
        for t in tokens {
            switch t {
            case .open(let n): out += "<\(n)>"
            case .close(let n): out += "</\(n)>"
            case .text(let s): out += s.replacing("<", with: "&lt;")
            }
        }
        return out
    }
}
