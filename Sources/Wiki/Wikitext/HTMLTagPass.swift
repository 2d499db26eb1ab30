/// Pass 2: every `<` either starts an allowed tag, rewritten with whitelisted
/// attributes, or is escaped as `&lt;`. After this pass each `<` in the text is
/// markup, which the later passes rely on.
enum HTMLTagPass {
    static func run(_ src: [UInt8], reusing spare: consuming [UInt8] = []) -> Emitter {
        var e = Emitter(capacity: src.count, reusing: spare)
        let n = src.count
        var cursor = 0
        var i = 0
        while i < n {
            i = Scan.firstOf(src, Byte.lt, Byte.lt, Byte.lt, from: i, to: n)
            guard i < n else { break }
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
        // <meta> and <link> are allowed only as microdata.
        if (name == "meta" || name == "link") && !attrs.contains(where: { $0.key == "itemprop" }) { return nil }
        var out = Array("<\(name)".utf8)
        out += AttributeSanitizer.render(attrs)
        out += (selfClosing && HTMLTags.void.contains(name)) ? Array(" />".utf8) : [Byte.gt]
        return (out, j + 1)
    }
}
