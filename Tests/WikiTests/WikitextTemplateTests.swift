import Document
import Testing
@testable import Wiki

@Suite struct WikitextTemplateTests {
    @Test func templateAloneOnALineIsABlock() {
        #expect(wikitextTree("{{Infobox\n| name = Xen\n| 2 = [[a|b]]\n}}\nText") == """
        Template "Infobox" name="Xen" 2="[[a|b]]"
        Para
          Text "Text"

        """)
    }

    @Test func inlineTemplateKeepsPositionalArgumentsVerbatim() {
        let doc = WikitextReader.read("See {{cite| a |b=c}} here")
        #expect(TreeDump.dump(doc, showSource: false) == """
        Para
          Text "See "
          Template "cite" " a " b="c"
          Text " here"

        """)
        guard case .paragraph(let inlines, _) = doc.blocks[0], case .template(let t) = inlines[1] else {
            Issue.record("no template"); return
        }
        #expect(t.source == "{{cite| a |b=c}}")
    }

    @Test func parserFunctionNameAndFirstArgument() {
        #expect(wikitextTree("{{#if: {{{1|}}} | yes | no }}") == """
        Template "#if" "{{{1|}}}" " yes " " no "

        """)
    }

    @Test func parameterIsKeptRaw() {
        #expect(wikitextTree("x {{{1}}} y") == """
        Para
          Text "x "
          Raw mediawiki "{{{1}}}"
          Text " y"

        """)
    }

    @Test func nestedTemplatesStayInTheOuterSource() {
        #expect(wikitextTree("{{a|{{b|c}}|d}}") == """
        Template "a" "{{b|c}}" "d"

        """)
    }

    @Test func unclosedBracesAreText() {
        #expect(wikitextTree("{{a|b") == """
        Para
          Text "{{a|b"

        """)
    }
}
