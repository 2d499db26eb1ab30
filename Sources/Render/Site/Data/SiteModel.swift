import Handbook
import Probes

/// Everything the pages are made from, computed once per build: the content,
/// the runs, where each page lives, and the code index.
struct SiteModel {
    let handbook: Handbook
    let catalog: ProbeCatalog
    let runs: RunSet
    let paths: SitePaths
    let code: CodeIndex
    let options: SiteOptions

    init(handbook: Handbook, catalog: ProbeCatalog, report: VerificationReport?, options: SiteOptions) throws {
        self.handbook = handbook
        self.catalog = catalog
        self.options = options
        runs = RunSet(live: report, guests: options.guests)
        paths = try SitePaths(handbook)
        code = CodeIndex(handbook: handbook, catalog: catalog, paths: paths)
    }

    func standing(_ c: Claim) -> Standing { Standing(checkable: c.isCheckable, verdicts: runs.verdicts(c.id)) }

    func page(of claim: Claim) -> Page? { handbook.pages.first { $0.claims.contains { $0.id == claim.id } } }

    func claimsUsing(probe id: String) -> [Claim] { handbook.allClaims.filter { $0.probes.contains(id) } }

    /// The standing counts over a set of claims.
    func counts(_ claims: [Claim]) -> [Standing: Int] {
        var out: [Standing: Int] = [:]
        for c in claims { out[standing(c), default: 0] += 1 }
        return out
    }
}

/// Links from one page: every path in the model is relative to the site
/// folder; views hold hrefs relative to the page they are on.
struct Linker {
    let from: String

    func href(_ sitePath: String) -> String { SitePaths.relative(from: from, to: sitePath) }
    var root: String { String(repeating: "../", count: from.split(separator: "/").count - 1) }
}
