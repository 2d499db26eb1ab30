import Foundation
import Testing
import TestSupport
import Handbook
import Probes
import CommonMark
@testable import Render

@Suite struct SiteAndExportTests {
    /// A fixed report so that golden files do not depend on the machine.
    static func fixture() throws -> (Handbook, ProbeCatalog, VerificationReport) {
        let content = Golden.repositoryRoot.appendingPathComponent("content")
        let handbook = try ContentLoader(root: content).load()
        let catalog = try ProbeCatalog.load(contentRoot: content, handbook: handbook)
        let system = try SnapshotOrEmpty.system()
        let platform = Platform(hypervisor: "xen", xenGuestType: "PV", xenDomain: "dom0", kernelRelease: "6.1.0-test")
        let report = VerificationReport.run(handbook: handbook, catalog: catalog, system: system, platform: platform,
                                            now: Date(timeIntervalSince1970: 1_700_000_000))
        return (handbook, catalog, report)
    }

    static func site() throws -> [String: String] {
        let (h, c, r) = try fixture()
        return try SiteBuilder(handbook: h, catalog: c, report: r,
                               templates: Golden.repositoryRoot.appendingPathComponent("templates")).render()
    }

    @Test func indexLinksEverySubsystem() throws {
        let files = try Self.site()
        let index = try #require(files["index.html"])
        let (h, _, _) = try Self.fixture()
        for s in h.pages[0].subsystems {
            let path = "\(SiteNames.pageSlug(h.pages[0].title))/\(s.id).html"
            #expect(index.contains("href=\"\(path)\""), "index lacks \(path)")
            #expect(files[path] != nil)
        }
    }

    @Test func everyCheckableClaimShowsAProbeAndAVerdict() throws {
        let files = try Self.site()
        let (h, _, _) = try Self.fixture()
        let pages = files.values.joined()
        for claim in h.allClaims where claim.isCheckable {
            #expect(pages.contains("id=\"claim-\(claim.id)\""))
            let start = try #require(pages.range(of: "id=\"claim-\(claim.id)\""))
            let article = pages[start.lowerBound...].prefix(while: { _ in true }).split(separator: "</article>").first ?? ""
            #expect(article.contains("class=\"probe\""), "\(claim.id) shows no probe")
            #expect(article.contains("class=\"verdict"), "\(claim.id) shows no verdict")
        }
    }

    @Test func subsystemPagesMatchGolden() throws {
        let files = try Self.site()
        let (h, _, _) = try Self.fixture()
        let slug = SiteNames.pageSlug(h.pages[0].title)
        for s in ["iommu", "mtrr"] {
            #expect(Golden.check(files["\(slug)/\(s).html"]!, against: "site-\(s).html") == nil)
        }
    }

    @Test func pvyieldsWordsAreMarkedAsSuch() throws {
        let files = try Self.site()
        let (h, _, _) = try Self.fixture()
        let mtrr = files["\(SiteNames.pageSlug(h.pages[0].title))/mtrr.html"]!
        #expect(mtrr.contains("pvyield's own claim, not the wiki's text."))
        let revision = files.first { $0.key.contains("/revision-") }!.value
        #expect(revision.contains("restored by pvyield"))
    }

    @Test func markdownExportMatchesGoldenAndParses() throws {
        let (h, c, r) = try Self.fixture()
        let files = MarkdownExport.files(handbook: h, catalog: c, report: r)
        let slug = SiteNames.pageSlug(h.pages[0].title)
        #expect(Golden.check(files["\(slug)/microcode.md"]!, against: "export-microcode.md") == nil)
        // The revision keeps every heading and code block of the page.
        let revision = files.first { $0.key.contains("/revision-") }!.value
        let tree = CommonMark.parse(revision)
        let headings = tree.all.filter { $0.type == "heading" }.map(\.text)
        #expect(headings.contains("Xen Paravirt yielding"))
        #expect(headings.contains("IOMMU yielding"))
        #expect(headings.contains("CPU Microcode"))
        let code = tree.all.filter { $0.type == "code_block" }
        #expect(code.count == 1)
        #expect(code.first?.info == "c")
        #expect(code.first?.literal?.contains("if (paravirt_enabled() || dis_ucode_ldr)") == true)
        // Links between files resolve.
        for (path, text) in files {
            for link in CommonMark.parse(text).all.filter({ $0.type == "link" }) {
                let target = URL(fileURLWithPath: "/x/" + path).deletingLastPathComponent().appendingPathComponent(link.url!).standardizedFileURL.path
                #expect(files[String(target.dropFirst(3))] != nil, "\(path) links to missing \(link.url!)")
            }
        }
        // Render → parse → render is stable.
        let once = CommonMark.normalized(revision)
        #expect(CommonMark.normalized(once) == once)
    }
}

/// Probes read nothing in these tests: an empty snapshot-like system.
enum SnapshotOrEmpty {
    static func system() throws -> any SystemView { EmptySystem() }
}

struct EmptySystem: SystemView {
    var origin: String { "empty test system" }
    func readFile(_ path: String) -> ReadOutcome<String> { .missing }
    func pathKind(_ path: String) -> ReadOutcome<PathKind> { .missing }
    func listDirectory(_ path: String) -> ReadOutcome<[String]> { .missing }
    func kernelLog() -> ReadOutcome<[String]> { .value([]) }
    func cpuid(leaf: UInt32, subleaf: UInt32) -> ReadOutcome<CPUIDResult> { .missing }
    func kernelRelease() -> ReadOutcome<String> { .value("6.1.0-test") }
}
