import Handbook
import Probes
import Writers

/// The home page: what the pages cover, how many claims hold, and where and
/// when they were verified.
struct HomeView: TemplateView {
    let pages: [HomePageView]
    let status: StatusView
    let runs: [RunSummaryView]
    let hasRuns: Bool
    let hasGuests: Bool
    let contradicted: [ClaimSummaryView]
    let hasContradicted: Bool
    let claimsHref: String
    let symbolsHref: String
    let filesHref: String
    let probesHref: String
    let searchHref: String
}

struct HomePageView: TemplateView {
    let title: String
    let wiki: String
    /// The page on the wiki; nil when the URL is not a safe http(s) link.
    let wikiURL: String?
    let latest: String
    let revisionCount: Int
    let latestHref: String?
    let historyHref: String
    let subsystems: [SubsystemSummaryView]
}

struct SubsystemSummaryView: TemplateView {
    let name: String
    let href: String
    let stub: Bool
    let summary: String?
    let counts: String
    let strategies: [LinkView]
}

struct StatusView: TemplateView {
    let total: Int
    let checkable: Int
    let holds: Int
    let contradicted: Int
    let unverified: Int
    let history: Int
}

struct RunSummaryView: TemplateView {
    let place: String
    let date: String
    let origin: String
    /// "7 hold, 4 contradicted, 3 not applicable": the run's verdicts, zeros left out.
    let counts: String
}

extension SiteModel {
    func home(path: String) -> HomeView {
        let link = Linker(from: path)
        let claims = handbook.allClaims
        let counts = self.counts(claims)
        let pages = handbook.pages.map { page -> HomePageView in
            HomePageView(
                title: page.title, wiki: page.wiki,
                wikiURL: page.url.flatMap { URLSafetyCheck.http($0) },
                latest: page.latestRevision?.label ?? "none", revisionCount: page.revisions.count,
                latestHref: page.latestRevision.flatMap { paths.revision(page, $0.key) }.map(link.href),
                historyHref: link.href(paths.history(page)),
                subsystems: page.subsystems.map { s in
                    SubsystemSummaryView(
                        name: s.name, href: link.href(paths.subsystem(page, s.id)!), stub: s.isStub, summary: s.summary,
                        counts: countsText(page.claims(in: s)),
                        strategies: page.strategies(in: s).compactMap { st in paths.strategy(page, st.id).map { LinkView(href: link.href($0), text: st.name) } })
                })
        }
        let runViews = runs.all.map { run -> RunSummaryView in
            let v = run.report.claims.map(\.verdict)
            let named: [(Verdict, String)] = [(.holds, "hold"), (.contradicted, "contradicted"), (.unknown, "unknown"), (.notApplicable, "not applicable")]
            var parts: [String] = []
            for (verdict, word) in named {
                let n = v.filter { $0 == verdict }.count
                if n > 0 { parts.append("\(n) \(word)") }
            }
            return RunSummaryView(place: run.place, date: run.date, origin: run.origin,
                                  counts: parts.isEmpty ? "no claims checked" : parts.joined(separator: ", "))
        }
        let contradicted = claims.filter { standing($0) == .contradicted }.map { claimSummary($0, link) }
        return HomeView(
            pages: pages,
            status: StatusView(total: claims.count, checkable: claims.filter(\.isCheckable).count, holds: counts[.holds] ?? 0,
                               contradicted: counts[.contradicted] ?? 0, unverified: counts[.unverified] ?? 0, history: counts[.history] ?? 0),
            runs: runViews, hasRuns: !runViews.isEmpty, hasGuests: !runs.guests.isEmpty,
            contradicted: contradicted, hasContradicted: !contradicted.isEmpty,
            claimsHref: link.href(SitePaths.claims), symbolsHref: link.href(SitePaths.symbols), filesHref: link.href(SitePaths.files),
            probesHref: link.href(SitePaths.probes), searchHref: link.href(SitePaths.search))
    }

    /// "3 claims: 2 hold, 1 unverified".
    func countsText(_ claims: [Claim]) -> String {
        let c = counts(claims)
        let named: [(Standing, String)] = [(.holds, "hold"), (.contradicted, "contradicted"), (.unverified, "unverified"), (.history, "history")]
        var parts: [String] = []
        for (standing, word) in named {
            let n = c[standing] ?? 0
            if n > 0 { parts.append("\(n) \(word)") }
        }
        let head = claims.count == 1 ? "1 claim" : "\(claims.count) claims"
        return parts.isEmpty ? head : head + ": " + parts.joined(separator: ", ")
    }
}
