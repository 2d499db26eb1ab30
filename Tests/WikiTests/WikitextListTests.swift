import Document
import Testing
@testable import Wiki

@Suite struct WikitextListTests {
    @Test func nestedBulletAndNumbered() {
        #expect(wikitextTree("* a\n** b\n*# c\n# d") == """
        BulletList
          Item
            Para {plain=""}
              Text "a"
            BulletList
              Item
                Para {plain=""}
                  Text "b"
            OrderedList
              Item
                Para {plain=""}
                  Text "c"
        OrderedList
          Item
            Para {plain=""}
              Text "d"

        """)
    }

    @Test func definitionListWithInlineDefinition() {
        #expect(wikitextTree("; Term : Definition\n: More") == """
        DefinitionList
          Term
            Text "Term"
          Definition
            Para {plain=""}
              Text "Definition"
          Definition
            Para {plain=""}
              Text "More"

        """)
    }

    @Test func colonInsideALinkDoesNotSplitTheTerm() {
        #expect(wikitextTree("; [[Help:X]] : y") == """
        DefinitionList
          Term
            Link wiki "Help:X"
              Text "Help:X"
          Definition
            Para {plain=""}
              Text "y"

        """)
    }

    @Test func skippedLevelsStillNest() {
        #expect(wikitextTree("*** deep") == """
        BulletList
          Item
            BulletList
              Item
                BulletList
                  Item
                    Para {plain=""}
                      Text "deep"

        """)
    }

    @Test func blankLineEndsTheList() {
        #expect(wikitextTree("* a\n\n* b") == """
        BulletList
          Item
            Para {plain=""}
              Text "a"
        BulletList
          Item
            Para {plain=""}
              Text "b"

        """)
    }
}
