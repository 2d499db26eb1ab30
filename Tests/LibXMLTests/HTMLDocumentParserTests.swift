import Testing
@testable import LibXML

@Suite struct HTMLDocumentParserTests {
    @Test func parsesFragmentIntoBody() throws {
        let root = HTMLDocumentParser.parse("<p class='a b'>x &amp; <b>y</b></p><!-- c -->")
        let body = try #require(root.first { $0.name == "body" })
        let p = try #require(body.elementChildren.first)
        #expect(p.name == "p")
        #expect(p.classes == ["a", "b"])
        #expect(p.textContent == "x & y")
    }

    @Test func repairsBrokenMarkup() throws {
        let root = HTMLDocumentParser.parse("<div id=x><p>one<p>two</div>")
        let div = try #require(root.first(id: "x"))
        #expect(div.elementChildren.map(\.name) == ["p", "p"])
    }

    @Test func emptyInputGivesEmptyDocument() {
        #expect(HTMLDocumentParser.parse("").children.isEmpty)
    }
}
