import Document
import Testing
@testable import Writers

@Suite struct DocumentHTMLWriterTests {
    @Test func headingsGetIdsAndParagraphs() {
        let doc = Document(blocks: [
            .heading(level: 2, content: [.text("Hi & bye")], attr: Attr(id: "Hi_&_bye")),
            .paragraph([.strong([.text("b")]), .text(" "), .emphasis([.text("i")]), .lineBreak], attr: .empty),
        ])
        #expect(DocumentHTMLWriter.html(doc) == """
        <h2 id="Hi_&amp;_bye">Hi &amp; bye</h2>
        <p><strong>b</strong> <em>i</em><br /></p>

        """)
    }

    @Test func bytesAreTheStringsUTF8() {
        let doc = Document(blocks: [
            .heading(level: 2, content: [.text("Ελληνικά & 日本語")], attr: Attr(id: "x")),
            .paragraph([.link(Link(kind: .category, target: "Category:Xen", content: [])), .text("naïve")], attr: .empty),
        ])
        let bytes = DocumentHTMLWriter.htmlUTF8(doc)
        #expect(bytes == Array(DocumentHTMLWriter.html(doc).utf8))
        #expect(String(decoding: bytes, as: UTF8.self).contains("catlinks"))
        #expect(DocumentHTMLWriter.htmlUTF8(doc, expectedSize: 1 << 20) == bytes)
    }

    @Test func listsAndPlainParagraphs() {
        let plain = Attr(attributes: [Attribute("plain", "")])
        let blocks: [Block] = [
            .bulletList([[.paragraph([.text("a")], attr: plain)], [.paragraph([.text("b")], attr: .empty)]], attr: .empty),
            .definitionList([DefinitionItem(term: [.text("t")], definitions: [[.paragraph([.text("d")], attr: plain)]])],
                            attr: .empty),
        ]
        #expect(DocumentHTMLWriter.html(blocks) == """
        <ul><li>a</li>
        <li><p>b</p>
        </li>
        </ul>
        <dl><dt>t</dt>
        <dd>d</dd>
        </dl>

        """)
    }

    @Test func wikiLinksUseTheResolver() {
        let link = Inline.link(Link(kind: .wiki, target: "Xen PV", fragment: "Yield now", content: [.text("x")]))
        #expect(DocumentHTMLWriter.html([link]) == "<a href=\"./Xen_PV#Yield_now\" title=\"Xen PV\">x</a>")
        let custom = DocumentHTMLWriter.html([link]) { target, _ in "/wiki/" + target }
        #expect(custom == "<a href=\"/wiki/Xen PV\" title=\"Xen PV\">x</a>")
    }

    @Test func externalLinks() {
        let link = Inline.link(Link(kind: .external, target: "https://xen.org/?a=1&b=2", content: [.text("[1]")]))
        #expect(DocumentHTMLWriter.html([link])
            == "<a href=\"https://xen.org/?a=1&amp;b=2\" rel=\"nofollow\" class=\"external autonumber\">[1]</a>")
    }

    @Test func templatesAreShownNotDropped() {
        let t = Template(name: "Note", arguments: [Template.Argument(name: nil, value: "<b>")], source: "{{Note|<b>}}")
        #expect(DocumentHTMLWriter.html([Inline.template(t)])
            == "<span class=\"template\" data-template=\"Note\">{{Note|&lt;b&gt;}}</span>")
        #expect(DocumentHTMLWriter.html([Block.template(t, attr: .empty)])
            == "<div class=\"template\" data-template=\"Note\">{{Note|&lt;b&gt;}}</div>\n")
    }

    @Test func codeBlocksKeepTheLanguage() {
        #expect(DocumentHTMLWriter.html([Block.codeBlock("a < b\n", attr: Attr(classes: ["c"]))])
            == "<pre class=\"lang-c\" data-lang=\"c\">a &lt; b\n</pre>\n")
    }

    @Test func tables() {
        let table = Table(caption: [.text("Cap")], rows: [
            Table.Row(cells: [Table.Cell(isHeader: true, content: [.paragraph([.text("H")], attr: Attr(attributes: [Attribute("plain", "")]))])]),
            Table.Row(cells: [Table.Cell(isHeader: false, content: [], attr: Attr(attributes: [Attribute("colspan", "2")]))]),
        ], attr: Attr(classes: ["wikitable"]))
        #expect(DocumentHTMLWriter.html([Block.table(table)]) == """
        <table class="wikitable">
        <caption>Cap</caption>
        <tr>
        <th>H</th>
        </tr>
        <tr>
        <td colspan="2"></td>
        </tr>
        </table>

        """)
    }
}
