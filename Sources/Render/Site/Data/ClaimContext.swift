import Document
import Handbook

/// A wiki claim in its paragraph: the block of the revision it was found in,
/// with the claim's sentence (or code line) wrapped so it can be highlighted.
struct ClaimContext {
    /// The paragraph with the sentence inside `wrap(...)`; nil when the
    /// sentence could not be found again (then the claim text stands alone).
    let block: Block
    /// For code: the claim's line within the code, and the lines before and after.
    let code: CodeLines?
    let revision: Revision
    let blockIndex: Int

    /// `wrap` turns the sentence's inlines into one inline: a `mark` span for
    /// HTML, strong emphasis for Markdown.
    static func find(_ claim: Claim, in page: Page, wrap: ([Inline]) -> Inline) -> ClaimContext? {
        guard let l = claim.location, let revision = page.revisions.first(where: { $0.key == l.revision }),
              l.block >= 0, l.block < revision.document.blocks.count else { return nil }
        let block = revision.document.blocks[l.block]
        var code: (String, String)?
        if case .codeBlock(let text, let attr) = block { code = (text, attr.classes.first ?? "") }
        if case .preformatted(let content, let attr) = block { code = (content.plainText, attr.classes.first ?? "") }
        if let (text, language) = code {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard l.sentence >= 0, l.sentence < lines.count else { return nil }
            return ClaimContext(block: block, code: CodeLines(lines: lines, index: l.sentence, language: language),
                                revision: revision, blockIndex: l.block)
        }
        guard let range = characterRange(of: claim.text, in: block.plainText) else { return nil }
        return ClaimContext(block: mark(block, range, wrap), code: nil, revision: revision, blockIndex: l.block)
    }

    /// Where the sentence is in the block's text, in Characters.
    static func characterRange(of sentence: String, in text: String) -> Range<Int>? {
        guard !sentence.isEmpty, let r = text.range(of: sentence) else { return nil }
        let start = text.distance(from: text.startIndex, to: r.lowerBound)
        return start..<(start + sentence.count)
    }

    static func mark(_ block: Block, _ range: Range<Int>, _ wrap: ([Inline]) -> Inline) -> Block {
        var offset = 0
        switch block {
        case .paragraph(let c, let a): return .paragraph(mark(c, range, &offset, wrap), attr: a)
        case .heading(let l, let c, let a): return .heading(level: l, content: mark(c, range, &offset, wrap), attr: a)
        default: return block
        }
    }

    /// Splits text at the range's ends and wraps each maximal run inside it;
    /// runs stay inside their emphasis or link, so the markup stays nested.
    static func mark(_ inlines: [Inline], _ range: Range<Int>, _ offset: inout Int, _ wrap: ([Inline]) -> Inline) -> [Inline] {
        var out: [Inline] = []
        var run: [Inline] = []
        func flush() { if !run.isEmpty { out.append(wrap(run)); run = [] } }
        for inline in inlines {
            let length = [inline].plainText.count
            let start = offset
            defer { offset = start + length }
            if start + length <= range.lowerBound || start >= range.upperBound {
                flush(); out.append(inline); continue
            }
            switch inline {
            case .text(let s):
                let chars = Array(s)
                let a = max(0, range.lowerBound - start), b = min(chars.count, range.upperBound - start)
                if a > 0 { flush(); out.append(.text(String(chars[..<a]))) }
                run.append(.text(String(chars[a..<b])))
                if b < chars.count { flush(); out.append(.text(String(chars[b...]))) }
            case .emphasis(let c):
                var o = start; flush(); out.append(.emphasis(mark(c, range, &o, wrap)))
            case .strong(let c):
                var o = start; flush(); out.append(.strong(mark(c, range, &o, wrap)))
            case .link(var l) where l.kind != .category:
                var o = start; l.content = mark(l.content, range, &o, wrap); flush(); out.append(.link(l))
            case .span(let name, let c, let a):
                var o = start; flush(); out.append(.span(name: name, content: mark(c, range, &o, wrap), attr: a))
            default:
                // Code, templates, breaks: wrapped whole when they overlap the sentence.
                run.append(inline)
            }
        }
        flush()
        return out
    }
}

/// A code block's lines and which one the claim is.
struct CodeLines {
    let lines: [String]
    let index: Int
    let language: String
}
