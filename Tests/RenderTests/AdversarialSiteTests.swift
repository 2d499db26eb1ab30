import Foundation
import Testing
import Document
import Handbook
import Probes
import Wiki
import CommonMark
@testable import Render

/// Hostile content: markup in titles, claims and notes, scripting URLs,
/// titles that differ only in case or try to climb out of the site folder.
@Suite struct AdversarialSiteTests {
    static let xss = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>"]

    /// A content folder with two pages whose titles differ only in case, a
    /// hostile URL, and hostile words in every field pvyield shows.
    static func contentFolder(firstTitle: String = "Evil/Page") throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pvyield-evil-\(UUID().uuidString)/content")
        for (n, title) in [firstTitle, "evil/page"].enumerated() {
            // The loader finds a page's probes under its title; the refused title gets a folder of its own.
            let folder = root.appendingPathComponent("pages/" + (title.contains("<") ? "refused" : title))
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("revisions"), withIntermediateDirectories: true)
            func write(_ name: String, _ text: String) throws { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
            try write("page.yaml", "title: '\(title)'\nwiki: Xen\nurl: 'javascript:alert(1)'\n")
            try write("revisions.yaml", """
                revisions:
                  - file: revisions/r1.txt
                    format: text
                    timestamp: 2015-08-08T01:00:00Z
                    contributor: Mcgrof
                """)
            try write("revisions/r1.txt", """
                From Xen
                Revision as of 01:00, 8 August 2015 by Mcgrof (talk | contribs)

                Evil heading

                The hostile claim <script>alert(1)</script> sits here. And "><img src=x onerror=alert(1)> follows.

                """)
            try write("model.yaml", """
                subsystems:
                  - id: evil\(n)
                    name: '<script>alert(1)</script>'
                    section: Evil heading
                    summary: '"><img src=x onerror=alert(1)>'
                strategies: []
                claims:
                  - id: evil\(n).wiki
                    subsystem: evil\(n)
                    kind: history
                    quote: The hostile claim <script>alert(1)</script>
                    note: 'See [click](javascript:alert(1)) "><img src=x onerror=alert(1)>'
                """)
            try write("additions.yaml", """
                restorations: []
                claims:
                  - id: evil\(n).own
                    subsystem: evil\(n)
                    kind: behaviour
                    text: 'pvyield says <script>alert(1)</script> and "><img src=x onerror=alert(1)>'
                    symbols: ['<script>x</script>']
                    files: ['../../etc/passwd']
                    probes: [p\(n)]
                    sources:
                      - title: '<img src=x onerror=alert(1)>'
                        reference: 'javascript:alert(1)'
                      - title: data
                        reference: 'data:text/html,<script>alert(1)</script>'
                """)
            try write("probes.yaml", """
                probes:
                  - id: p\(n)
                    title: '<script>alert(1)</script>'
                    check:
                      file-exists: '/tmp/"><script>alert(1)</script>'
                """)
        }
        return root
    }

    static func build(_ handbook: Handbook, _ catalog: ProbeCatalog) throws -> ([String: String], [String: String]) {
        let report = VerificationReport.run(handbook: handbook, catalog: catalog, system: EmptySystem(),
                                            platform: Platform(hypervisor: "none"), now: SiteFixture.when)
        let site = try SiteBuilder(handbook: handbook, catalog: catalog, report: report, templates: SiteFixture.templates).render()
        let md = try MarkdownExport.files(handbook: handbook, catalog: catalog, report: report, options: SiteOptions())
        return (site, md)
    }

    /// Nothing hostile survives as markup or as a link.
    static func checkSafe(_ site: [String: String], _ md: [String: String]) {
        for (path, html) in site {
            let lower = html.lowercased()
            #expect(!lower.contains("<img"), "\(path) has an <img>")
            #expect(!lower.contains("<script>alert"), "\(path) has a script")
            #expect(!lower.contains("href=\"javascript:") && !lower.contains("href=\"data:"), "\(path) links a scripting URL")
            if path != SitePaths.search { #expect(!lower.contains("<script"), "\(path) has a <script> element") }
        }
        for (path, text) in md {
            let links = CommonMark.parse(text).all.compactMap { $0.type == "link" ? ($0.url ?? "").lowercased() : nil }
            #expect(!links.contains { $0.hasPrefix("javascript:") || $0.hasPrefix("data:") }, "\(path) links a scripting URL: \(links)")
            // Hostile words may appear as text or code, never as raw HTML.
            let raw = CommonMark.parse(text).all.filter { $0.type == "html_block" || $0.type == "html_inline" }
            #expect(raw.isEmpty, "\(path) passes raw HTML: \(raw.map { $0.literal ?? "" })")
        }
        for path in Array(site.keys) + Array(md.keys) {
            #expect((try? IncrementalFolder.checkPath(path)) != nil, "unsafe path \(path)")
        }
        let folded = Set(site.keys.map { $0.lowercased() })
        #expect(folded.count == site.count, "paths collide on a case-insensitive file system")
    }

    @Test func hostileContentFolderIsEscapedAndNeutralised() throws {
        let root = try Self.contentFolder()
        let handbook = try ContentLoader(root: root).load()
        let catalog = try ProbeCatalog.load(contentRoot: root, handbook: handbook)
        #expect(handbook.pages.map(\.title).sorted() == ["Evil/Page", "evil/page"])
        let (site, md) = try Self.build(handbook, catalog)
        Self.checkSafe(site, md)
        // The two pages got two folders, told apart by more than case.
        let folders = Set(site.keys.compactMap { $0.contains("/") ? String($0.split(separator: "/")[0]) : nil })
        #expect(folders.count == 2)
        #expect(Set(folders.map { $0.lowercased() }).count == 2)
        // Escaped, not dropped: readers see the hostile words as text.
        let home = site["index.html"]!
        #expect(home.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(home.contains("“Evil/Page”"), "a javascript: page URL is shown as text, not linked")
        let own = site.first { $0.key.hasSuffix("/claim/evil0.own.html") }!.value
        #expect(own.contains("pvyield says &lt;script&gt;alert(1)&lt;/script&gt; and &quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
        #expect(own.contains("<code>javascript:alert(1)</code>"))
        #expect(own.contains("files.html#file-"), "a hostile file name gets a slugged anchor")
    }

    @Test func contentLoaderRejectsATitleThatClimbsOutOrCarriesMarkup() throws {
        let root = try Self.contentFolder(firstTitle: "../../etc/x<script>")
        #expect(throws: ContentError.self) { try ContentLoader(root: root).load() }
    }

    /// Titles the loader would refuse are still made safe by the site itself.
    @Test func siteNamesAreSafeEvenForTitlesTheLoaderRefuses() throws {
        func page(_ title: String, claim: String) -> Page {
            let doc = Document(blocks: [
                .paragraph([.text("Go "), .link(Link(kind: .external, target: "javascript:alert(1)", content: [.text("here")])),
                            .text(" or "), .link(Link(kind: .external, target: "DATA:text/html,x", content: [.text("there")])),
                            .text(" or "), .link(Link(kind: .wiki, target: "../../etc/passwd", content: [.text("up")])),
                            .raw(format: "html", text: "<script>alert(1)</script>")], attr: .empty),
            ])
            let r = Revision(key: "../../x", info: RevisionInfo(), format: .wikitext, file: "r.wiki", provenance: nil, document: doc, inferences: [])
            return Page(title: title, wiki: "Xen", url: nil, revisions: [r],
                        subsystems: [Subsystem(id: "CON", name: "s", section: nil, isStub: false, summary: nil)], strategies: [],
                        claims: [Claim(id: claim, subsystem: "CON", strategy: nil, kind: .history, text: "t", quote: "t", origin: .pvyield,
                                       location: nil, firstSeen: nil, lastSeen: nil, codeReferences: [], platforms: [], probes: [],
                                       note: nil, sources: [Citation(title: "x", reference: "javascript:alert(1)")])],
                        restorations: [])
        }
        let handbook = Handbook(pages: [page("../../etc/x<script>", claim: "../A"), page("/abs/Olute", claim: "a")])
        let (site, md) = try Self.build(handbook, ProbeCatalog(probes: []))
        Self.checkSafe(site, md)
        let revision = site.first { $0.key.contains("/revision/") }!.value
        #expect(revision.contains("<a rel=\"nofollow\" class=\"external text\">here</a>"), "javascript: link keeps its text, loses its href")
        #expect(revision.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!site.keys.contains { $0.contains("/con.html") }, "a Windows device name is not used as a file name")
    }

    @Test func namesAreCaseSafeAndRefuseCollisions() throws {
        #expect(SiteNames.name("iommu.pv-only") == "iommu.pv-only")
        #expect(SiteNames.name("IOMMU") != SiteNames.name("iommu"))
        #expect(SiteNames.name("IOMMU").lowercased() != SiteNames.name("iommu"))
        for hostile in ["..", "../x", "/etc/passwd", "a/../../b", "con", "NUL.txt", "x.", "", String(repeating: "a", count: 200)] {
            let n = SiteNames.name(hostile)
            #expect(!n.contains("/") && !n.contains("..") && !n.isEmpty && n.count <= 80, "\(hostile) → \(n)")
        }
        var names = NameAllocator()
        _ = try names.allocate("a")
        let taken = SiteNames.slug("A")
        #expect(throws: SiteError.self) { try names.allocate(taken); try names.allocate("A") }
    }
}
