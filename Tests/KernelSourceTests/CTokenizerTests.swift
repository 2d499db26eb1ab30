import Testing
@testable import KernelSource

@Suite("C tokenizer")
struct CTokenizerTests {
    private func identifiers(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        let stream = TokenStream(bytes: bytes, tokens: CTokenizer.tokenize(bytes).tokens)
        return stream.tokens.indices.filter { stream.tokens[$0].kind == .identifier }.map(stream.text)
    }

    @Test func commentsProduceNoTokens() {
        #expect(identifiers("/* hidden */ a // hidden too\nb /* multi\nline */ c") == ["a", "b", "c"])
    }

    @Test func lineCommentContinuedByBackslashSwallowsNextLine() {
        #expect(identifiers("a // comment \\\nhidden\nb") == ["a", "b"])
    }

    @Test func stringLiteralsWithEscapedQuotesAreOneToken() {
        let text = #"x = "say \"hidden\" { }"; y = "\\"; z"#
        #expect(identifiers(text) == ["x", "y", "z"])
    }

    @Test func characterLiteralsWithQuotesAndBraces() {
        #expect(identifiers(#"a = '"'; b = '\''; c = '{'; d"#) == ["a", "b", "c", "d"])
    }

    @Test func unterminatedLiteralStopsAtEndOfLine() {
        // An apostrophe in prose (as under `#if 0`) must not hide the rest of the file.
        #expect(identifiers("#error don't do this\nvisible") == ["error", "don", "visible"])
    }

    @Test func directivesContinueOverBackslashNewlines() {
        let bytes = Array("#define A \\\n  b \\\n  c\nd # e\n".utf8)
        let tokens = CTokenizer.tokenize(bytes).tokens
        let stream = TokenStream(bytes: bytes, tokens: tokens)
        let inDirective = tokens.indices.filter { tokens[$0].inDirective }.map(stream.text)
        #expect(inDirective == ["#", "define", "A", "b", "c"])
        // `#` in the middle of a line does not open a directive.
        #expect(tokens.filter(\.startsDirective).count == 1)
    }

    @Test func lineNumbersCountNewlinesInCommentsAndContinuations() {
        let bytes = Array("a\n/* one\ntwo */ b\n#define X \\\n y\nc".utf8)
        let tokens = CTokenizer.tokenize(bytes).tokens
        let stream = TokenStream(bytes: bytes, tokens: tokens)
        let lines = Dictionary(uniqueKeysWithValues: tokens.indices
            .filter { tokens[$0].kind == .identifier }.map { (stream.text($0), tokens[$0].line) })
        #expect(lines["a"] == 1)
        #expect(lines["b"] == 3)
        #expect(lines["y"] == 5)
        #expect(lines["c"] == 6)
    }

    @Test func twoByteOperatorsAreNotAnAssignment() {
        let bytes = Array("a == b <= c = d".utf8)
        let stream = TokenStream(bytes: bytes, tokens: CTokenizer.tokenize(bytes).tokens)
        let assignments = stream.tokens.indices.filter { stream.isPunctuator($0, UInt8(ascii: "=")) }
        #expect(assignments.count == 1)
    }

    @Test func blankedTextHidesCommentsAndLiteralsButKeepsLines() {
        let file = parse("int f(void)\n{\n\t/* secret */ g(\"secret\");\n\t// secret\n}\n")
        let blanked = file.blankedText(0..<file.stream.bytes.count)
        #expect(!blanked.contains("secret"))
        #expect(blanked.contains("g(\"      \")"))
        #expect(blanked.split(separator: "\n", omittingEmptySubsequences: false).count == 6)
    }
}
