import Document
import Testing
@testable import Wiki

@Suite struct WikitextParagraphTests {
    @Test func blankLineSeparatesParagraphs() {
        #expect(wikitextTree("a\nb\n\nc") == """
        Para
          Text "a\\nb"
        Para
          Text "c"

        """)
    }

    @Test func extraBlankLinesAddLineBreaks() {
        // MediaWiki: each blank line after the first adds a <br />.
        #expect(wikitextTree("a\n\n\nb") == """
        Para
          Text "a"
        Para
          LineBreak
          Text "\\nb"

        """)
    }

    @Test func commentOnlyLineDisappearsWithItsNewline() {
        #expect(wikitextTree("a\n<!-- x -->\nb") == """
        Para
          Text "a\\nb"

        """)
    }

    @Test func explicitBreak() {
        #expect(wikitextTree("a<br>b") == """
        Para
          Text "a"
          LineBreak
          Text "b"

        """)
    }

    @Test func horizontalRuleKeepsTheRestOfTheLine() {
        // The rest of the rule's line is wrapped on its own; three dashes are text.
        #expect(wikitextTree("---- x\n---") == """
        HorizontalRule
        Para
          Text "x"
        Para
          Text "---"

        """)
    }

    @Test func frenchSpacingUsesNoBreakSpaces() {
        #expect(wikitextTree("Oui ? « non »") == """
        Para
          Text "Oui\u{A0}? «\u{A0}non\u{A0}»"

        """)
    }
}
