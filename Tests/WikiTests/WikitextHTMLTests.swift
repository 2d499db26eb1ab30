import Document
import Testing
@testable import Wiki

@Suite struct WikitextHTMLTests {
    @Test func allowedTagsBecomeSpansAndDivs() {
        #expect(wikitextTree("<div class=\"note\">a <span title=\"t\">b</span><sup>2</sup></div>") == """
        Div <div> {.note}
          Para {plain=""}
            Text "a "
            Span <span> {title="t"}
              Text "b"
            Span <sup>
              Text "2"

        """)
    }

    @Test func otherTagsAreText() {
        #expect(wikitextTree("<script>alert(1)</script> <b onmouseover=\"x\">y</b>") == """
        Para
          Text "<script>alert(1)</script> "
          Strong
            Text "y"

        """)
    }

    @Test func entities() {
        #expect(wikitextTree("&eacute; &#233; &#xE9; &xacute; &amp;amp; &#0;") == """
        Para
          Text "é é é &xacute; &amp; &#0;"

        """)
    }

    @Test func commentsAreDropped() {
        // An unclosed comment runs to the end; trailing whitespace is not kept.
        #expect(wikitextTree("a<!-- b -->c <!-- unclosed") == """
        Para
          Text "ac"

        """)
    }

    @Test func misnestedFormattingIsRepaired() {
        #expect(wikitextTree("<b>a<i>b</b>c</i>") == """
        Para
          Strong
            Text "a"
            Emph
              Text "b"
          Emph
            Text "c"

        """)
    }

    @Test func blockquoteGetsParagraphs() {
        #expect(wikitextTree("<blockquote>\nfoo\n</blockquote>") == """
        BlockQuote
          Para
            Text "foo"

        """)
    }
}
