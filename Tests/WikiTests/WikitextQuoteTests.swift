import Document
import Testing
@testable import Wiki

@Suite struct WikitextQuoteTests {
    @Test func italicAndBold() {
        #expect(wikitextTree("''i'' '''b''' '''''bi'''''") == """
        Para
          Emph
            Text "i"
          Text " "
          Strong
            Text "b"
          Text " "
          Emph
            Strong
              Text "bi"

        """)
    }

    @Test func fourApostrophesAreOneApostropheAndBold() {
        #expect(wikitextTree("''''x''''") == """
        Para
          Text "'"
          Strong
            Text "x'"

        """)
    }

    @Test func oddBoldAndItalicCountsMakeAnApostrophe() {
        // l'''amour''' has one bold run too many: after a one-letter word it
        // becomes an apostrophe plus italics.
        #expect(wikitextTree("''x'' l'''amour''") == """
        Para
          Emph
            Text "x"
          Text " l'"
          Emph
            Text "amour"

        """)
    }

    @Test func unclosedRunsCloseAtTheLineEnd() {
        #expect(wikitextTree("'''a\nb") == """
        Para
          Strong
            Text "a"
          Text "\\nb"

        """)
    }

    @Test func fiveThenTwoClosesItalicThenBold() {
        #expect(wikitextTree("'''''foo''") == """
        Para
          Strong
            Emph
              Text "foo"

        """)
    }

    @Test func fiveThenThree() {
        #expect(wikitextTree("'''''foo'''bar''") == """
        Para
          Emph
            Strong
              Text "foo"
            Text "bar"

        """)
    }
}
