import Document
import Testing
@testable import Wiki

@Suite struct WikitextTableTests {
    @Test func captionHeadersAndCells() {
        #expect(wikitextTree("{| class=\"wikitable\"\n|+ Cap\n! A !! B\n|-\n| 1 || style=\"color:red\" | 2\n|}") == """
        Table {.wikitable}
          Caption
            Text "Cap"
          Row
            HeaderCell
              Para {plain=""}
                Text "A"
            HeaderCell
              Para {plain=""}
                Text "B"
          Row
            Cell
              Para {plain=""}
                Text "1"
            Cell {style="color:red"}
              Para {plain=""}
                Text "2"

        """)
    }

    @Test func unsafeAttributesAreDropped() {
        #expect(wikitextTree("{| onclick=\"x()\" style=\"background:url(http://e/x)\"\n| a\n|}") == """
        Table {style="/* insecure input */"}
          Row
            Cell
              Para {plain=""}
                Text "a"

        """)
    }

    @Test func emptyRowsGoAway() {
        #expect(wikitextTree("{|\n|a\n|-\n|-\n|}") == """
        Table
          Row
            Cell
              Para {plain=""}
                Text "a"

        """)
    }

    @Test func nestedTableInACell() {
        #expect(wikitextTree("{|\n|\n{|\n|x\n|}\n|}") == """
        Table
          Row
            Cell
              Table
                Row
                  Cell
                    Para {plain=""}
                      Text "x"

        """)
    }

    @Test func textOutsideCellsMovesBeforeTheTable() {
        #expect(wikitextTree("{|\n|-\na\n|}") == """
        Para {plain=""}
          Text "a"
        Table

        """)
    }
}
