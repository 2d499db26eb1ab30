import Foundation
import Testing
import TestSupport
import Wiki
@testable import Handbook

/// The revision of 8 August 2015 read as wikitext, from the export XML, as a
/// rendered page and as the plain-text capture gives the same subsystems,
/// strategies and claims. Fixtures are real MediaWiki 1.39 output.
@Suite struct SameModelAcrossFormatsTests {
    static let fixtures = Golden.fixtures.appendingPathComponent("mediawiki/yielding")
    static let realPage = Golden.repositoryRoot.appendingPathComponent("content/pages/XenParavirtOps/yielding")

    /// A page folder holding one revision in the given format, with the
    /// bundled page's model. Restorations only apply to the capture, which
    /// lost the text they put back.
    static func load(format: String, file: String, text: String) throws -> Page {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pvyield-formats-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let page = root.appendingPathComponent("content/pages/XenParavirtOps/yielding")
        try FileManager.default.createDirectory(at: page.appendingPathComponent("revisions"), withIntermediateDirectories: true)
        try text.write(to: page.appendingPathComponent("revisions/\(file)"), atomically: true, encoding: .utf8)
        try "revisions:\n  - file: revisions/\(file)\n    format: \(format)\n"
            .write(to: page.appendingPathComponent("revisions.yaml"), atomically: true, encoding: .utf8)
        for name in ["page.yaml", "model.yaml", "probes.yaml"] {
            try FileManager.default.copyItem(at: realPage.appendingPathComponent(name), to: page.appendingPathComponent(name))
        }
        var additions = try String(contentsOf: realPage.appendingPathComponent("additions.yaml"), encoding: .utf8)
        if format != "text", let start = additions.range(of: "restorations:"), let end = additions.range(of: "\nclaims:") {
            additions.removeSubrange(start.lowerBound..<end.lowerBound)
        }
        try additions.write(to: page.appendingPathComponent("additions.yaml"), atomically: true, encoding: .utf8)
        return try #require(try ContentLoader(root: root.appendingPathComponent("content")).load().pages.first)
    }

    /// What must agree: ids, sections, sentences, links and code references.
    struct Shape: Equatable, CustomStringConvertible {
        var subsystems: [String]
        var strategies: [String]
        var claims: [String]
        var description: String { (subsystems + strategies + claims).joined(separator: "\n") }

        init(_ page: Page) {
            subsystems = page.subsystems.map { "\($0.id) §\($0.section ?? "-") stub=\($0.isStub)" }
            strategies = page.strategies.map { "\($0.id) in \($0.subsystem)" }
            claims = page.claims.map { c in
                "\(c.id) [\(c.subsystem)/\(c.strategy ?? "-")/\(c.kind.rawValue)] §\(c.location?.section ?? "-") «\(c.text)» "
                    + c.codeReferences.map(\.name).sorted().joined(separator: ",")
            }
        }
    }

    @Test func fourFormatsGiveOneModel() throws {
        let wikitext = try String(contentsOf: Self.fixtures.appendingPathComponent("revisions/r2.wiki"), encoding: .utf8)
        var exported: String?
        try MediaWikiExportReader(path: Self.fixtures.appendingPathComponent("export-full.xml").path).forEachPage { page in
            exported = page.revisions.first { $0.info.id == 3 }?.text
        }
        let html = try String(contentsOf: Self.fixtures.appendingPathComponent("rendered/r2.html"), encoding: .utf8)
        let capture = try String(contentsOf: Golden.sharedFolder.appendingPathComponent("seeds/000_3e7d918799a29431.txt"), encoding: .utf8)

        let fromWikitext = Shape(try Self.load(format: "wikitext", file: "r2.wiki", text: wikitext))
        let fromExport = Shape(try Self.load(format: "wikitext", file: "r3.wiki", text: try #require(exported)))
        let fromHTML = Shape(try Self.load(format: "mediawiki-html", file: "r2.html", text: html))
        let fromCapture = Shape(try Self.load(format: "text", file: "2015-08-08T0100Z.txt", text: capture))

        #expect(fromWikitext.claims.count == 16)
        #expect(fromWikitext.subsystems.contains("mtrr §MTRR stub=true"))
        #expect(fromExport == fromWikitext)
        #expect(fromHTML == fromWikitext, "\(fromHTML)\n---\n\(fromWikitext)")
        #expect(fromCapture == fromWikitext, "\(fromCapture)\n---\n\(fromWikitext)")
    }
}
