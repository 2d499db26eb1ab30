import Document
import Testing
@testable import Wiki

@Suite struct WikitextPreTests {
    @Test func leadingSpaceIsPreformattedWithMarkup() {
        #expect(wikitextTree(" int x;\n ''y''") == """
        Preformatted
          Text "int x;\\n"
          Emph
            Text "y"
          Text "\\n"

        """)
    }

    @Test func preTagIsCodeWithEntitiesDecodedAndMarkupLiteral() {
        #expect(wikitextTree("<pre>\na &lt; b ''c'' [[d]]\n</pre>") == """
        CodeBlock "a < b ''c'' [[d]]\\n"

        """)
    }

    @Test func syntaxhighlightAndSourceKeepTheLanguage() {
        #expect(wikitextTree("<syntaxhighlight lang=\"c\">\nint main(void);\n</syntaxhighlight>\n<source lang=bash>ls</source>") == """
        CodeBlock {.c} "int main(void);"
        CodeBlock {.bash} "ls"

        """)
    }

    @Test func nowikiKeepsMarkupAsText() {
        #expect(wikitextTree("<nowiki>''x'' [[y]] &amp;</nowiki>") == """
        Para
          Text "''x'' [[y]] &"

        """)
    }

    @Test func inlineCode() {
        #expect(wikitextTree("Use <code>a && b</code>.") == """
        Para
          Text "Use "
          Code "a && b"
          Text "."

        """)
    }

    @Test func unclosedPreTagIsAnHTMLPre() {
        // Without </pre> it is not the extension tag, but still an allowed HTML element.
        #expect(wikitextTree("<pre>x") == """
        Preformatted
          Text "x"

        """)
    }

    @Test func tagsThatOnlyLookLikePreAreText() {
        #expect(wikitextTree("<prex>y</prex>") == """
        Para
          Text "<prex>y</prex>"

        """)
    }
}
