import Document
import Testing
@testable import Writers

/// Nothing in a document, whatever a reader put there, becomes active HTML.
@Suite struct HTMLWriterSecurityTests {
    @Test func scriptTextIsEscaped() {
        let html = DocumentHTMLWriter.html([Inline.text("<script>alert(1)</script>")])
        #expect(html == "&lt;script&gt;alert(1)&lt;/script&gt;")
    }

    @Test func javascriptAndDataURLsGetNoHref() {
        for url in ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:x", "java\tscript:x", "vbscript:msgbox(1)",
                    "data:text/html;base64,PHNjcmlwdD4=", "\u{1}javascript:x"] {
            let html = DocumentHTMLWriter.html([Inline.link(Link(kind: .external, target: url, content: [.text("x")]))])
            #expect(!html.contains("href"), "\(url) -> \(html)")
        }
        let wiki = DocumentHTMLWriter.html([Inline.link(Link(kind: .wiki, target: "x", content: [.text("x")]))]) { _, _ in
            "javascript:alert(1)"
        }
        #expect(!wiki.contains("href"))
    }

    @Test func quotesInTargetsCannotBreakOutOfTheAttribute() {
        let html = DocumentHTMLWriter.html([Inline.link(Link(kind: .wiki, target: "\"><script>x</script>", content: [.text("t")]))])
        #expect(!html.contains("<script"))
        #expect(!html.contains("\"><"))
        let ext = DocumentHTMLWriter.html([Inline.link(Link(kind: .external, target: "http://e.org/\"onmouseover=\"x", content: []))])
        #expect(ext == "<a href=\"http://e.org/&quot;onmouseover=&quot;x\" rel=\"nofollow\" class=\"external text\"></a>")
    }

    @Test func eventHandlersAndUnsafeStylesAreDropped() {
        let attr = Attr(id: "a\"b", classes: ["c\"><x"], attributes: [
            Attribute("onerror", "alert(1)"), Attribute("onclick", "x"), Attribute("style", "width: expression(alert(1))"),
            Attribute("title", "\" onmouseover=\"x"),
        ])
        let html = DocumentHTMLWriter.html([Block.div(name: "div", content: [], attr: attr)])
        #expect(html == "<div id=\"a&quot;b\" class=\"c&quot;&gt;&lt;x\" title=\"&quot; onmouseover=&quot;x\"></div>\n")
        let safe = DocumentHTMLWriter.html([Block.div(name: "div", content: [], attr: Attr(attributes: [Attribute("style", "color:red")]))])
        #expect(safe == "<div style=\"color:red\"></div>\n")
        let url = DocumentHTMLWriter.html([Block.div(name: "div", content: [], attr: Attr(attributes: [Attribute("style", "background:u\\rl(x)")]))])
        #expect(url == "<div></div>\n")
    }

    @Test func elementNamesAreWhitelisted() {
        #expect(DocumentHTMLWriter.html([Block.div(name: "script", content: [], attr: .empty)]) == "<div></div>\n")
        #expect(DocumentHTMLWriter.html([Inline.span(name: "img src=x onerror=alert(1)", content: [.text("y")], attr: .empty)])
            == "<span>y</span>")
    }

    @Test func rawContentIsShownAsText() {
        #expect(DocumentHTMLWriter.html([Block.raw(format: "html", text: "<img src=x onerror=alert(1)>")])
            == "<pre class=\"raw\">&lt;img src=x onerror=alert(1)&gt;</pre>\n")
    }
}
