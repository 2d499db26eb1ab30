import Document
import Testing
@testable import Wiki

@Suite struct WikitextLinkTests {
    @Test func internalLinkWithPipeAnchorAndTrail() {
        #expect(wikitextTree("[[Foo bar#Sec|the foo]]s and [[Baz]]zy!") == """
        Para
          Link wiki "Foo bar#Sec"
            Text "the foos"
          Text " and "
          Link wiki "Baz"
            Text "Bazzy"
          Text "!"

        """)
    }

    @Test func namespaceAndLeadingColon() {
        #expect(wikitextTree("[[Help:Contents]] [[:Category:Xen]]") == """
        Para
          Link wiki "Help:Contents"
            Text "Help:Contents"
          Text " "
          Link wiki "Category:Xen"
            Text "Category:Xen"

        """)
    }

    @Test func categoryLinkIsNotText() {
        let doc = WikitextReader.read("Text [[Category:Xen guests]]")
        #expect(TreeDump.dump(doc, showSource: false) == """
        Para
          Text "Text "
          Link category "Category:Xen guests"
            Text "Category:Xen guests"

        """)
        #expect(doc.blocks.map(\.plainText) == ["Text "])
    }

    @Test func invalidTitlesStayText() {
        #expect(wikitextTree("[[Project:]] [[a<b]] [[]]") == """
        Para
          Text "[[Project:]] [[a<b]] [[]]"

        """)
    }

    @Test func extraBracketsStayAroundTheLink() {
        #expect(wikitextTree("[[[[Main Page]]]]") == """
        Para
          Text "[["
          Link wiki "Main Page"
            Text "Main Page"
          Text "]]"

        """)
    }

    @Test func defaultTextIsNotFormatted() {
        #expect(wikitextTree("[[Lista d''e paise]]") == """
        Para
          Link wiki "Lista d''e paise"
            Text "Lista d''e paise"

        """)
    }

    @Test func labelFormattingPairsWithinTheLabel() {
        #expect(wikitextTree("''Some [[Link|pretty ''italics'' and stuff]]!''") == """
        Para
          Emph
            Text "Some "
            Link wiki "Link"
              Text "pretty "
              Emph
                Text "italics"
              Text " and stuff"
            Text "!"

        """)
    }
}
