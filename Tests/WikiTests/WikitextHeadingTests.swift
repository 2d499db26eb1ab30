import Document
import Testing
@testable import Wiki

@Suite struct WikitextHeadingTests {
    @Test func levelsOneToSix() {
        #expect(wikitextTree("= A =\n====== F ======") == """
        Heading 1 {#A}
          Text "A"
        Heading 6 {#F}
          Text "F"

        """)
    }

    @Test func unbalancedEqualsSignsGoToTheText() {
        // The shorter side sets the level; the extra signs are text.
        #expect(wikitextTree("==foo=\n=bar==") == """
        Heading 1 {#=foo}
          Text "=foo"
        Heading 1 {#bar=}
          Text "bar="

        """)
    }

    @Test func sevenSignsAreLevelSixWithTextSigns() {
        #expect(wikitextTree("=======x=======") == """
        Heading 6 {#=x=}
          Text "=x="

        """)
    }

    @Test func duplicateAnchorsAreNumberedIgnoringCase() {
        #expect(wikitextTree("== Foo bar ==\n== Foo Bar ==\n== foo bar ==") == """
        Heading 2 {#Foo_bar}
          Text "Foo bar"
        Heading 2 {#Foo_Bar_2}
          Text "Foo Bar"
        Heading 2 {#foo_bar_3}
          Text "foo bar"

        """)
    }

    @Test func headingWithFormattingAndTrailingComment() {
        #expect(wikitextTree("== ''A'' b == <!-- note -->") == """
        Heading 2 {#A_b}
          Emph
            Text "A"
          Text " b"

        """)
    }

    @Test func notAHeadingWithoutContent() {
        #expect(wikitextTree("==") == """
        Para
          Text "=="

        """)
    }
}
