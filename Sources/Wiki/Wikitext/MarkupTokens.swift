import Document

/// The tokens of the text the passes produce: text, the tags the passes wrote
/// (every `<` in that text is one), and strip markers.
enum MarkupToken {
    case text(lo: Int, hi: Int)
    /// A start tag; `tag` is its name's id in the tokenizer's `names`.
    case startTag(tag: Int32, attributes: [Attribute], selfClosing: Bool, at: Int, end: Int)
    /// `<a k=N>`: the start of link piece N.
    case linkStart(piece: Int, at: Int, end: Int)
    case endTag(tag: Int32, at: Int, end: Int)
    case piece(Int, at: Int, end: Int)
}

struct MarkupTokenizer {
    let b: [UInt8]
    var i = 0
    /// The names of the tags read so far.
    var names = TagNames()

    init(_ b: [UInt8]) { self.b = b }

    mutating func next() -> MarkupToken? {
        let n = b.count
        guard i < n else { return nil }
        let start = i
        let c = b[i]
        if c == Byte.lt, let tag = tag(at: i) {
            i = tag.1
            return tag.0
        }
        if c == Byte.marker, let (index, end) = PieceTable.readMarker(b, at: i) {
            i = end
            return .piece(index, at: start, end: end)
        }
        i += 1
        while i < n, b[i] != Byte.lt, b[i] != Byte.marker { i += 1 }
        return .text(lo: start, hi: i)
    }

    mutating func tag(at: Int) -> (MarkupToken, Int)? {
        let n = b.count
        var j = at + 1
        let closing = j < n && b[j] == Byte.slash
        if closing { j += 1 }
        let nameStart = j
        while j < n, Byte.isAlnum(b[j]) { j += 1 }
        guard j > nameStart else { return nil }
        if !closing, j == nameStart + 1, b[nameStart] == 0x61, j + 3 < n, b[j] == Byte.space, b[j + 1] == 0x6B,
           b[j + 2] == Byte.equals {
            // The passes' own link tag: read the piece number directly.
            var k = j + 3, value = 0
            while k < n, Byte.isDigit(b[k]) { value = value &* 10 &+ Int(b[k] - 0x30); k += 1 }
            if k < n, b[k] == Byte.gt { return (.linkStart(piece: value, at: at, end: k + 1), k + 1) }
        }
        var gt = j
        while gt < n, b[gt] != Byte.gt { gt += 1 }
        guard gt < n else { return nil }
        let tag = names.id(b, nameStart, j)
        if closing { return (.endTag(tag: tag, at: at, end: gt + 1), gt + 1) }
        var attrHi = gt
        let selfClosing = gt > j && b[gt - 1] == Byte.slash
        if selfClosing { attrHi -= 1 }
        let attrs = j < attrHi ? AttributeSanitizer.parse(b, j, attrHi) : []
        return (.startTag(tag: tag, attributes: attrs, selfClosing: selfClosing, at: at, end: gt + 1), gt + 1)
    }
}
