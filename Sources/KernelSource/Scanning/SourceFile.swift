/// One tokenized C file and its file-scope definitions.
public struct SourceFile: Sendable {
    /// Path relative to the tree root, `/`-separated.
    public let path: String
    public let definitions: [Definition]
    let stream: TokenStream
    let blankRanges: [Range<Int>]
    /// Byte offset where each line starts; `lineStarts[0]` is line 1.
    private let lineStarts: [Int]

    public init(path: String, bytes: [UInt8]) {
        let tokenized = CTokenizer.tokenize(bytes)
        let stream = TokenStream(bytes: bytes, tokens: tokenized.tokens)
        self.path = path
        self.stream = stream
        self.blankRanges = tokenized.blankRanges
        self.lineStarts = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
        self.definitions = (FileScopeScanner(stream: stream, file: path).scan()
            + MacroScanner.scan(stream, file: path)).sorted { $0.line < $1.line }
    }

    public func functions(named name: String) -> [Definition] {
        definitions.filter { $0.kind == .function && $0.name == name }
    }

    /// Line `number` (1-based) without its newline, or "" past the end.
    public func line(_ number: Int) -> String {
        guard number >= 1, number <= lineStarts.count else { return "" }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : stream.bytes.count
        if end > start, stream.bytes[end - 1] == 0x0D { end -= 1 }
        return String(decoding: stream.bytes[start..<end], as: UTF8.self)
    }

    /// The source of `range` with comments and literal contents replaced by
    /// spaces; newlines stay, so line counts still hold.
    func blankedText(_ range: Range<Int>) -> String {
        var slice = Array(stream.bytes[range])
        for blank in blankRanges where blank.overlaps(range) {
            for i in max(blank.lowerBound, range.lowerBound)..<min(blank.upperBound, range.upperBound)
            where slice[i - range.lowerBound] != 0x0A {
                slice[i - range.lowerBound] = 0x20
            }
        }
        return String(decoding: slice, as: UTF8.self)
    }

    /// The byte range of a function body, `{` through `}`.
    func byteRange(of body: ClosedRange<Int>) -> Range<Int> {
        stream.tokens[body.lowerBound].start..<stream.tokens[body.upperBound].end
    }

    /// Lines inside `body` where the identifier `name` appears as code: not in a
    /// comment or literal, and not as a struct member (`x.name`, `p->name`).
    func uses(of name: String, in body: ClosedRange<Int>) -> [Int] {
        let spelled = Array(name.utf8)
        var lines: [Int] = []
        for i in body where stream.isIdentifier(i, spelled: spelled) && !stream.isMemberAccess(i) {
            if lines.last != stream.tokens[i].line { lines.append(stream.tokens[i].line) }
        }
        return lines
    }
}
