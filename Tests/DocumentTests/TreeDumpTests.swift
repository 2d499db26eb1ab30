import Testing
@testable import Document

@Suite struct TreeDumpTests {
    @Test func dumpsNestedBlocksWithSourceRanges() {
        let doc = Document(meta: ["title": "T"], blocks: [
            .heading(level: 2, content: [.text("IOMMU")],
                     attr: Attr(id: "IOMMU", source: SourceRange(start: .init(line: 3, column: 1), end: .init(line: 3, column: 10)))),
            .bulletList([[.paragraph([.strong([.text("a\"b")])], attr: .empty)]], attr: .empty),
        ])
        #expect(TreeDump.dump(doc) == """
        Meta title = "T"
        Heading 2 {#IOMMU @3:1-3:10}
          Text "IOMMU"
        BulletList
          Item
            Para
              Strong
                Text "a\\"b"

        """)
    }

    @Test func plainTextDropsMarkupButKeepsTemplates() {
        let inl: [Inline] = [.text("a "), .emphasis([.text("b")]), .lineBreak,
                             .template(Template(name: "x", arguments: [], source: "{{x}}"))]
        #expect(inl.plainText == "a b {{x}}")
    }

    @Test func strippingSourceRangesMakesDocumentsComparable() {
        let a = Document(blocks: [.paragraph([.text("x")], attr: Attr(source: SourceRange(start: .init(line: 1, column: 1), end: .init(line: 1, column: 2))))])
        let b = Document(blocks: [.paragraph([.text("x")], attr: .empty)])
        #expect(a != b)
        #expect(a.withoutSourceRanges == b)
    }
}
