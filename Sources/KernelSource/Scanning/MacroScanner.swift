/// Finds `#define NAME` and `#define NAME(args)` on preprocessor lines.
enum MacroScanner {
    static func scan(_ stream: TokenStream, file: String) -> [Definition] {
        let tokens = stream.tokens
        var found: [Definition] = []
        for i in tokens.indices where tokens[i].startsDirective {
            // `#`, `define`, NAME must all be on this one directive.
            guard i + 2 < tokens.count,
                  sameDirective(tokens[i + 1]), sameDirective(tokens[i + 2]),
                  stream.isIdentifier(i + 1, spelled: defineWord),
                  tokens[i + 2].kind == .identifier else { continue }
            let name = tokens[i + 2]
            // Function-like only when `(` touches the name: `#define F(x)` vs `#define O (x)`.
            let functionLike = i + 3 < tokens.count && sameDirective(tokens[i + 3])
                && stream.isPunctuator(i + 3, UInt8(ascii: "(")) && tokens[i + 3].start == name.end
            found.append(Definition(name: stream.text(i + 2), kind: .macro, file: file, line: name.line,
                                    bodyLines: nil, isFunctionLike: functionLike, bodyTokens: nil))
        }
        return found
    }

    private static let defineWord = Array("define".utf8)

    private static func sameDirective(_ t: CToken) -> Bool {
        t.inDirective && !t.startsDirective
    }
}
