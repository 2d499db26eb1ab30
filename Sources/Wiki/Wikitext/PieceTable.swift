import Document

/// Content the passes must not touch (nowiki text, templates, code blocks) and
/// link data, kept aside while the text is rewritten. In the text a piece is a
/// strip marker `DEL digits DEL`; a link is an `<a k=N>` tag around its label, so
/// that later passes see it as markup, exactly as MediaWiki's own passes see its
/// `<a>` tags.
enum Piece {
    /// Literal text (from `<nowiki>`), entities already decoded.
    case nowiki(String)
    case template(Template)
    /// `{{{1}}}`, kept verbatim.
    case parameter(String)
    /// `<pre>`, `<syntaxhighlight>`, `<source>` as a block of code.
    case codeBlock(String, Attr)
    /// `<syntaxhighlight inline>`.
    case inlineCode(String, Attr)
    case link(Link)
    /// `[[Category:X]]`: shown nowhere in the text.
    case category(Link)

    /// Whether the piece renders as a block, which ends a paragraph (MediaWiki's
    /// `-pre` strip markers do the same in its block-level pass).
    var isBlock: Bool {
        if case .codeBlock = self { return true }
        return false
    }
}

struct PieceTable {
    var pieces: [Piece] = []

    mutating func add(_ piece: Piece) -> Int {
        pieces.append(piece)
        return pieces.count - 1
    }

    /// Parses a marker at `at` (which holds DEL): the piece index and the index
    /// after the marker.
    static func readMarker(_ b: [UInt8], at: Int) -> (index: Int, end: Int)? {
        var i = at + 1
        var value = 0
        while i < b.count, Byte.isDigit(b[i]) {
            value = value &* 10 &+ Int(b[i] - 0x30)
            i += 1
        }
        guard i > at + 1, i < b.count, b[i] == Byte.marker else { return nil }
        return (value, i + 1)
    }
}
