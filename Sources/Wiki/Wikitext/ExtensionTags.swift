import Document

/// What the extension tags found by the preprocessor become.
enum ExtensionTags {
    static func piece(name: String, src: [UInt8], attrLo: Int, attrHi: Int, contentLo: Int, contentHi: Int) -> Piece {
        switch name {
        case "nowiki":
            // Entities stay meaningful inside nowiki; markup does not.
            return .nowiki(Entities.decode(src, contentLo, contentHi))
        case "pre":
            let attrs = AttributeSanitizer.sanitize(src, attrLo, attrHi, element: "pre")
            var text = Entities.decode(withoutNowikiTags(src, contentLo, contentHi), 0,
                                       withoutNowikiTags(src, contentLo, contentHi).count)
            // An HTML parser drops the newline right after <pre>.
            if text.hasPrefix("\n") { text.removeFirst() }
            return .codeBlock(text, Attr(attributes: attrs))
        default: // syntaxhighlight, source
            let parsed = AttributeSanitizer.parse(src, attrLo, attrHi)
            let lang = parsed.first { $0.key == "lang" }?.value ?? ""
            let isInline = parsed.contains { $0.key == "inline" }
            var text = Scan.string(src, contentLo, contentHi)
            while text.hasPrefix("\n") { text.removeFirst() }
            while let last = text.unicodeScalars.last, last == "\n" || last == " " || last == "\t" {
                text.unicodeScalars.removeLast()
            }
            let attr = Attr(classes: lang.isEmpty ? [] : [lang])
            return isInline ? .inlineCode(text, attr) : .codeBlock(text, attr)
        }
    }

    /// `<pre>` content with `<nowiki>` and `</nowiki>` tags removed (their content stays).
    static func withoutNowikiTags(_ src: [UInt8], _ lo: Int, _ hi: Int) -> [UInt8] {
        let open = Array("<nowiki>".utf8), close = Array("</nowiki>".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(hi - lo)
        var i = lo
        // Only matched pairs go (an unclosed <nowiki> stays text); the search for
        // the close restarts where it stopped, so this stays linear.
        var closeAt = -1
        var pendingClose = -1
        while i < hi {
            if src[i] == Byte.lt {
                if i == pendingClose { i += close.count; pendingClose = -1; continue }
                if pendingClose < 0, i + open.count <= hi, Scan.hasWordIgnoringCase(src, open, at: i) {
                    if closeAt < i {
                        var j = i + open.count
                        while j + close.count <= hi, !Scan.hasWordIgnoringCase(src, close, at: j) { j += 1 }
                        closeAt = j + close.count <= hi ? j : Int.max
                    }
                    if closeAt != Int.max { pendingClose = closeAt; i += open.count; continue }
                }
            }
            out.append(src[i])
            i += 1
        }
        return out
    }
}
