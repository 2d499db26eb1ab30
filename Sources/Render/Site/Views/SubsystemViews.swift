import Handbook

/// A subsystem's page: pvyield's summary, the wiki's section, the yielding
/// strategies and the claims.
struct SubsystemPageView: TemplateView {
    let name: String
    let pageTitle: String
    let stub: Bool
    let summary: String?
    let section: LinkView?
    let counts: String
    let strategies: [StrategySummaryView]
    let claims: [ClaimSummaryView]
}

struct StrategySummaryView: TemplateView { let name: String; let href: String; let summary: String }

/// A yielding strategy's page: how the kernel steps aside, its code, its claims.
struct StrategyPageView: TemplateView {
    let name: String
    let pageTitle: String
    let subsystem: LinkView
    let summary: String
    let codeRefs: [CodeRefView]
    let claims: [ClaimSummaryView]
}

extension SiteModel {
    func subsystemPage(_ s: Subsystem, in page: Page, path: String) -> SubsystemPageView {
        let link = Linker(from: path)
        var section: LinkView?
        if let heading = s.section, let latest = page.latestRevision, let revisionPath = paths.revision(page, latest.key) {
            let doc = RevisionDocument(latest, restorations: page.restorations)
            let anchor = doc.headingID(heading).map { "#" + $0 } ?? ""
            section = LinkView(href: link.href(revisionPath + anchor), text: "the section “\(heading)” in the revision of \(latest.label)")
        }
        return SubsystemPageView(
            name: s.name, pageTitle: page.title, stub: s.isStub, summary: s.summary, section: section,
            counts: countsText(page.claims(in: s)),
            strategies: page.strategies(in: s).compactMap { st in
                paths.strategy(page, st.id).map { StrategySummaryView(name: st.name, href: link.href($0), summary: st.summary) }
            },
            claims: page.claims(in: s).map { claimSummary($0, link) })
    }

    func strategyPage(_ st: Strategy, in page: Page, path: String) -> StrategyPageView {
        let link = Linker(from: path)
        let subsystem = page.subsystems.first { $0.id == st.subsystem }
        return StrategyPageView(
            name: st.name, pageTitle: page.title,
            subsystem: LinkView(href: link.href(paths.subsystem(page, st.subsystem) ?? SitePaths.home), text: subsystem?.name ?? st.subsystem),
            summary: st.summary, codeRefs: st.codeReferences.map { codeRef($0, link) },
            claims: page.claims(using: st).map { claimSummary($0, link) })
    }
}
