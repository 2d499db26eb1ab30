import Testing
import Document
import TestSupport
@testable import Wiki

@Suite struct TextCaptureReaderTests {
    static func seed() throws -> String {
        try String(contentsOf: Golden.sharedFolder.appendingPathComponent("seeds/000_3e7d918799a29431.txt"), encoding: .utf8)
    }

    @Test func seedDocumentMatchesGolden() throws {
        let result = TextCaptureReader.read(try Self.seed())
        #expect(Golden.check(TreeDump.dump(result.document), against: "seed.tree") == nil)
    }

    @Test func seedFurnitureGivesRevisionMetadata() throws {
        let result = TextCaptureReader.read(try Self.seed())
        #expect(result.siteName == "Xen")
        #expect(result.info.timestamp == "2015-08-08T01:00:00Z")
        #expect(result.info.contributor == "Mcgrof")
    }

    @Test func seedHeadingsCodeAndStub() throws {
        let doc = TextCaptureReader.read(try Self.seed()).document
        let headings = doc.blocks.compactMap { b -> String? in
            if case .heading(_, let c, _) = b { return c.plainText } else { return nil }
        }
        #expect(headings == ["Xen Paravirt yielding", "IOMMU yielding", "CPU Microcode"])
        let code = doc.blocks.compactMap { b -> (String, [String])? in
            if case .codeBlock(let s, let a) = b { return (s, a.classes) } else { return nil }
        }
        #expect(code.count == 1)
        #expect(code.first?.1 == ["c"])
        #expect(code.first?.0.hasPrefix("static int __init microcode_init(void) {\n\n       struct cpuinfo_x86") == true)
        #expect(code.first?.0.contains("return 0;") == true)
        #expect(code.first?.0.hasSuffix(" ") == false)
        guard case .paragraph(let stub, let attr)? = doc.blocks.last else { Issue.record("no stub"); return }
        #expect(stub.plainText == "Being written")
        #expect(attr.classes == ["stub"])
    }

    @Test func seedRecordsWhatItInferred() throws {
        let inferences = TextCaptureReader.read(try Self.seed()).inferences
        let kinds = Set(inferences.map(\.kind))
        #expect(kinds.isSuperset(of: ["furniture", "revision-line", "heading", "code-block", "code-language", "stub", "lost-heading"]))
        let lost = try #require(inferences.first { $0.kind == "lost-heading" })
        #expect(lost.line == 32)
        #expect(lost.confidence == .medium)
    }

    @Test func proseEndingInParenthesisIsNotCode() {
        let r = TextCaptureReader.read("Intro\n\nThis calls iommu_present(bus) before use (see below).\n")
        #expect(r.document.blocks.count == 2)
        if case .paragraph = r.document.blocks[1] {} else { Issue.record("expected a paragraph") }
    }

    @Test func windowsLineEndingsAndFooterFurniture() {
        let r = TextCaptureReader.read("From Xen\r\nRevision as of 13:05, 1 March 2016 by Jane Doe (talk | contribs)\r\n\r\nText here.\r\n\r\nRetrieved from \"https://x/y\"\r\nCategories: A\r\n")
        #expect(r.info.timestamp == "2016-03-01T13:05:00Z")
        #expect(r.info.contributor == "Jane Doe")
        #expect(r.document.blocks == [.paragraph([.text("Text here.")], attr: Attr(source: SourceRange(start: .init(line: 4, column: 1), end: .init(line: 4, column: 11))))])
    }

    @Test func malformedRevisionLineIsContent() {
        #expect(RevisionLine.parse("Revision as of 25:00, 8 August 2015 by X (talk | contribs)") == nil)
        #expect(RevisionLine.parse("Revision as of 01:00, 8 Augustus 2015 by X") == nil)
        #expect(RevisionLine.parse("Latest revision as of 09:41, 12 May 2020 by A B (talk | contribs)")
                == RevisionLine.Parsed(timestamp: "2020-05-12T09:41:00Z", user: "A B"))
    }
}
