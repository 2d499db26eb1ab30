import Document
import Testing
@testable import Wiki

@Suite struct WikitextExternalLinkTests {
    @Test func labelledAndNumbered() {
        #expect(wikitextTree("[http://example.org/a label here] and [https://x.org] [//y.org]") == """
        Para
          Link external "http://example.org/a"
            Text "label here"
          Text " and "
          Link external "https://x.org"
            Text "[1]"
          Text " "
          Link external "//y.org"
            Text "[2]"

        """)
    }

    @Test func bareURLDropsTrailingPunctuation() {
        #expect(wikitextTree("See http://example.com/x_(y), then http://a.org/b.") == """
        Para
          Text "See "
          Link bare-url "http://example.com/x_(y)"
            Text "http://example.com/x_(y)"
          Text ", then "
          Link bare-url "http://a.org/b"
            Text "http://a.org/b"
          Text "."

        """)
    }

    @Test func noBracketedLinkAcrossLinesNorBareURLAfterAWord() {
        // The bracket does not pair across the newline; the URL itself is still bare.
        #expect(wikitextTree("[http://a.org x\ny] foohttp://b.org") == """
        Para
          Text "["
          Link bare-url "http://a.org"
            Text "http://a.org"
          Text " x\\ny] foohttp://b.org"

        """)
    }

    @Test func entityInURLIsDecoded() {
        #expect(wikitextTree("[http://a.org/?a=1&amp;b=2 q]") == """
        Para
          Link external "http://a.org/?a=1&b=2"
            Text "q"

        """)
    }

    @Test func magicLinks() {
        #expect(wikitextTree("RFC 1234 and ISBN 0-306-40615-2") == """
        Para
          Link external "https://datatracker.ietf.org/doc/html/rfc1234"
            Text "RFC 1234"
          Text " and "
          Link wiki "Special:BookSources/0306406152"
            Text "ISBN 0-306-40615-2"

        """)
    }
}
