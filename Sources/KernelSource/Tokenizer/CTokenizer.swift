/// Splits C source bytes into tokens, dropping comments.
///
/// Besides the tokens it records the byte ranges to blank out (comments, and the
/// inside of string and character literals) so that a regular expression over
/// the source never matches text that is not code.
///
/// Deliberately not a preprocessor: `#if 0` blocks and both arms of an `#ifdef`
/// are tokenized as code. Preprocessor lines (with their `\` continuations) are
/// tokenized too, with `inDirective` set, so that callers can keep `#define`
/// bodies out of brace matching.
struct CTokenizer {
    struct Output: Sendable {
        var tokens: [CToken]
        /// Sorted, non-overlapping byte ranges that are comment or literal text.
        var blankRanges: [Range<Int>]
    }

    static func tokenize(_ bytes: [UInt8]) -> Output {
        bytes.withUnsafeBufferPointer { scan($0) }
    }

    // One pass over the bytes; `atLineStart` tracks whether only white space
    // (or comments) came before on this line, which is where `#` opens a directive.
    private static func scan(_ b: UnsafeBufferPointer<UInt8>) -> Output {
        var tokens: [CToken] = []
        tokens.reserveCapacity(b.count / 5)
        var blanks: [Range<Int>] = []
        let n = b.count
        var i = 0
        var line = 1
        var atLineStart = true
        var inDirective = false

        func emit(_ kind: CToken.Kind, _ start: Int, _ end: Int, _ startLine: Int, opensDirective: Bool = false) {
            tokens.append(CToken(kind: kind, start: start, end: end, line: startLine,
                                 inDirective: inDirective, startsDirective: opensDirective))
            atLineStart = false
        }

        while i < n {
            let c = b[i]
            if c == 0x0A {
                line += 1
                inDirective = false
                atLineStart = true
                i += 1
            } else if CByteClass.isBlank(c) {
                i += 1
            } else if c == UInt8(ascii: "\\"), let next = lineContinuationEnd(b, i) {
                // A backslash-newline joins lines: a directive goes on.
                line += 1
                i = next
            } else if c == UInt8(ascii: "/"), i + 1 < n, b[i + 1] == UInt8(ascii: "*") {
                let end = blockCommentEnd(b, i, &line)
                blanks.append(i..<end)
                i = end
            } else if c == UInt8(ascii: "/"), i + 1 < n, b[i + 1] == UInt8(ascii: "/") {
                let end = lineCommentEnd(b, i, &line)
                blanks.append(i..<end)
                i = end
            } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                let startLine = line
                let end = literalEnd(b, i, quote: c, &line)
                if end - i > 2 { blanks.append((i + 1)..<(end - 1)) }
                emit(c == UInt8(ascii: "\"") ? .string : .character, i, end, startLine)
                i = end
            } else if c == UInt8(ascii: "#"), atLineStart, !inDirective {
                inDirective = true
                emit(.punctuator, i, i + 1, line, opensDirective: true)
                i += 1
            } else if CByteClass.isIdentifierStart(c) {
                var j = i + 1
                while j < n, CByteClass.isIdentifierContinue(b[j]) { j += 1 }
                emit(.identifier, i, j, line)
                i = j
            } else if CByteClass.isDigit(c) || (c == UInt8(ascii: ".") && i + 1 < n && CByteClass.isDigit(b[i + 1])) {
                let j = numberEnd(b, i)
                emit(.number, i, j, line)
                i = j
            } else {
                let width = i + 1 < n && CByteClass.isTwoByteOperator(c, b[i + 1]) ? 2 : 1
                emit(.punctuator, i, i + width, line)
                i += width
            }
        }
        return Output(tokens: tokens, blankRanges: blanks)
    }

    /// If `b[i]` is a backslash followed by a newline (optionally `\r\n`),
    /// the index after the newline.
    private static func lineContinuationEnd(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        var j = i + 1
        if j < b.count, b[j] == 0x0D { j += 1 }
        return j < b.count && b[j] == 0x0A ? j + 1 : nil
    }

    private static func blockCommentEnd(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ line: inout Int) -> Int {
        var j = start + 2
        while j < b.count {
            if b[j] == 0x0A { line += 1 }
            if b[j] == UInt8(ascii: "*"), j + 1 < b.count, b[j + 1] == UInt8(ascii: "/") { return j + 2 }
            j += 1
        }
        return b.count  // unterminated: the rest of the file is comment
    }

    /// A `//` comment ends at a newline, unless a backslash continues it (C does that too).
    /// The newline itself is left for the main loop, which ends directives there.
    private static func lineCommentEnd(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ line: inout Int) -> Int {
        var j = start + 2
        while j < b.count {
            if b[j] == UInt8(ascii: "\\"), let next = lineContinuationEnd(b, j) {
                line += 1
                j = next
                continue
            }
            if b[j] == 0x0A { return j }
            j += 1
        }
        return j
    }

    /// The index after the closing quote. An unescaped newline also ends the
    /// literal: that keeps an apostrophe in `#error don't` or in prose under
    /// `#if 0` from swallowing the rest of the file.
    private static func literalEnd(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, quote: UInt8, _ line: inout Int) -> Int {
        var j = start + 1
        while j < b.count {
            let c = b[j]
            if c == UInt8(ascii: "\\") {
                if let next = lineContinuationEnd(b, j) {
                    line += 1
                    j = next
                } else {
                    j += 2  // an escape: the next byte never closes the literal
                }
                continue
            }
            if c == quote { return j + 1 }
            if c == 0x0A { return j }
            j += 1
        }
        return b.count
    }

    /// pp-number: digits, letters, `_`, `.`, and a sign right after an exponent letter.
    private static func numberEnd(_ b: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        var j = start + 1
        while j < b.count {
            let c = b[j]
            if CByteClass.isIdentifierContinue(c) || c == UInt8(ascii: ".") {
                j += 1
            } else if (c == UInt8(ascii: "+") || c == UInt8(ascii: "-")),
                      isExponentLetter(b[j - 1]) {
                j += 1
            } else {
                break
            }
        }
        return min(j, b.count)
    }

    private static func isExponentLetter(_ c: UInt8) -> Bool {
        c == UInt8(ascii: "e") || c == UInt8(ascii: "E") || c == UInt8(ascii: "p") || c == UInt8(ascii: "P")
    }
}
