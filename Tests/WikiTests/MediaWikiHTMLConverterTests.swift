import Document
import Testing
@testable import Wiki

private func blocks(_ html: String) -> [Block] {
    MediaWikiHTMLReader.readParserOutput(html).blocks
}

private func inlines(_ html: String) -> [Inline] {
    guard case .paragraph(let content, _)? = blocks("<p>\(html)</p>").first else { return [] }
    return content
}

@Suite struct MediaWikiHTMLConverterTests {
    @Test func headingsOfBothMediaWikiGenerations() {
        let old = blocks(#"<h2><span class="mw-headline" id="A_b">A <i>b</i></span><span class="mw-editsection">[<a href="/x">edit</a>]</span></h2>"#)
        #expect(old == [.heading(level: 2, content: [.text("A "), .emphasis([.text("b")])], attr: Attr(id: "A_b"))])
        let new = blocks(#"<div class="mw-heading mw-heading3"><h3 id="C">C</h3><span class="mw-editsection">[edit]</span></div>"#)
        #expect(new == [.heading(level: 3, content: [.text("C")], attr: Attr(id: "C"))])
    }

    @Test func paragraphsKeepInnerNewlinesAndLoseEdgeOnes() {
        #expect(blocks("<p>one\ntwo\n</p>\n<p class=\"mw-empty-elt\"></p><p>  \n</p>")
                == [.paragraph([.text("one\ntwo")], attr: .empty)])
    }

    @Test func inlineMarkup() {
        #expect(inlines("<b>b</b><strong>s</strong><i>i</i><em>e</em>") ==
                [.strong([.text("b")]), .strong([.text("s")]), .emphasis([.text("i")]), .emphasis([.text("e")])])
        #expect(inlines("a<br/>b<code>x &amp; y</code><tt>t</tt>") ==
                [.text("a"), .lineBreak, .text("b"), .code("x & y", .empty), .code("t", .empty)])
        #expect(inlines(#"<sup class="r">1</sup><span id="s">x</span>"#) == [
            .span(name: "sup", content: [.text("1")], attr: Attr(classes: ["r"])),
            .span(name: "span", content: [.text("x")], attr: Attr(id: "s")),
        ])
    }

    @Test func linkKinds() {
        let got = inlines("""
        <a href="/wiki/Foo_bar#Sec_2" title="Foo bar">a</a>\
        <a href="/index.php?title=Caf%C3%A9&amp;action=edit&amp;redlink=1" class="new" title="Café (page does not exist)">b</a>\
        <a href="/index.php/Category:Xen" title="Category:Xen">c</a>\
        <a href="#Local">d</a>\
        <a rel="nofollow" class="external text" href="https://example.org/x">e</a>\
        <a rel="nofollow" class="external free" href="https://example.org/y">https://example.org/y</a>\
        <a href="https://en.wikipedia.org/wiki/Xen" class="extiw" title="wikipedia:Xen">f</a>\
        <a id="anchor"></a>
        """)
        let links = got.compactMap { if case .link(let l) = $0 { return l } else { return nil } }
        #expect(links.map(\.kind) == [.wiki, .wiki, .wiki, .wiki, .external, .bareURL, .external])
        #expect(links.map(\.target) == ["Foo bar", "Café", "Category:Xen", "", "https://example.org/x",
                                        "https://example.org/y", "https://en.wikipedia.org/wiki/Xen"])
        #expect(links.map(\.fragment) == ["Sec_2", nil, nil, "Local", nil, nil, nil])
        #expect(links.map(\.content.plainText) == ["a", "b", "c", "d", "e", "https://example.org/y", "f"])
        #expect(links.count == got.count)  // the empty anchor left nothing
    }

    @Test func listsAndDefinitionLists() {
        let got = blocks("<ul><li>a\n<ol><li>b</li></ol></li><li>c</li></ul><dl><dt>T</dt><dd>d1</dd><dd>d2</dd></dl><dl><dd>x</dd><dd>y</dd></dl>")
        #expect(got == [
            .bulletList([
                [.paragraph([.text("a")], attr: .empty), .orderedList([[.paragraph([.text("b")], attr: .empty)]], attr: .empty)],
                [.paragraph([.text("c")], attr: .empty)],
            ], attr: .empty),
            .definitionList([DefinitionItem(term: [.text("T")], definitions: [
                [.paragraph([.text("d1")], attr: .empty)], [.paragraph([.text("d2")], attr: .empty)]])], attr: .empty),
            .definitionList([
                DefinitionItem(term: [], definitions: [[.paragraph([.text("x")], attr: .empty)]]),
                DefinitionItem(term: [], definitions: [[.paragraph([.text("y")], attr: .empty)]]),
            ], attr: .empty),
        ])
    }

    @Test func tables() throws {
        let got = blocks(#"<table class="wikitable"><caption>Cap\#n</caption><tbody><tr><th>H</th><th colspan="2">I</th></tr><tr><td>a\#n</td><td><p>b</p></td></tr></tbody></table>"#)
        guard case .table(let table)? = got.first else { Issue.record("no table: \(got)"); return }
        #expect(table.attr.classes == ["wikitable"])
        #expect(table.caption == [.text("Cap")])
        #expect(table.rows.map { $0.cells.map(\.isHeader) } == [[true, true], [false, false]])
        #expect(table.rows[0].cells[1].attr["colspan"] == "2")
        #expect(table.rows[1].cells.map(\.content) == [[.paragraph([.text("a")], attr: .empty)], [.paragraph([.text("b")], attr: .empty)]])
    }

    @Test func preformattedKeepsMarkupAndSpacing() {
        #expect(blocks("<pre> a <b>b</b>\n  c\n</pre>") ==
                [.preformatted([.text(" a "), .strong([.text("b")]), .text("\n  c")], attr: .empty)])
    }

    @Test func syntaxHighlightBecomesACodeBlock() {
        let html = #"<div class="mw-highlight mw-highlight-lang-c mw-content-ltr" dir="ltr"><pre><span></span><span class="kt">int</span> <span class="n">x</span><span class="p">;</span>\#n</pre></div>"#
        #expect(blocks(html) == [.codeBlock("int x;", attr: Attr(classes: ["c"]))])
    }

    @Test func otherBlocks() {
        #expect(blocks("<hr /><blockquote><p>q</p></blockquote><center>c</center><div class=\"note\">n</div>") == [
            .horizontalRule,
            .blockQuote([.paragraph([.text("q")], attr: .empty)], attr: .empty),
            .div(name: "center", content: [.paragraph([.text("c")], attr: .empty)], attr: .empty),
            .div(name: "div", content: [.paragraph([.text("n")], attr: .empty)], attr: Attr(classes: ["note"])),
        ])
    }

    @Test func furnitureAndCommentsAreDropped() {
        let html = """
        <div class="mw-parser-output"><div id="toc" class="toc"><h2 id="mw-toc-heading">Contents</h2><ul><li>1 A</li></ul></div>
        <style>.x{}</style><p>kept<span class="mw-editsection">[edit]</span></p>
        <!-- NewPP limit report -->
        <div class="printfooter">Retrieved from here</div></div>
        """
        #expect(blocks(html) == [.paragraph([.text("kept")], attr: .empty)])
    }
}
