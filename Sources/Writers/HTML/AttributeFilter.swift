import Document

/// Attributes a document may carry into HTML: a whitelist like MediaWiki's
/// sanitizer (no event handlers, no `style` that can run script or fetch).
enum AttributeFilter {
    static let allowed: Set<String> = [
        "id", "class", "style", "lang", "dir", "title", "role", "align", "valign", "width", "height", "border",
        "bgcolor", "cellpadding", "cellspacing", "frame", "rules", "summary", "abbr", "axis", "headers", "scope",
        "rowspan", "colspan", "nowrap", "start", "type", "value", "reversed", "cite", "datetime", "size", "color",
        "face", "clear", "char", "charoff", "tabindex", "aria-label", "aria-hidden", "aria-describedby",
        "aria-labelledby", "itemprop", "itemscope", "itemtype", "itemid", "itemref",
    ]

    static func isAllowed(_ key: String) -> Bool {
        let k = key.lowercased()
        if allowed.contains(k) { return true }
        if k.hasPrefix("data-") {
            if isASCII(k) { return k.utf8.count > 5 && k.utf8.allSatisfy(isNameByte) }
            return k.count > 5 && k.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }
        }
        return false
    }

    /// For ASCII text, a letter, digit, `-`, `_` or `.` after lower-casing is
    /// one of these bytes, so the Unicode character properties need not be asked.
    @inline(__always)
    static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x5F || b == 0x2E
    }

    static func isASCII(_ s: String) -> Bool { s.utf8.allSatisfy { $0 < 0x80 } }

    /// The attribute name written: lower-cased, keeping letters, digits, `-`, `_` and `.`.
    static func writeName(_ key: String, into out: inout [UInt8]) {
        let k = key.lowercased()
        if isASCII(k) {
            for b in k.utf8 where isNameByte(b) { out.append(b) }
        } else {
            out.write(k.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." })
        }
    }

    static func isSafeStyle(_ value: String) -> Bool {
        var css = value.lowercased()
        while let open = css.firstRange(of: "/*") {
            if let close = css[open.upperBound...].firstRange(of: "*/") {
                css.replaceSubrange(open.lowerBound..<close.upperBound, with: "")
            } else {
                css.removeSubrange(open.lowerBound..<css.endIndex)
            }
        }
        let compact = css.filter { !$0.isWhitespace && $0 != "\\" }
        for bad in ["expression", "url(", "javascript", "vbscript", "image(", "image-set(", "-moz-binding",
                    "behavior", "-o-link"] where compact.contains(bad) {
            return false
        }
        return true
    }

    /// ` key="value"` for the attributes that pass, id and classes first.
    static func render(_ attr: Attr, extraClasses: [String] = [], into out: inout [UInt8]) {
        if !attr.id.isEmpty { out.lit(" id=\""); HTMLEscaping.attribute(attr.id, into: &out); out.append(0x22) }
        if !extraClasses.isEmpty || !attr.classes.isEmpty {
            out.lit(" class=\"")
            var first = true
            for c in extraClasses {
                if !first { out.append(0x20) }
                first = false
                HTMLEscaping.attribute(c, into: &out)
            }
            for c in attr.classes {
                if !first { out.append(0x20) }
                first = false
                HTMLEscaping.attribute(c, into: &out)
            }
            out.append(0x22)
        }
        for a in attr.attributes where isAllowed(a.key) && a.key != "id" && a.key != "class" {
            if a.key.lowercased() == "style" && !isSafeStyle(a.value) { continue }
            out.append(0x20)
            writeName(a.key, into: &out)
            out.lit("=\""); HTMLEscaping.attribute(a.value, into: &out); out.append(0x22)
        }
    }

    static func render(_ attr: Attr, extraClasses: [String] = [], into out: inout String) {
        var bytes: [UInt8] = []
        render(attr, extraClasses: extraClasses, into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }
}
