import Document
import Testing
@testable import Wiki

@Suite struct WikitextSourceRangeTests {
    @Test func blocksCarryLineAndColumn() {
        let doc = WikitextReader.read("== Héading ==\n\nSome text\n* item\n{|\n| cell\n|}")
        let starts = doc.blocks.compactMap { $0.attr?.source?.start.description }
        #expect(starts == ["1:1", "3:1", "4:1", "5:1"])
    }

    @Test func rangesSurviveCommentsAndTemplates() {
        let doc = WikitextReader.read("<!-- a\nlong comment -->{{T|x\n|y}} after\n\nPara")
        let starts = doc.blocks.compactMap { $0.attr?.source?.start.description }
        #expect(starts == ["2:17", "5:1"])
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let doc = WikitextReader.read("== é ==\n\n ü")
        let pre = try #require(doc.blocks.last?.attr?.source)
        #expect(pre.start.description == "3:1")
        // The heading's content ends before the closing `==`: column 6, not byte 7.
        let heading = try #require(doc.blocks.first?.attr?.source)
        #expect(heading.end.description == "1:6")
    }
}
