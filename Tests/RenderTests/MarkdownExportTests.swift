import Foundation
import Testing
import TestSupport
import CommonMark
@testable import Render

/// The CommonMark export: a file per site page, the same headings, links and
/// code blocks, front matter, and CommonMark that re-renders stably.
@Suite struct MarkdownExportTests {
    static func export() throws -> [String: String] {
        let (h, c) = try SiteFixture.load()
        return try MarkdownExport.files(handbook: h, catalog: c, report: SiteFixture.report(h, c), options: SiteFixture.options(h, c))
    }

    @Test func oneFilePerSitePage() throws {
        let site = try SiteFixture.site()
        let md = try Self.export()
        let pages = Set(site.keys.filter { $0.hasSuffix(".html") }.map(SitePaths.markdown))
        #expect(Set(md.keys) == pages)
    }

    @Test func headingsLinksAndCodeBlocksMatchTheSitePageForPage() throws {
        let site = try SiteFixture.site()
        let md = try Self.export()
        var compared = 0
        for (path, html) in site where path.hasSuffix(".html") {
            let markdown = try #require(md[SitePaths.markdown(path)])
            let a = PageStructure.html(html), b = PageStructure.markdown(markdown)
            #expect(!a.headings.isEmpty && !a.links.isEmpty, "\(path): nothing found in the page's <main>")
            #expect(a.headings == b.headings, "\(path) headings\n  site: \(a.headings)\n  md:   \(b.headings)")
            #expect(a.links == b.links, "\(path) links\n  site: \(a.links)\n  md:   \(b.links)")
            #expect(a.code == b.code, "\(path) code\n  site: \(a.code)\n  md:   \(b.code)")
            compared += 1
        }
        #expect(compared > 30)
    }

    @Test func frontMatterHasIdRevisionAndVerdicts() throws {
        let md = try Self.export()
        let slug = try SiteFixture.slug()
        let claim = try #require(md["\(slug)/claim/microcode.init-returns-early.md"])
        #expect(claim.hasPrefix("""
            ---
            id: "microcode.init-returns-early"
            revision: "2015-08-08T01:00:00Z by Mcgrof"
            verdicts:
              "standing": "contradicted"
              "this build": "not-applicable"
            """))
        #expect(claim.contains("  \"source Linux 6.12.0\": \"stale\"\n"))
        #expect(Golden.check(claim, against: "export-claim-microcode.init-returns-early.md") == nil)
        #expect(Golden.check(md["\(slug)/subsystem/microcode.md"]!, against: "export-microcode.md") == nil)
    }

    @Test func fencedCodeKeepsItsLanguage() throws {
        let md = try Self.export()
        let slug = try SiteFixture.slug()
        let revision = try #require(md.first { $0.key.hasPrefix("\(slug)/revision/") }?.value)
        let code = CommonMark.parse(PageStructure.body(revision)).all.filter { $0.type == "code_block" }
        #expect(code.map(\.info) == ["c"])
        #expect(code.first?.literal?.contains("if (paravirt_enabled() || dis_ucode_ldr)") == true)
        let claim = CommonMark.parse(PageStructure.body(md["\(slug)/claim/mtrr.pv-hides-mtrrs.md"]!))
        #expect(claim.all.filter { $0.type == "code_block" }.map(\.info) == ["sh"])
        // The wiki's headings, the restored one included.
        let headings = CommonMark.parse(PageStructure.body(revision)).all.filter { $0.type == "heading" }.map(\.text)
        #expect(headings.contains("Xen Paravirt yielding") && headings.contains("CPU Microcode") && headings.contains("MTRR"))
    }

    @Test func relativeLinksBetweenFilesResolve() throws {
        let md = try Self.export()
        for (path, text) in md {
            for link in CommonMark.parse(PageStructure.body(text)).all where link.type == "link" {
                let url = link.url ?? ""
                if url.hasPrefix("https://") || url.hasPrefix("http://") { continue }
                let file = String(url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0])
                if file.isEmpty { continue }
                let target = URL(fileURLWithPath: "/x/" + path).deletingLastPathComponent().appendingPathComponent(file).standardizedFileURL.path
                #expect(md[String(target.dropFirst(3))] != nil, "\(path) links to missing \(url)")
            }
        }
    }

    @Test func renderParseRenderIsStable() throws {
        for (path, text) in try Self.export() {
            let once = CommonMark.normalized(PageStructure.body(text))
            #expect(CommonMark.normalized(once) == once, "\(path) is not stable")
        }
    }

    @Test func noVerdictsExportStillWritesEveryPage() throws {
        let (h, c) = try SiteFixture.load()
        let md = MarkdownExport.files(handbook: h, catalog: c, report: nil)
        let home = try #require(md["index.md"])
        #expect(home.contains("No verification run is part of this build."))
        #expect(md.count > 30)
    }
}
