import Foundation
import Testing
import TestSupport
import Handbook
@testable import Render

/// What the site's pages hold: one per subsystem, strategy and claim; indexes;
/// claims in context with verdicts per platform; pvyield's words marked.
@Suite struct SitePagesTests {
    @Test func everySubsystemStrategyAndClaimHasAPageLinkedFromTheSite() throws {
        let files = try SiteFixture.site()
        let (h, _) = try SiteFixture.load()
        let slug = try SiteFixture.slug()
        let page = h.pages[0]
        var expected = page.subsystems.map { "\(slug)/subsystem/\($0.id).html" } + page.strategies.map { "\(slug)/strategy/\($0.id).html" }
        expected += page.claims.map { "\(slug)/claim/\($0.id).html" }
        expected += ["index.html", "claims.html", "symbols.html", "files.html", "probes.html", "search.html", "\(slug)/history.html"]
        for path in expected { #expect(files[path] != nil, "no page \(path)") }
        let claimIndex = try #require(files["claims.html"])
        for c in page.claims { #expect(claimIndex.contains("href=\"\(slug)/claim/\(c.id).html\""), "claims.html lacks \(c.id)") }
    }

    @Test func homeSummarisesStandingAndWhereItWasVerified() throws {
        let home = try #require(try SiteFixture.site()["index.html"])
        #expect(home.contains("<h2 id=\"status\">Status</h2>"))
        #expect(home.contains("16 claims: 14 can be checked, 2 are history."))
        // The live run and the three guest runs, each with where and when.
        #expect(home.contains("<th scope=\"row\">Xen PV dom0, Linux 6.1.0-test<br><span class=\"run-origin\">this build&#39;s run (empty test system)</span></th><td class=\"date\" data-label=\"When\">2023-11-14 22:13 UTC</td>"))
        #expect(home.contains("<th scope=\"row\">Xen 4.17.7 PV dom0, Linux 6.12.9<br><span class=\"run-origin\">run on a real xen-pv-dom0 guest</span></th><td class=\"date\" data-label=\"When\">2025-01-10 12:00 UTC</td>"))
        #expect(home.contains("Xen 4.17.7 PVH dom0, Linux 6.1.192"))
        #expect(Golden.check(home, against: "site-home.html") == nil)
    }

    @Test func claimPageShowsSentenceInItsParagraphWithTheClaimHighlighted() throws {
        let files = try SiteFixture.site()
        let page = try #require(files["\(try SiteFixture.slug())/claim/iommu.present-false-for-paravirt.html"])
        // The paragraph holds two sentences; only the claim's is marked.
        #expect(page.contains("<p>Furthermore IOMMU API calls should always call iommu_present() prior to execution. <mark class=\"claim-here\">This checks if the give bus_type has no iommu_ops registered, this would always return false for paravirt hypervisors.</mark></p>"))
        #expect(page.contains("href=\"../revision/2015-08-08t0100z-6c55d214.html#IOMMU_yielding\""))
        // Code references link to the index and to the source browser.
        #expect(page.contains("<a href=\"../../symbols.html#sym-iommu_ops\"><code>iommu_ops</code></a>"))
        #expect(page.contains("<a href=\"https://elixir.bootlin.com/linux/v6.1/A/ident/iommu_ops\">"))
        // Probes with their commands.
        #expect(page.contains("<pre class=\"command\"><code class=\"language-sh\">ls -A /sys/class/iommu</code></pre>"))
        #expect(Golden.check(page, against: "site-claim-iommu.present-false-for-paravirt.html") == nil)
    }

    @Test func codeClaimHighlightsItsLineInTheCode() throws {
        let page = try #require(try SiteFixture.site()["\(try SiteFixture.slug())/claim/microcode.init-returns-early.html"])
        #expect(page.contains("<mark class=\"claim-here\">       if (paravirt_enabled() || dis_ucode_ldr)</mark>"))
        #expect(page.contains("<code class=\"language-c\">static int __init microcode_init(void) {"))
    }

    @Test func verdictsPerGuestTypeAndKernelAndPerSourceTree() throws {
        let page = try #require(try SiteFixture.site()["\(try SiteFixture.slug())/claim/microcode.init-returns-early.html"])
        #expect(page.contains("<th scope=\"col\">Linux 6.1</th><th scope=\"col\">Linux 6.12</th>"))
        #expect(page.contains("<th scope=\"row\">Xen PV dom0 (xen-pv-dom0)</th>"))
        #expect(page.contains("on Xen 4.17.7 PV dom0, Linux 6.12.9</td>"))
        // PVH ran only 6.1: the 6.12 cell says so rather than staying empty.
        #expect(page.contains("<td class=\"cell unverified\" data-label=\"Linux 6.12\">no run</td>"))
        #expect(page.contains("<p>Linux 6.12.0: stale.</p>"))
        #expect(page.contains("<span class=\"verdict contradicted\">contradicted</span> Contradicted by at least one of"))
    }

    @Test func pvyieldsWordsAreMarkedAsPvyieldsWithSources() throws {
        let files = try SiteFixture.site()
        let slug = try SiteFixture.slug()
        let own = try #require(files["\(slug)/claim/mtrr.pv-hides-mtrrs.html"])
        #expect(own.contains("<h2>pvyield's claim</h2>"))
        #expect(own.contains("<span class=\"whose pvyield\">pvyield's words, not the wiki's</span>"))
        #expect(own.contains("<li>kernel fact sheet, MTRR row"))
        let noted = try #require(files["\(slug)/claim/iommu.pv-only-xen-iommu.html"])
        #expect(noted.contains("<h2>The wiki's words</h2>"))
        #expect(noted.contains("<span class=\"whose pvyield\">pvyield's words</span> Still true in Linux 6.1"))
        let revision = try #require(files.first { $0.key.contains("/revision/") }?.value)
        #expect(revision.contains("<aside class=\"pvyield-added\" aria-label=\"Restored by pvyield\">\n<h3 id=\"restored-MTRR\">MTRR</h3>"))
        #expect(revision.contains("<span class=\"whose wiki\">The wiki's text</span>"))
        let mtrr = try #require(files["\(slug)/subsystem/mtrr.html"])
        #expect(mtrr.contains("The claims below are pvyield's own"))
        #expect(Golden.check(mtrr, against: "site-mtrr.html") == nil)
    }

    @Test func kernelChangesAreShownAsPvyieldsWithTheirCommit() throws {
        let (h, _) = try SiteFixture.load()
        let page = h.pages[0]
        let stale = try #require(page.claims.first { !page.facts(about: $0).isEmpty })
        let fact = page.facts(about: stale)[0]
        let html = try #require(try SiteFixture.site()["\(try SiteFixture.slug())/claim/\(stale.id).html"])
        #expect(html.contains("<h2>Kernel changes since the page was written</h2>"))
        #expect(html.contains("<h3>\(fact.change.replacing("'", with: "&#39;").replacing("\"", with: "&quot;"))</h3>"))
        if let commit = fact.commit { #expect(html.contains("<a href=\"https://git.kernel.org/torvalds/c/\(commit)\"><code>\(commit)</code></a>")) }
    }

    @Test func symbolAndFileIndexesLinkEveryMentionAndTheSourceBrowser() throws {
        let files = try SiteFixture.site()
        let slug = try SiteFixture.slug()
        let symbols = try #require(files["symbols.html"])
        #expect(symbols.contains("<h2 id=\"sym-iommu_present\"><code>iommu_present</code></h2>"))
        #expect(symbols.contains("<a href=\"https://elixir.bootlin.com/linux/v6.1/A/ident/iommu_present\">iommu_present in Elixir, v6.1</a>"))
        #expect(symbols.contains("claim <a href=\"\(slug)/claim/iommu.api-guard-iommu-present.html\">iommu.api-guard-iommu-present</a>"))
        #expect(symbols.contains("probe <a href=\"probes.html#probe-iommu-present-in-kernel\">iommu-present-in-kernel</a>"))
        let filesIndex = try #require(files["files.html"])
        #expect(filesIndex.contains("<a href=\"https://elixir.bootlin.com/linux/v6.1/source/arch/x86/kernel/pci-dma.c\">"))
    }

    @Test func sourceBrowserIsConfigurableAndMustBeHTTP() throws {
        let (h, c) = try SiteFixture.load()
        let browser = try SourceBrowser(base: "https://elixir.bootlin.com/linux/v6.12/")
        let files = try SiteBuilder(handbook: h, catalog: c, report: SiteFixture.report(h, c), templates: SiteFixture.templates,
                                    options: SiteOptions(sourceBrowser: browser)).render()
        #expect(files["symbols.html"]!.contains("https://elixir.bootlin.com/linux/v6.12/A/ident/iommu_present"))
        #expect(files["symbols.html"]!.contains("in Elixir, v6.12"))
        #expect(throws: SiteError.self) { try SourceBrowser(base: "javascript:alert(1)") }
        #expect(throws: SiteError.self) { try SourceBrowser(base: "https://x\"onmouseover=\"alert(1)") }
    }

    @Test func probeCatalogueListsEveryProbeWithCommandsAndClaims() throws {
        let files = try SiteFixture.site()
        let (h, c) = try SiteFixture.load()
        let catalogue = try #require(files["probes.html"])
        for p in c.probes { #expect(catalogue.contains("id=\"probe-\(p.id)\""), "catalogue lacks \(p.id)") }
        #expect(catalogue.contains("<code class=\"language-sh\">ls -d /proc/mtrr</code>"))
        _ = h
    }

    @Test func searchIndexFindsAClaimBySymbolAndIsSafeToEmbed() throws {
        let files = try SiteFixture.site()
        let json = try #require(files["search-index.json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let entries = try #require(object?["entries"] as? [[String: String]])
        let hits = entries.filter { $0["kind"]!.hasPrefix("claim") && $0["terms"]!.contains("iommu_present") }
        #expect(hits.map { $0["title"]! }.contains("iommu.api-guard-iommu-present"))
        #expect(!json.contains("<") && !json.contains(">"))
        let search = try #require(files["search.html"])
        #expect(search.contains("<script type=\"application/json\" id=\"search-index\">"))
        // The page's Content-Security-Policy allows exactly its one inline script.
        #expect(search.contains("script-src &#39;sha256-"))
        #expect(!files["index.html"]!.contains("<script"))
    }

    @Test func everyPageHasOneH1AndNoSkippedHeadingLevel() throws {
        for (path, html) in try SiteFixture.site() where path.hasSuffix(".html") {
            var levels: [Int] = []
            var rest = Substring(html)
            while let r = rest.firstRange(of: "<h") {
                if let level = rest[r.upperBound...].first?.wholeNumberValue { levels.append(level) }
                rest = rest[r.upperBound...]
            }
            #expect(levels.filter { $0 == 1 }.count == 1, "\(path): \(levels)")
            for (a, b) in zip(levels, levels.dropFirst()) { #expect(b <= a + 1, "\(path) jumps from h\(a) to h\(b)") }
        }
    }

    @Test func renderingTwiceIsByteIdentical() throws {
        #expect(try SiteFixture.site() == SiteFixture.site())
    }
}
