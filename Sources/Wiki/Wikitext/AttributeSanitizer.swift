import Document

/// HTML attributes written in wikitext: parsed leniently, then whitelisted per
/// element as MediaWiki's sanitizer does (no event handlers, no unsafe CSS).
enum AttributeSanitizer {
    /// Attributes every allowed element may carry.
    static let common: Set<String> = [
        "id", "class", "style", "lang", "dir", "title", "tabindex", "role",
        "aria-describedby", "aria-flowto", "aria-hidden", "aria-label", "aria-labelledby",
        "aria-level", "aria-owns", "about", "property", "resource", "datatype", "typeof",
        "itemid", "itemprop", "itemref", "itemscope", "itemtype",
    ]
    static let align: Set<String> = ["align"]
    static let cell: Set<String> = ["abbr", "axis", "headers", "scope", "rowspan", "colspan", "nowrap",
                                    "width", "height", "bgcolor", "align", "valign"]
    /// Extra attributes by element.
    static let byElement: [String: Set<String>] = [
        "div": align, "p": align, "center": [], "h1": align, "h2": align, "h3": align, "h4": align,
        "h5": align, "h6": align, "caption": align,
        "blockquote": ["cite"], "q": ["cite"], "del": ["cite", "datetime"], "ins": ["cite", "datetime"],
        "ol": ["type", "start", "reversed"], "ul": ["type"], "li": ["type", "value"],
        "table": ["summary", "width", "border", "frame", "rules", "cellspacing", "cellpadding",
                  "align", "bgcolor"],
        "tr": ["bgcolor", "align", "valign"], "td": cell, "th": cell,
        "font": ["size", "color", "face"], "hr": ["width"], "br": ["clear"], "pre": ["width"],
        "time": ["datetime"], "data": ["value"], "meta": ["content"], "link": ["href"],
        "syntaxhighlight": ["lang", "inline", "line", "start", "highlight"],
        "source": ["lang", "inline", "line", "start", "highlight"],
    ]

    // MARK: Parsing

    @inline(__always) static func isNameStart(_ c: UInt8) -> Bool {
        Byte.isAlnum(c) || c == Byte.colon || c == Byte.underscore || c >= 0x80
    }
    @inline(__always) static func isNameByte(_ c: UInt8) -> Bool {
        isNameStart(c) || c == 0x2E || c == Byte.dash
    }

    /// Parses `name=value` pairs from `b[lo..<hi]` (names lower-cased, values with
    /// character references decoded). A name counts only after whitespace or at
    /// the start; anything unparsable is skipped.
    static func parse(_ b: [UInt8], _ lo: Int, _ hi: Int) -> [Attribute] {
        var out: [Attribute] = []
        var i = lo
        var atBoundary = true
        while i < hi {
            let c = b[i]
            if Byte.isWhitespace(c) { atBoundary = true; i += 1; continue }
            if !atBoundary || !isNameStart(c) {
                // Skip to the next whitespace: a name must follow whitespace.
                while i < hi, !Byte.isWhitespace(b[i]) { i += 1 }
                continue
            }
            let nameStart = i
            while i < hi, isNameByte(b[i]) { i += 1 }
            let name = String(decoding: b[nameStart..<i], as: UTF8.self).lowercased()
            var j = i
            while j < hi, Byte.isWhitespace(b[j]) { j += 1 }
            var value = ""
            if j < hi, b[j] == Byte.equals {
                j += 1
                while j < hi, Byte.isWhitespace(b[j]) { j += 1 }
                if j < hi, b[j] == Byte.quote || b[j] == Byte.apos {
                    let q = b[j]
                    let vs = j + 1
                    var ve = vs
                    while ve < hi, b[ve] != q { ve += 1 }
                    value = Entities.decode(b, vs, ve)
                    i = min(ve + 1, hi)
                } else {
                    let vs = j
                    var ve = vs
                    while ve < hi, !Byte.isWhitespace(b[ve]), b[ve] != Byte.gt { ve += 1 }
                    value = Entities.decode(b, vs, ve)
                    i = ve
                }
            }
            atBoundary = false
            out.append(Attribute(name, value))
        }
        return out
    }

    // MARK: Whitelisting

    static func isAllowed(_ name: String, element: String) -> Bool {
        if common.contains(name) || byElement[element]?.contains(name) == true { return true }
        if name.hasPrefix("data-") {
            // Reserved for MediaWiki and its tools.
            let rest = name.dropFirst(5)
            return !rest.isEmpty && !rest.hasPrefix("ooui") && !rest.hasPrefix("mw") && !rest.hasPrefix("parsoid")
                && !rest.contains(":")
        }
        return false
    }

    /// Whether a CSS declaration could run script or fetch something.
    static func isUnsafeStyle(_ value: String) -> Bool {
        var css = value.lowercased()
        // Comments and backslash escapes hide keywords from naive checks.
        while let open = css.firstRange(of: "/*") {
            if let close = css[open.upperBound...].firstRange(of: "*/") {
                css.replaceSubrange(open.lowerBound..<close.upperBound, with: "")
            } else {
                css.removeSubrange(open.lowerBound..<css.endIndex)
            }
        }
        css = css.replacing("\\", with: "")
        let compact = css.filter { !$0.isWhitespace }
        for bad in ["expression", "url(", "image(", "image-set(", "javascript", "vbscript", "-o-link",
                    "behavior", "behaviour", "-moz-binding", "filter:", "accelerator:"] where compact.contains(bad) {
            return true
        }
        return css.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" && $0 != "\n" }
    }

    static func sanitize(_ attributes: [Attribute], element: String) -> [Attribute] {
        var out: [Attribute] = []
        var seen = Set<String>()
        // Later duplicates win, as in MediaWiki.
        for attr in attributes.reversed() where !seen.contains(attr.key) {
            seen.insert(attr.key)
            guard isAllowed(attr.key, element: element) else { continue }
            var value = attr.value
            switch attr.key {
            case "style":
                if isUnsafeStyle(value) { value = "/* insecure input */" }
            case "tabindex":
                if value.filter({ $0 != " " && $0 != "\t" }) != "0" { continue }
            case "id":
                value = value.replacing(" ", with: "_")
            default:
                break
            }
            out.append(Attribute(attr.key, value))
        }
        return out.reversed()
    }

    static func sanitize(_ b: [UInt8], _ lo: Int, _ hi: Int, element: String) -> [Attribute] {
        sanitize(parse(b, lo, hi), element: element)
    }

    // MARK: Rendering back into the text

    /// ` key="value"` with every character that later wikitext passes could
    /// read as markup written as a numeric reference.
    static func render(_ attributes: [Attribute]) -> [UInt8] {
        var out: [UInt8] = []
        for attr in attributes {
            out.append(Byte.space)
            out.append(contentsOf: Array(attr.key.utf8))
            out.append(contentsOf: Array("=\"".utf8))
            for c in attr.value.utf8 {
                if Byte.isAlnum(c) || c >= 0x80 || c == Byte.space || c == 0x2E || c == 0x2C || c == 0x28
                    || c == 0x29 || c == 0x25 || c == 0x40 || c == 0x24 || c == Byte.plus || c == 0x3F {
                    out.append(c)
                } else {
                    out.append(contentsOf: Array("&#\(c);".utf8))
                }
            }
            out.append(Byte.quote)
        }
        return out
    }
}

