import Testing
import CommonMark
import Document
@testable import Writers

/// Escaped wiki text must come back from a CommonMark parser as the same
/// plain text: no emphasis, links, headings or HTML appear from it.
@Suite struct MarkdownEscapeTests {
    static let tricky = [
        "pv_ops and _emphasis_ and __strong__", "IOMMU_INIT*() macros", "*bold* **x**", "# not a heading",
        "- not a list", "1. not a list", "2) nor this", "+ plus", "= equals", "[link](javascript:alert(1))",
        "<script>alert(1)</script>", "a `code` span", "back\\slash", "![img](x)", "&amp; &lt; entity", "a | table",
        "~~strike~~", "x > y < z", "trailing backslash \\",
    ]

    @Test(arguments: tricky)
    func escapedTextParsesBackToItself(_ text: String) {
        let markdown = DocumentMarkdownWriter.markdown([.paragraph([.text(text)], attr: .empty)])
        let tree = CommonMark.parse(markdown)
        let types = Set(tree.all.map(\.type))
        #expect(types.isSubset(of: ["document", "paragraph", "text"]), "\(markdown) parsed as \(types)")
        #expect(tree.text == text, "\(markdown)")
    }

    @Test func proseStaysReadable() {
        #expect(DocumentMarkdownWriter.escape("While pv_ops enables co-exist (DMA).") == "While pv_ops enables co-exist (DMA).")
    }

    @Test func unsafeLinksLoseTheirTarget() {
        let md = DocumentMarkdownWriter.markdown([.paragraph([.link(Link(kind: .external, target: "javascript:alert(1)", content: [.text("x")]))], attr: .empty)])
        #expect(!md.contains("javascript"))
    }
}
