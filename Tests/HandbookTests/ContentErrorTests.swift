import Foundation
import Testing
@testable import Handbook

/// Every mistake in a content file is reported with its file, line and column.
@Suite struct ContentErrorTests {
    /// Writes a page folder with the given files (defaults for the others) and loads it.
    func load(_ files: [String: String]) throws -> Handbook {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pvyield-content-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let page = root.appendingPathComponent("content/pages/P")
        try FileManager.default.createDirectory(at: page.appendingPathComponent("revisions"), withIntermediateDirectories: true)
        var all: [String: String] = [
            "page.yaml": "title: P\n",
            "revisions.yaml": "revisions:\n  - file: revisions/r1.txt\n    format: text\n",
            "revisions/r1.txt": "Title\n\nThe first sentence says iommu_present() is used. Another one.\n\nSection\n\nMore words here.\n",
            "model.yaml": "subsystems:\n  - id: s\n    name: S\n    section: Section\nclaims:\n  - id: c1\n    subsystem: s\n    kind: behaviour\n    quote: More words\n    probes: [p]\n",
        ]
        for (k, v) in files { all[k] = v }
        for (name, text) in all {
            try text.write(to: page.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return try ContentLoader(root: root.appendingPathComponent("content")).load()
    }

    @Test func validPageLoads() throws {
        let h = try load([:])
        #expect(h.allClaims.map(\.id) == ["c1"])
        #expect(h.allClaims[0].location?.section == "Section")
    }

    @Test func unknownFieldIsNamedWithItsLine() {
        #expect(throws: ContentError(file: "content/pages/P/model.yaml", line: 9, column: 5,
                                     expected: "one of the fields files, id, kernels, kind, note, platforms, probes, quote, sources, strategy, subsystem, symbols, text in a claim, found \"probe\"")) {
            _ = try load(["model.yaml": "subsystems:\n  - id: s\n    name: S\n    section: Section\nclaims:\n  - id: c1\n    subsystem: s\n    kind: behaviour\n    probe: [p]\n"])
        }
    }

    @Test func quoteNotInAnyRevision() {
        #expect(throws: ContentError.self) {
            _ = try load(["model.yaml": "subsystems:\n  - id: s\n    name: S\nclaims:\n  - id: c1\n    subsystem: s\n    kind: behaviour\n    quote: Not on the page\n"])
        }
        do {
            _ = try load(["model.yaml": "subsystems:\n  - id: s\n    name: S\nclaims:\n  - id: c1\n    subsystem: s\n    kind: behaviour\n    quote: Not on the page\n"])
        } catch let e as ContentError {
            #expect(e.line == 8 && e.column == 12)
            #expect(e.expected.contains("in none"))
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func yamlSyntaxErrorHasPosition() {
        do {
            _ = try load(["page.yaml": "title: [unclosed\n"])
            Issue.record("no error")
        } catch let e as ContentError {
            #expect(e.file == "content/pages/P/page.yaml")
            #expect(e.line >= 1)
            #expect(e.description.hasPrefix("content/pages/P/page.yaml:"))
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func historyClaimsMayNotHaveProbes() {
        #expect(throws: ContentError.self) {
            _ = try load(["model.yaml": "subsystems:\n  - id: s\n    name: S\nclaims:\n  - id: c1\n    subsystem: s\n    kind: history\n    quote: More words\n    probes: [p]\n"])
        }
    }

    @Test func pvyieldClaimsNeedSources() {
        #expect(throws: ContentError.self) {
            _ = try load(["additions.yaml": "claims:\n  - id: a1\n    subsystem: s\n    kind: behaviour\n    text: Mine.\n"])
        }
    }

    @Test func revisionPathMayNotLeaveThePage() {
        #expect(throws: ContentError.self) {
            _ = try load(["revisions.yaml": "revisions:\n  - file: ../../../etc/passwd\n    format: text\n"])
        }
    }

    @Test func metadataMustAgreeWithTheCapture() {
        #expect(throws: ContentError.self) {
            _ = try load(["revisions/r1.txt": "Revision as of 01:00, 8 August 2015 by A (talk | contribs)\n\nTitle\n\nMore words here.\n\nSection\n\nx.\n",
                          "revisions.yaml": "revisions:\n  - file: revisions/r1.txt\n    format: text\n    contributor: B\n"])
        }
    }
}
