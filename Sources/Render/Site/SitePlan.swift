import Handbook

/// A page's view, named after the template that renders it.
enum PageView {
    case home(HomeView)
    case subsystem(SubsystemPageView)
    case strategy(StrategyPageView)
    case claim(ClaimPageView)
    case claims(ClaimIndexView)
    case code(CodeIndexView)
    case probes(ProbeCatalogView)
    case history(HistoryView)
    case diff(DiffPageView)
    case revision(RevisionPageView)
    case search(SearchView)

    var template: String {
        switch self {
        case .home: return "home"
        case .subsystem: return "subsystem"
        case .strategy: return "strategy"
        case .claim: return "claim"
        case .claims: return "claims"
        case .code: return "code-index"
        case .probes: return "probes"
        case .history: return "history"
        case .diff: return "diff"
        case .revision: return "revision"
        case .search: return "search"
        }
    }

    var value: Any {
        switch self {
        case .home(let v): return v
        case .subsystem(let v): return v
        case .strategy(let v): return v
        case .claim(let v): return v
        case .claims(let v): return v
        case .code(let v): return v
        case .probes(let v): return v
        case .history(let v): return v
        case .diff(let v): return v
        case .revision(let v): return v
        case .search(let v): return v
        }
    }
}

/// One page of the site (and, but for search, one file of the Markdown export).
struct SitePage {
    let path: String
    let title: String
    /// Breadcrumbs: text and site path, home first.
    let crumbs: [(text: String, path: String)]
    let view: PageView
    /// Front matter for the export: a stable id, the revision it shows, verdicts.
    let id: String
    let revision: String
    let verdicts: [(key: String, value: String)]
}

/// Every page the site has, in a fixed order.
enum SitePlan {
    static func pages(_ m: SiteModel) -> [SitePage] {
        let home = (text: "Home", path: SitePaths.home)
        let latest = m.handbook.pages.first?.latestRevision?.label ?? ""
        let all = m.handbook.allClaims.map { (key: $0.id, value: m.standing($0).label) }
        var out: [SitePage] = [
            SitePage(path: SitePaths.home, title: "Paravirt yielding, checked", crumbs: [], view: .home(m.home(path: SitePaths.home)),
                     id: "home", revision: latest, verdicts: all),
            SitePage(path: SitePaths.claims, title: "All claims", crumbs: [home], view: .claims(m.claimIndex(path: SitePaths.claims)),
                     id: "claims", revision: latest, verdicts: all),
            SitePage(path: SitePaths.symbols, title: "Kernel symbols", crumbs: [home], view: .code(m.codeIndex(files: false, path: SitePaths.symbols)),
                     id: "symbols", revision: latest, verdicts: []),
            SitePage(path: SitePaths.files, title: "Kernel files", crumbs: [home], view: .code(m.codeIndex(files: true, path: SitePaths.files)),
                     id: "files", revision: latest, verdicts: []),
            SitePage(path: SitePaths.probes, title: "Probes", crumbs: [home], view: .probes(m.probeCatalog(path: SitePaths.probes)),
                     id: "probes", revision: latest, verdicts: []),
            SitePage(path: SitePaths.search, title: "Search", crumbs: [home], view: .search(m.search()),
                     id: "search", revision: latest, verdicts: []),
        ]
        for page in m.handbook.pages {
            let pageLatest = page.latestRevision?.label ?? ""
            let history = (text: "History of \(page.title)", path: m.paths.history(page))
            for s in page.subsystems {
                let path = m.paths.subsystem(page, s.id)!
                out.append(SitePage(path: path, title: s.name, crumbs: [home], view: .subsystem(m.subsystemPage(s, in: page, path: path)),
                                    id: s.id, revision: pageLatest,
                                    verdicts: page.claims(in: s).map { (key: $0.id, value: m.standing($0).label) }))
            }
            for st in page.strategies {
                let path = m.paths.strategy(page, st.id)!
                let sub = page.subsystems.first { $0.id == st.subsystem }
                let crumbs = [home] + (sub.flatMap { s in m.paths.subsystem(page, s.id).map { (text: s.name, path: $0) } }.map { [$0] } ?? [])
                out.append(SitePage(path: path, title: st.name, crumbs: crumbs, view: .strategy(m.strategyPage(st, in: page, path: path)),
                                    id: "strategy/" + st.id, revision: pageLatest,
                                    verdicts: page.claims(using: st).map { (key: $0.id, value: m.standing($0).label) }))
            }
            for c in page.claims {
                let path = m.paths.claim(c.id)!
                let sub = page.subsystems.first { $0.id == c.subsystem }
                let crumbs = [home] + (sub.flatMap { s in m.paths.subsystem(page, s.id).map { (text: s.name, path: $0) } }.map { [$0] } ?? [])
                out.append(SitePage(path: path, title: "Claim \(c.id)", crumbs: crumbs, view: .claim(m.claimPage(c, in: page, path: path)),
                                    id: c.id, revision: pageLatest, verdicts: claimVerdicts(c, m)))
            }
            out.append(SitePage(path: history.path, title: history.text, crumbs: [home], view: .history(m.history(page, path: history.path)),
                                id: page.title + "/history", revision: pageLatest, verdicts: []))
            for r in page.revisions {
                let path = m.paths.revision(page, r.key)!
                out.append(SitePage(path: path, title: "\(page.title), revision of \(r.label)", crumbs: [home, history],
                                    view: .revision(m.revisionPage(r, in: page, path: path)), id: page.title + "@" + r.key, revision: r.label, verdicts: []))
            }
            for (a, b) in m.diffPairs(page) {
                guard let path = m.paths.diff(page, from: a.key, to: b.key) else { continue }
                out.append(SitePage(path: path, title: "\(page.title): \(a.label) → \(b.label)", crumbs: [home, history],
                                    view: .diff(m.diffPage(page, from: a, to: b, path: path)), id: page.title + "@" + a.key + ".." + b.key,
                                    revision: "\(a.label) → \(b.label)", verdicts: []))
            }
        }
        return out
    }

    /// A claim's verdicts for the front matter: its standing, then each run and tree.
    static func claimVerdicts(_ c: Claim, _ m: SiteModel) -> [(key: String, value: String)] {
        var out = [(key: "standing", value: m.standing(c).label)]
        if let live = m.runs.live, let e = live.entry(c.id) { out.append((key: "this build", value: e.verdict.rawValue)) }
        for run in m.runs.guests { if let e = run.entry(c.id) { out.append((key: "\(run.guest ?? "guest") \(run.series ?? "")", value: e.verdict.rawValue)) } }
        for s in m.runs.sourceVerdicts(c.id) { out.append((key: "source Linux \(s.version ?? "?")", value: s.verdict == .contradicted ? "stale" : s.verdict.rawValue)) }
        return out
    }
}
