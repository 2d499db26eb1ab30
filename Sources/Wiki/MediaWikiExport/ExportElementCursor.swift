import LibXML

/// Walks an export element by element on top of `XMLStreamReader`, turning
/// libxml2's errors and the reader's own checks into `ReadError`s.
///
/// Convention: a method that reads an element starts with the stream on its
/// start tag and leaves it on its end tag (or on the start tag itself, for
/// `<tag/>`), so callers can go on with the next sibling.
struct ExportElementCursor {
    let xml: XMLStreamReader
    let file: String

    /// A `ReadError` at the current node. libxml2 records lines for nodes but
    /// no columns, so the reader's own errors say column 1 of the node's line.
    func error(_ expected: String, line: Int? = nil) -> ReadError {
        ReadError(file: file, line: max(line ?? xml.line, 1), column: 1, expected: expected)
    }

    static func readError(_ error: XMLStreamError, file: String) -> ReadError {
        let expected: String
        switch error.reason {
        case .unreadable: expected = "a readable file (\(error.message))"
        case .invalidEncoding: expected = "valid UTF-8 (\(error.message))"
        case .truncated: expected = "the rest of the document: it ends too early (\(error.message))"
        case .entityExpansion: expected = "no entity expansion (\(error.message))"
        case .malformed: expected = "well-formed XML (\(error.message))"
        }
        return ReadError(file: file, line: max(error.line, 1), column: max(error.column, 1), expected: expected)
    }

    /// Moves to the next node. A DOCTYPE is refused wherever it shows up:
    /// exports never have one, and a DTD is how entity attacks come in.
    func advance() throws -> Bool {
        let more: Bool
        do { more = try xml.read() } catch { throw Self.readError(error, file: file) }
        switch xml.kind {
        case .documentType:
            throw self.error("no DTD (exports have no DOCTYPE; it is refused, not read)")
        case .entityReference:
            throw self.error("no entity references (only &amp; &lt; &gt; &quot; &apos; and character references)")
        default:
            return more
        }
    }

    /// `advance()`, where the end of the document would be a truncation that
    /// libxml2 should have reported already (kept so that cannot go unnoticed).
    private func advanceInside(_ name: String) throws {
        guard try advance() else {
            throw ReadError(file: file, line: max(xml.parserLine, 1), column: max(xml.parserColumn, 1),
                            expected: "a </\(name)> end tag")
        }
    }

    /// Calls `body` with the local name of each child element of the current
    /// element, in order. `body` must read or skip that child. Text between
    /// child elements (indentation) and comments are passed over.
    func forEachChild(_ body: (String) throws -> Void) throws {
        let name = xml.localName
        let depth = xml.depth
        if xml.isEmptyElement { return }
        while true {
            try advanceInside(name)
            switch xml.kind {
            case .startElement:
                try body(xml.localName)
            case .endElement where xml.depth == depth:
                return
            default:
                continue
            }
        }
    }

    /// The text content of the current element, which must have no child elements.
    func readText() throws -> String {
        let name = xml.localName
        let depth = xml.depth
        if xml.isEmptyElement { return "" }
        var text = ""
        while true {
            try advanceInside(name)
            switch xml.kind {
            case .text, .cdata, .whitespace:
                text += xml.value
            case .endElement where xml.depth == depth:
                return text
            case .startElement:
                throw error("only text in <\(name)>, not a <\(xml.localName)> element")
            default:
                continue
            }
        }
    }

    /// The text content as a whole number (ids, namespace keys, sizes).
    func readInteger() throws -> Int {
        let name = xml.localName
        let line = xml.line
        let text = try readText()
        guard let number = Self.integer(text) else {
            throw error("a whole number in <\(name)>, not \(Self.quoted(text))", line: line)
        }
        return number
    }

    /// A whole number, allowing the surrounding whitespace XML may carry.
    static func integer(_ text: String) -> Int? {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        return Int(String(text.drop(while: isSpace).reversed().drop(while: isSpace).reversed()))
    }

    /// Passes over the current element and everything in it.
    func skipElement() throws {
        let name = xml.localName
        let depth = xml.depth
        if xml.isEmptyElement { return }
        while true {
            try advanceInside(name)
            if xml.kind == .endElement, xml.depth == depth { return }
        }
    }

    /// A value for a one-line message: quoted, and cut short when long.
    static func quoted(_ text: String) -> String {
        let shown = text.prefix(80).map { $0.isNewline ? " " : $0 }
        return "\"" + String(shown) + (text.count > 80 ? "…" : "") + "\""
    }
}
