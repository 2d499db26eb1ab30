import Foundation
import Testing
@testable import Wiki

/// The error reading `xml` gives, or nil when it reads.
private func readError(_ xml: String, file: String = "dump.xml") -> ReadError? {
    readError(bytes: Array(xml.utf8), file: file)
}

private func readError(bytes: [UInt8], file: String = "dump.xml") -> ReadError? {
    do {
        try MediaWikiExportReader(data: Data(bytes), file: file).forEachPage { _ in }
        return nil
    } catch let error as ReadError {
        return error
    } catch {
        Issue.record("not a ReadError: \(error)")
        return nil
    }
}

@Suite struct MediaWikiExportErrorTests {
    @Test func invalidUTF8IsReportedWithItsLine() throws {
        var bytes = Array(MediaWikiExportFixtures.export(MediaWikiExportFixtures.page(revision:
            "<id>1</id><timestamp>2020-01-01T00:00:00Z</timestamp><text>caf\u{e9}</text>")).utf8)
        // Replace "é" (C3 A9) with a lone continuation byte.
        let index = try #require(bytes.firstIndex(of: 0xC3))
        bytes.replaceSubrange(index...index + 1, with: [0xA9])
        let error = try #require(readError(bytes: bytes))
        #expect(error.description.hasPrefix("dump.xml:2:"))
        #expect(error.expected.hasPrefix("valid UTF-8"))
        #expect(error.column > 1)
    }

    @Test func truncatedExportIsReported() throws {
        let whole = try String(contentsOfFile: MediaWikiExportFixtures.yieldingExport, encoding: .utf8)
        let error = try #require(readError(String(whole.prefix(whole.count / 2))))
        #expect(error.expected.hasPrefix("the rest of the document"))
        #expect(error.line > 60)
    }

    @Test func truncatedAnywhereNeverCrashesAndAlwaysFails() throws {
        let bytes = Array(try String(contentsOfFile: MediaWikiExportFixtures.yieldingExport, encoding: .utf8).utf8)
        // Cutting before the final "</mediawiki>\n" must always fail, wherever it cuts.
        for cut in stride(from: 0, to: bytes.count - 14, by: 53) {
            let error = readError(bytes: Array(bytes[..<cut]))
            #expect(error != nil, "cut at \(cut)")
            #expect(error.map { !$0.description.contains("\n") } ?? true)
        }
    }

    @Test(arguments: [
        (#"<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.12/" version="0.12">"#, "not version \"0.12\""),
        (#"<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.9/" version="0.9">"#, "not version \"0.9\""),
        (#"<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/">"#, "not version \"\""),
        (#"<mediawiki version="0.11">"#, "in namespace \"\""),
        (#"<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.11">"#, "export-0.10/"),
    ])
    func unknownSchemaVersionsAreRefused(root: String, detail: String) throws {
        let error = try #require(readError(root + "<page><title>T</title></page></mediawiki>"))
        #expect(error.expected.hasPrefix("a MediaWiki export of schema version 0.10 or 0.11"))
        #expect(error.expected.contains(detail))
        #expect(error.line == 1)
    }

    @Test func otherRootElementsAreRefused() throws {
        let error = try #require(readError("<!-- c -->\n<html><page/></html>"))
        #expect(error.description == "dump.xml:2:1: expected a <mediawiki> root element, not <html>")
    }

    @Test func pageWithoutTitleIsRefusedAtThePage() throws {
        let xml = MediaWikiExportFixtures.export("""
        <page><title>Fine</title><ns>0</ns></page>
        <page>
          <ns>0</ns><id>2</id>
        </page>
        """)
        let error = try #require(readError(xml))
        #expect(error.description == "dump.xml:3:1: expected a <title> in the <page> that starts on line 3")
    }

    @Test func revisionWithoutIdOrTimestampIsRefused() throws {
        let noID = MediaWikiExportFixtures.export(MediaWikiExportFixtures.page(revision: "\n<timestamp>2020-01-01T00:00:00Z</timestamp>"))
        #expect(readError(noID)?.expected == "an <id> in the <revision> that starts on line 2")
        let noTime = MediaWikiExportFixtures.export(MediaWikiExportFixtures.page(revision: "<id>5</id>"))
        #expect(readError(noTime)?.expected == "a <timestamp> in the <revision> that starts on line 2")
        let emptyTime = MediaWikiExportFixtures.export(MediaWikiExportFixtures.page(revision: "<id>5</id><timestamp/>"))
        #expect(readError(emptyTime)?.expected.hasPrefix("a <timestamp>") == true)
    }

    @Test func numbersMustBeNumbers() throws {
        let xml = MediaWikiExportFixtures.export(MediaWikiExportFixtures.page(revision: "<id>12a</id>"))
        #expect(readError(xml)?.expected == #"a whole number in <id>, not "12a""#)
    }

    @Test func elementsInsideTextAreRefused() throws {
        let xml = MediaWikiExportFixtures.export(MediaWikiExportFixtures.page(revision:
            "<id>1</id><timestamp>t</timestamp><text>a<b>bold</b></text>"))
        #expect(readError(xml)?.expected == "only text in <text>, not a <b> element")
    }

    @Test func malformedXMLIsOneLine() throws {
        let error = try #require(readError(MediaWikiExportFixtures.export("<page><title>T</titel></page>")))
        #expect(error.expected.hasPrefix("well-formed XML ("))
        #expect(!error.description.contains("\n"))
        #expect(error.line == 2)
    }

    @Test func missingFileIsAReadError() throws {
        #expect(throws: ReadError.self) {
            try MediaWikiExportReader(path: "/nonexistent/pvyield/dump.xml").forEachPage { _ in }
        }
        do {
            try MediaWikiExportReader(path: "/nonexistent/pvyield/dump.xml").forEachPage { _ in }
        } catch let error as ReadError {
            #expect(error.description.hasPrefix("/nonexistent/pvyield/dump.xml:1:1: expected a readable file"))
        }
    }

    @Test func emptyInputIsAReadError() throws {
        #expect(readError("", file: "<stdin>")?.description.hasPrefix("<stdin>:1:1: expected the rest") == true)
    }
}
