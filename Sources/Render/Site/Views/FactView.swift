import Handbook
import Probes

/// A kernel change pvyield recorded against a claim (facts.yaml): pvyield's
/// words, with the commit, the first release, and what each kernel tree a
/// run was given says about it.
struct FactView: TemplateView {
    let change: String
    let commit: String?
    let commitHref: String?
    let version: String?
    let replacedBy: String?
    let uncheckedBecause: String?
    let checks: [SourceTreeView]
    let sources: [CitationView]
}

extension SiteModel {
    func facts(_ c: Claim, in page: Page, _ link: Linker) -> [FactView] {
        page.facts(about: c).map { f in
            var seen: Set<String> = []
            var checks: [SourceTreeView] = []
            for run in runs.all {
                for e in run.report.facts where e.id == f.id && seen.insert("\(e.version ?? "?")|\(e.verdict.rawValue)").inserted {
                    let verdict: VerdictView
                    switch e.verdict {
                    case .holds: verdict = VerdictView(label: "confirmed", css: "holds")
                    case .contradicted: verdict = VerdictView(label: "not in this tree", css: "contradicted")
                    default: verdict = VerdictView(e.verdict)
                    }
                    checks.append(SourceTreeView(label: "Linux \(e.version ?? "?")", verdict: verdict,
                                                 reason: e.evidence.first.map { "\($0.observed) (\($0.meaning))" } ?? ""))
                }
            }
            checks.sort { VersionOrder.key($0.label) < VersionOrder.key($1.label) }
            return FactView(change: f.change, commit: f.commit, commitHref: f.commit.flatMap(Self.commitURL), version: f.version,
                            replacedBy: f.replacedBy, uncheckedBecause: f.uncheckedBecause, checks: checks,
                            sources: f.sources.map { citation($0, link) })
        }
    }

    /// The commit in Linus's tree, for an id that is plain hex.
    static func commitURL(_ id: String) -> String? {
        guard (7...40).contains(id.count), id.allSatisfy({ $0.isHexDigit }) else { return nil }
        return "https://git.kernel.org/torvalds/c/" + id.lowercased()
    }
}
