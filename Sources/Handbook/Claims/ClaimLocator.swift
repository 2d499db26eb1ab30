import Document

/// Finds an annotated quote in a revision: the block and sentence that hold
/// it, the section it stands under, and its line and column in the file.
enum ClaimLocator {
    struct Found: Equatable {
        var sentence: String
        var location: ClaimLocation
    }

    static func locate(_ quote: String, in revision: Revision) -> Found? {
        var section: String?
        let wanted = normalized(quote)
        for (index, block) in revision.document.blocks.enumerated() {
            // Code is matched line by line, whether a reader saw a code block
            // (wikitext, captures) or preformatted text (rendered pages).
            var code: (text: String, attr: Attr)?
            if case .codeBlock(let text, let attr) = block { code = (text, attr) }
            if case .preformatted(let content, let attr) = block { code = (content.plainText, attr) }
            switch block {
            case .heading(_, let content, _):
                section = content.plainText
            case _ where code != nil:
                let (code, attr) = code!
                // In code, the "sentence" is the line that holds the quote.
                let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
                for (n, line) in lines.enumerated() where normalized(String(line)).contains(wanted) {
                    let column = line.firstRange(of: quote).map { line.distance(from: line.startIndex, to: $0.lowerBound) + 1 }
                    return Found(sentence: String(line).trimmingCharacters(),
                                 location: ClaimLocation(revision: revision.key, section: section, block: index, sentence: n,
                                                         line: attr.source.map { $0.start.line + n }, column: column))
                }
            default:
                let text = block.plainText
                guard normalized(text).contains(wanted) else { continue }
                for (n, span) in Sentences.split(text).enumerated() where normalized(span.text).contains(wanted) {
                    var line: Int?
                    var column: Int?
                    // Captures keep a paragraph on one line, so the offset in the
                    // block is the offset on the line.
                    if let source = block.attr?.source, source.start.line == source.end.line,
                       let r = span.text.firstRange(of: quote) {
                        line = source.start.line
                        column = source.start.column + span.offset + span.text.distance(from: span.text.startIndex, to: r.lowerBound)
                    } else if let source = block.attr?.source {
                        line = source.start.line
                    }
                    return Found(sentence: span.text,
                                 location: ClaimLocation(revision: revision.key, section: section, block: index, sentence: n,
                                                         line: line, column: column))
                }
            }
        }
        return nil
    }

    /// Whitespace runs folded to one space, so a quote matches across line wraps.
    static func normalized(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }
}

extension StringProtocol {
    func trimmingCharacters() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
