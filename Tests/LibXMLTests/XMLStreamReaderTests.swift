import Testing
@testable import LibXML
#if canImport(Glibc)
import Glibc
#endif

/// One visited node, as the tests compare them.
private struct Visit: Equatable {
    var kind: XMLStreamNodeKind
    var name: String
    var value: String
    var depth: Int
}

private func visits(_ xml: String) throws -> [Visit] {
    let reader = try XMLStreamReader(bytes: Array(xml.utf8))
    var out: [Visit] = []
    while try reader.read() {
        out.append(Visit(kind: reader.kind, name: reader.localName, value: reader.value, depth: reader.depth))
    }
    return out
}

private func streamError(_ xml: [UInt8]) -> XMLStreamError? {
    do {
        let reader = try XMLStreamReader(bytes: xml)
        while try reader.read() {}
        return nil
    } catch {
        return error
    }
}

@Suite struct XMLStreamReaderTests {
    @Test func visitsNodesInDocumentOrderWithDepth() throws {
        let got = try visits(#"<r xmlns="urn:x"><a k="v">t &amp; u</a><b/><!--c--></r>"#)
        #expect(got == [
            Visit(kind: .startElement, name: "r", value: "", depth: 0),
            Visit(kind: .startElement, name: "a", value: "", depth: 1),
            Visit(kind: .text, name: "#text", value: "t & u", depth: 2),
            Visit(kind: .endElement, name: "a", value: "", depth: 1),
            Visit(kind: .startElement, name: "b", value: "", depth: 1),
            Visit(kind: .comment, name: "#comment", value: "c", depth: 1),
            Visit(kind: .endElement, name: "r", value: "", depth: 0),
        ])
    }

    @Test func exposesAttributesNamespaceLinesAndEmptiness() throws {
        let reader = try XMLStreamReader(bytes: Array("<r xmlns='urn:x'>\n\n  <a k='1' xml:space='preserve'/>\n</r>".utf8))
        #expect(try reader.read())
        #expect(reader.namespaceURI == "urn:x")
        #expect(!reader.isEmptyElement)
        #expect(try reader.read())  // whitespace
        #expect(reader.kind == .whitespace)
        #expect(try reader.read())
        #expect(reader.localName == "a")
        #expect(reader.isEmptyElement)
        #expect(reader.line == 3)
        #expect(reader.attribute("k") == "1")
        #expect(reader.attribute("xml:space") == "preserve")
        #expect(reader.attribute("missing") == nil)
    }

    @Test func skipSubtreeMovesToNextSibling() throws {
        let reader = try XMLStreamReader(bytes: Array("<r><a><x>deep</x></a><b/></r>".utf8))
        _ = try reader.read()
        _ = try reader.read()
        #expect(reader.localName == "a")
        #expect(try reader.skipSubtree())
        #expect(reader.localName == "b")
    }

    @Test func cdataIsCharacterData() throws {
        let got = try visits("<r><![CDATA[<x>]]></r>")
        #expect(got[1].kind == .cdata)
        #expect(got[1].kind.isCharacterData)
        #expect(got[1].value == "<x>")
    }

    @Test func invalidUTF8IsAnEncodingErrorWithPosition() throws {
        let error = try #require(streamError(Array("<r>\nok\u{e9}".utf8).dropLast(2) + [0xFF, 0x3C, 0x2F, 0x72, 0x3E]))
        #expect(error.reason == .invalidEncoding)
        #expect(error.line == 2)
        #expect(error.column > 0)
        #expect(!error.message.contains("\n"))
    }

    @Test(arguments: ["<r><a>x", "<r><a>x</a>", "<r", ""])
    func truncatedInputIsReported(_ xml: String) throws {
        let error = try #require(streamError(Array(xml.utf8)))
        #expect(error.reason == .truncated || (xml == "<r" && error.reason == .malformed), "\(error)")
    }

    @Test func extraContentAfterRootIsMalformedNotTruncated() throws {
        let error = try #require(streamError(Array("<r/><s/>".utf8)))
        #expect(error.reason == .malformed)
    }

    /// libxml2's limits stay on: one text node over 10 MB is refused, so a
    /// hostile document cannot make one value grow without bound.
    @Test func hugeTextNodeIsRefused() throws {
        let xml = Array("<r>".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 10_000_001) + Array("</r>".utf8)
        let error = try #require(streamError(xml))
        #expect(error.reason == .malformed)
        #expect(error.message.contains("huge"))
    }

    @Test func doctypeIsReportedAsANode() throws {
        let got = try visits("<!DOCTYPE r SYSTEM \"http://127.0.0.1:9/never.dtd\"><r/>")
        #expect(got.first?.kind == .documentType)
    }

    @Test func externalEntityIsNeverLoaded() throws {
        let secret = "/tmp/pvyield-xmlstream-secret-\(getpid())"
        let marker = "SECRET-MARKER-\(getpid())"
        let file = fopen(secret, "w")
        fputs(marker, file)
        fclose(file)
        defer { unlink(secret) }
        let xml = "<!DOCTYPE r [<!ENTITY x SYSTEM \"file://\(secret)\">]><r>&x;</r>"
        var seen = ""
        do {
            let reader = try XMLStreamReader(bytes: Array(xml.utf8))
            while try reader.read() { seen += reader.value }
        } catch {}
        #expect(!seen.contains(marker))
    }

    @Test func emptyFileIsTruncated() throws {
        let path = "/tmp/pvyield-xmlstream-empty-\(getpid()).xml"
        fclose(fopen(path, "w"))
        defer { unlink(path) }
        let error = try #require(throws: XMLStreamError.self) {
            let reader = try XMLStreamReader(path: path)
            while try reader.read() {}
        }
        #expect(error.reason == .truncated, "\(error)")
    }

    @Test func missingFileIsUnreadable() {
        #expect(throws: XMLStreamError.self) { try XMLStreamReader(path: "/nonexistent/pvyield/none.xml") }
    }

    @Test func readsAFileFromDisk() throws {
        let path = "/tmp/pvyield-xmlstream-\(getpid()).xml"
        let file = fopen(path, "w")
        fputs("<r><a>file</a></r>", file)
        fclose(file)
        defer { unlink(path) }
        let reader = try XMLStreamReader(path: path)
        var text = ""
        while try reader.read() { if reader.kind == .text { text += reader.value } }
        #expect(text == "file")
    }
}
