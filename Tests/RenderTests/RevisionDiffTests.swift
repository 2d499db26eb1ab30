import Foundation
import Testing
import Document
import Handbook
import Probes
import Wiki
@testable import Render

/// Revision history and diffs on a synthetic page with three revisions.
@Suite struct RevisionDiffTests {
    static func revision(_ key: String, _ blocks: [Block], by who: String) -> Revision {
        Revision(key: key, info: RevisionInfo(timestamp: "2024-0\(key.last!)-01T00:00:00Z", contributor: who, comment: "edit \(key)"),
                 format: .wikitext, file: "revisions/\(key).wiki", provenance: nil, document: Document(blocks: blocks), inferences: [])
    }

    static func para(_ s: String) -> Block { .paragraph([.text(s)], attr: .empty) }
    static func heading(_ level: Int, _ s: String) -> Block { .heading(level: level, content: [.text(s)], attr: .empty) }

    /// r1 → r2: "Old section" goes, "New section" comes, the intro is
    /// reworded and the code changes; r2 → r3: only "New section" changes.
    static func page() -> Page {
        let r1 = revision("r1", [heading(2, "Intro"), para("Alpha stays. Beta claim is here."), heading(2, "Old section"),
                                 para("Gone soon, this one."), heading(2, "Code"), .codeBlock("a();\nb();", attr: Attr(classes: ["c"]))], by: "Ann")
        let r2 = revision("r2", [heading(2, "Intro"), para("Alpha stays. Beta claim is reworded here."), heading(2, "Code"),
                                 .codeBlock("a();\nc();", attr: Attr(classes: ["c"])), heading(2, "New section"), para("Gamma claim appears.")], by: "Bob")
        let r3 = revision("r3", [heading(2, "Intro"), para("Alpha stays. Beta claim is reworded here."), heading(2, "Code"),
                                 .codeBlock("a();\nc();", attr: Attr(classes: ["c"])), heading(2, "New section"), para("Gamma claim appears. Delta follows.")], by: "Bob")
        func claim(_ id: String, _ quote: String, first: String, last: String) -> Claim {
            Claim(id: id, subsystem: "s", strategy: nil, kind: .history, text: quote, quote: quote, origin: .wiki, location: nil,
                  firstSeen: first, lastSeen: last, codeReferences: [], platforms: [], probes: [], note: nil, sources: [])
        }
        return Page(title: "Synthetic/page", wiki: "Test", url: "https://wiki.example.org/wiki/Synthetic/page", revisions: [r1, r2, r3],
                    subsystems: [Subsystem(id: "s", name: "S", section: "Intro", isStub: false, summary: nil)], strategies: [],
                    claims: [claim("beta", "Beta claim", first: "r1", last: "r3"), claim("gone", "Gone soon", first: "r1", last: "r1"),
                             claim("gamma", "Gamma claim appears", first: "r2", last: "r3")],
                    restorations: [])
    }

    @Test func sectionsAndClaimsAddedRemovedAndChanged() {
        let p = Self.page()
        let d = RevisionDiff(page: p, from: p.revisions[0], to: p.revisions[1])
        #expect(d.sectionsAdded.map(\.heading) == ["New section"])
        #expect(d.sectionsRemoved.map(\.heading) == ["Old section"])
        #expect(d.sectionsChanged.map(\.heading) == ["Intro", "Code"])
        let intro = d.sectionsChanged[0].rows
        #expect(intro.count == 1 && intro[0].change == .changed)
        let added = intro[0].words!.compactMap { if case .added(let w) = $0 { return w } else { return nil } }
        #expect(added == ["reworded"])
        let byID = Dictionary(uniqueKeysWithValues: d.claims.map { ($0.claim.id, $0) })
        #expect(byID["beta"]?.change == .changed)
        #expect(byID["beta"]?.after == "Beta claim is reworded here.")
        #expect(byID["gone"]?.change == .removed)
        #expect(byID["gamma"]?.change == .added)
        #expect(d.metadata.map(\.field) == ["contributor", "comment"])
    }

    @Test func laterDiffSeesOnlyTheLaterChange() {
        let p = Self.page()
        let d = RevisionDiff(page: p, from: p.revisions[1], to: p.revisions[2])
        #expect(d.sectionsAdded.isEmpty && d.sectionsRemoved.isEmpty)
        #expect(d.sectionsChanged.map(\.heading) == ["New section"])
        #expect(d.claims.allSatisfy { $0.change == .same })
    }

    @Test func historyLinksADiffPageForEveryPairAndTheDiffsRead() throws {
        let (h, c) = try SiteFixture.load()
        let handbook = Handbook(pages: [Self.page()])
        let report = VerificationReport.run(handbook: handbook, catalog: c, system: EmptySystem(),
                                            platform: Platform(hypervisor: "none"), now: SiteFixture.when)
        _ = h
        let files = try SiteBuilder(handbook: handbook, catalog: c, report: report, templates: SiteFixture.templates).render()
        let slug = SiteNames.pageSlug("Synthetic/page")
        let history = try #require(files["\(slug)/history.html"])
        let diffs = files.keys.filter { $0.hasPrefix("\(slug)/diff/") }.sorted()
        #expect(diffs.count == 3)
        for d in diffs { #expect(history.contains("href=\"\(d.dropFirst(slug.count + 1))\""), "history lacks \(d)") }
        let first = try #require(files["\(slug)/diff/r1--r2.html"])
        #expect(first.contains("Sections: 1 added, 1 removed, 2 changed, 0 unchanged."))
        #expect(first.contains("Alpha stays. Beta claim is <ins>reworded</ins> here."))
        #expect(first.contains("<a href=\"../claim/gone.html\">gone</a> removed: <del>Gone soon, this one.</del>"))
        #expect(first.contains("<a href=\"../claim/gamma.html\">gamma</a> added: <ins>Gamma claim appears.</ins>"))
        #expect(first.contains("<pre class=\"code\"><code><del>a();\nb();</del></code></pre>"))
        #expect(first.contains("contributor: “Ann” → “Bob”"))
        // Each revision page links the diff from the one before.
        #expect(files["\(slug)/revision/r3.html"]!.contains("href=\"../diff/r2--r3.html\""))
    }
}
