import Document
import Testing
@testable import Wiki

/// What the reader lets through from hostile wikitext.
@Suite struct WikitextSecurityTests {
    @Test func onAttributesNeverReachTheModel() {
        let doc = WikitextReader.read("<span onmouseover=\"alert(1)\" title=x>a</span><img src=x onerror=alert(1)>")
        #expect(TreeDump.dump(doc, showSource: false) == """
        Para
          Span <span> {title="x"}
            Text "a"
          Text "<img src=x onerror=alert(1)>"

        """)
    }

    @Test func javascriptLinkIsNotALink() {
        #expect(wikitextTree("[javascript:alert(1) x]") == """
        Para
          Text "[javascript:alert(1) x]"

        """)
    }

    @Test func attributeInjectionThroughALinkTarget() {
        #expect(wikitextTree("[[\"><script>alert(1)</script>]]") == """
        Para
          Text "[[\\"><script>alert(1)</script>]]"

        """)
    }
}
