import Document
import Foundation
import Testing
@testable import Wiki

/// A minimal rendered page: `head` and `sub` (the revision box area) vary.
private func page(head: String = "", heading: String? = "Some page", sub: String = "", content: String = "<p>x</p>",
                  after: String = "") -> String {
    """
    <!DOCTYPE html><html><head><title>Some page - Wiki</title>\(head)</head><body>
    \(heading.map { #"<h1 id="firstHeading">\#($0)</h1>"# } ?? "")
    <div id="contentSub">\(sub)</div>
    <div id="mw-content-text"><div class="mw-parser-output">\(content)</div></div>
    \(after)
    </body></html>
    """
}

private func box(_ time: String, user: String = #"<a href="/wiki/User:Ann" class="mw-userlink"><bdi>Ann</bdi></a>"#) -> String {
    #"<div id="mw-revision-info">Revision as of \#(time) by \#(user) <span class="comment">(fix (typo))</span></div>"#
}

@Suite struct MediaWikiHTMLPageTests {
    @Test(arguments: [
        ("01:00, 8 August 2015", "2015-08-08T01:00:00Z"),        // dmy
        ("01:00, August 8, 2015", "2015-08-08T01:00:00Z"),       // mdy
        ("01:00, 2015 August 8", "2015-08-08T01:00:00Z"),        // ymd
        ("2015-08-08T01:00:00", "2015-08-08T01:00:00Z"),         // ISO 8601 preference
        ("23:59:30, 31 December 1999", "1999-12-31T23:59:30Z"),
    ])
    func revisionTimesInEveryDateFormat(shown: String, iso: String) throws {
        let rendered = try MediaWikiHTMLReader.read(page(sub: box(shown)), file: "p.html")
        #expect(rendered.info.timestamp == iso)
        #expect(rendered.info.contributor == "Ann")
        #expect(rendered.info.comment == "fix (typo)")
    }

    @Test func localisedMonthNamesComeFromThePageConfig() throws {
        let head = #"<script>RLCONF={"wgMonthNames":["","janvier","février","mars","avril","mai","juin","juillet","août","septembre","octobre","novembre","d\u00e9cembre"],"wgRevisionId":77};</script>"#
        let rendered = try MediaWikiHTMLReader.read(page(head: head, sub: box("14:05, 3 décembre 2014")), file: "p.html")
        #expect(rendered.info.timestamp == "2014-12-03T14:05:00Z")
        #expect(rendered.oldid == 77)
    }

    @Test func anonymousEditorsAreTheirAddress() throws {
        let user = #"<a href="/wiki/Special:Contributions/192.0.2.7" class="mw-userlink mw-anonuserlink"><bdi>192.0.2.7</bdi></a>"#
        let rendered = try MediaWikiHTMLReader.read(page(sub: box("01:00, 8 August 2015", user: user)), file: "p.html")
        #expect(rendered.info.contributor == "192.0.2.7")
    }

    @Test func oldidFallsBackToOldidLinks() throws {
        let permalink = #"<li id="t-permalink"><a href="/index.php?title=Some_page&amp;oldid=41">Permanent link</a></li>"#
        #expect(try MediaWikiHTMLReader.read(page(after: permalink), file: "p").oldid == 41)
        let footer = #"<div class="printfooter">Retrieved from "<a href="http://w/index.php?title=Some_page&amp;oldid=42">x</a>"</div>"#
        #expect(try MediaWikiHTMLReader.read(page(content: "<p>x</p>" + footer), file: "p").oldid == 42)
        #expect(try MediaWikiHTMLReader.read(page(), file: "p").oldid == nil)
    }

    @Test func titleFallsBackToTheTitleElement() throws {
        #expect(try MediaWikiHTMLReader.read(page(heading: nil), file: "p").title == "Some page")
        #expect(try MediaWikiHTMLReader.read(page(heading: "  Spaced\n title "), file: "p").title == "Spaced title")
    }

    @Test func categoriesComeFromTheCategoryBox() throws {
        let catlinks = """
        <div id="catlinks" class="catlinks"><div id="mw-normal-catlinks" class="mw-normal-catlinks">\
        <a href="/wiki/Special:Categories" title="Special:Categories">Categories</a>: <ul>\
        <li><a href="/wiki/Category:Xen" title="Category:Xen">Xen</a></li>\
        <li><a href="/index.php?title=Category:Linux_kernel&amp;action=edit&amp;redlink=1" class="new">Linux kernel</a></li></ul></div>\
        <div id="mw-hidden-catlinks" class="mw-hidden-catlinks mw-hidden-cats-hidden">Hidden category: <ul>\
        <li><a href="/wiki/Category:Stubs" title="Category:Stubs">Stubs</a></li></ul></div></div>
        """
        let rendered = try MediaWikiHTMLReader.read(page(after: catlinks), file: "p")
        #expect(rendered.categories == ["Category:Xen", "Category:Linux kernel", "Category:Stubs"])
        let config = #"<script>RLCONF={"wgCategories":["A b","C"]};</script>"#
        #expect(try MediaWikiHTMLReader.read(page(head: config), file: "p").categories == ["Category:A b", "Category:C"])
    }

    @Test func pagesWithoutParserOutputAreRefused() throws {
        let error = try #require(throws: ReadError.self) {
            try MediaWikiHTMLReader.read("<html><body><p>not a wiki page</p></body></html>", file: "x.html")
        }
        #expect(error.description == "x.html:1:1: expected a rendered MediaWiki page (an element of class mw-parser-output)")
    }

    @Test func pageWithoutAnyTitleIsRefused() throws {
        let html = #"<html><body><div class="mw-parser-output"><p>x</p></div></body></html>"#
        let error = try #require(throws: ReadError.self) { try MediaWikiHTMLReader.read(html, file: "x.html") }
        #expect(error.expected == "a page title (#firstHeading or <title>)")
    }

    /// Cut anywhere, a rendered page is read or refused, never a crash.
    @Test func truncatedPagesNeverCrash() throws {
        let html = try MediaWikiHTMLFixtures.rendered("r3")
        var read = 0
        for cut in stride(from: 0, to: html.count, by: 397) {
            do {
                _ = try MediaWikiHTMLReader.read(String(html.prefix(cut)), file: "cut")
                read += 1
            } catch is ReadError {
            }
        }
        #expect(read > 0)
    }
}
