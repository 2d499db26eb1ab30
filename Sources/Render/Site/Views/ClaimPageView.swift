import Foundation
import Document
import Handbook
import Probes
import Writers

/// A claim's own page: its sentence in context, whose words they are, code,
/// verdicts per platform with evidence, and the probes with commands to run by hand.
struct ClaimPageView: TemplateView {
    let id: String
    let pageTitle: String
    let kindLabel: String
    let byWiki: Bool
    let text: String
    let standing: VerdictView
    let subsystem: LinkView
    let strategy: LinkView?

    /// The paragraph around a wiki claim, the claim highlighted (HTML and Markdown forms).
    let contextHTML: String?
    let contextMarkdown: String?
    /// The revision and section it was read from.
    let contextSource: LinkView?
    let contextDetail: String?
    let seen: String?

    let note: String?
    /// Kernel changes that made the claim stale, from facts.yaml.
    let facts: [FactView]
    let sources: [CitationView]
    let platforms: String?
    let codeRefs: [CodeRefView]

    let isHistory: Bool
    let verdictSummary: String
    let live: RunVerdictView?
    let matrix: MatrixView?
    let guestRuns: [RunVerdictView]
    let sourceTrees: [SourceTreeView]
    let sourceSummary: String?
    let probes: [ProbeUseView]

}

struct RunVerdictView: TemplateView {
    /// "Xen 4.17.7 PV dom0, Linux 6.1.192"
    let place: String
    let verdict: VerdictView
    /// "holds on Xen 4.17.7 PV dom0, Linux 6.1.192"
    let sentence: String
    let reason: String
    let date: String
    let origin: String
    let evidence: [EvidenceView]
    let probes: [ProbeVerdictView]
}

struct ProbeVerdictView: TemplateView { let id: String; let title: String; let verdict: VerdictView }

struct MatrixView: TemplateView {
    let columns: [String]
    let rows: [MatrixRow]
}

struct MatrixRow: TemplateView { let label: String; let cells: [MatrixCell] }
struct MatrixCell: TemplateView { let column: String; let verdict: VerdictView; let text: String }

struct SourceTreeView: TemplateView { let label: String; let verdict: VerdictView; let reason: String }

struct ProbeUseView: TemplateView {
    let id: String
    let title: String
    let href: String
    let appliesTo: String?
    let liveVerdict: VerdictView?
    let steps: [StepView]
}

extension SiteModel {
    func claimPage(_ c: Claim, in page: Page, path: String) -> ClaimPageView {
        let link = Linker(from: path)
        let subsystem = page.subsystems.first { $0.id == c.subsystem }
        let strategy = c.strategy.flatMap { id in page.strategies.first { $0.id == id } }

        var contextHTML: String?, contextMarkdown: String?, contextSource: LinkView?, detail: String?
        let html = ClaimContext.find(c, in: page) { .span(name: "mark", content: $0, attr: Attr(classes: ["claim-here"])) }
        let md = ClaimContext.find(c, in: page) { .strong($0) }
        if let html, let md {
            let doc = RevisionDocument(html.revision, restorations: page.restorations)
            let resolver = WikiLinks.resolver(for: page, model: self, link: link)
            if let code = html.code {
                contextHTML = CodeHighlight.html(code)
                contextMarkdown = CodeHighlight.markdown(code)
            } else {
                contextHTML = DocumentHTMLWriter.html([html.block], linkResolver: resolver)
                let href: (String, String?) -> String = { t, f in
                    let h = resolver(t, f)
                    return h.contains("://") ? h : SitePaths.markdown(h)
                }
                contextMarkdown = DocumentMarkdownWriter.markdown(LinkRewriter.blocks([md.block], href)).trimmingCharacters(in: .newlines)
            }
            let section = c.location?.section.map { ", section “\($0)”" } ?? ""
            let anchor = doc.sectionID(above: html.blockIndex).map { "#" + $0 } ?? ""
            contextSource = paths.revision(page, html.revision.key).map {
                LinkView(href: link.href($0 + anchor), text: "revision of \(html.revision.label)\(section)")
            }
            if let line = c.location?.line { detail = "line \(line)" + (c.location?.column.map { ", column \($0)" } ?? "") + " of \(html.revision.file)" }
        }
        var seen: String?
        if let first = c.firstSeen, let last = c.lastSeen, page.revisions.count > 1 {
            seen = first == last ? "Only in revision \(label(page, first))." : "In the page from revision \(label(page, first)) to \(label(page, last))."
        }

        let entryProbes = c.probes.compactMap { catalog.probe(id: $0) }
        let liveRun = runs.live.flatMap { run in run.entry(c.id).map { runVerdict(run, $0) } }
        let guestRuns = runs.guests.compactMap { run in run.entry(c.id).map { runVerdict(run, $0) } }
        let trees = runs.sourceVerdicts(c.id).map {
            SourceTreeView(label: "Linux \($0.version ?? "?")", verdict: VerdictView(source: $0.verdict), reason: $0.reason)
        }
        return ClaimPageView(
            id: c.id, pageTitle: page.title, kindLabel: kindLabel(c.kind), byWiki: c.origin == .wiki, text: c.text,
            standing: VerdictView(standing(c)),
            subsystem: LinkView(href: link.href(paths.subsystem(page, c.subsystem) ?? SitePaths.home), text: subsystem?.name ?? c.subsystem),
            strategy: strategy.flatMap { s in paths.strategy(page, s.id).map { LinkView(href: link.href($0), text: s.name) } },
            contextHTML: contextHTML, contextMarkdown: contextMarkdown, contextSource: contextSource, contextDetail: detail, seen: seen,
            note: c.note, facts: facts(c, in: page, link), sources: c.sources.map { citation($0, link) },
            platforms: c.platforms.isEmpty ? nil : c.platforms.joined(separator: ", "),
            codeRefs: c.codeReferences.map { codeRef($0, link) },
            isHistory: !c.isCheckable, verdictSummary: verdictSummary(c),
            live: liveRun, matrix: matrix(c), guestRuns: guestRuns, sourceTrees: trees,
            sourceSummary: trees.isEmpty ? nil : trees.map { "\($0.label): \($0.verdict.label)" }.joined(separator: "; "),
            probes: entryProbes.map { p in
                ProbeUseView(id: p.id, title: p.title, href: link.href(SitePaths.probes + "#" + Anchors.probe(p.id)),
                             appliesTo: p.appliesTo.isEmpty ? nil : p.appliesTo.joined(separator: ", "),
                             liveVerdict: runs.live?.entry(c.id)?.probes.first { $0.id == p.id }.map { VerdictView($0.verdict) },
                             steps: steps(p))
            })
    }

    func kindLabel(_ k: Claim.Kind) -> String {
        switch k {
        case .behaviour: return "A behaviour claim: what a running kernel does, checked on live systems, snapshots and real guests."
        case .code: return "A code claim: what the kernel's source says, checked against source trees and, where it shows, the running kernel."
        case .history: return "History: shown, never probed."
        }
    }

    func runVerdict(_ run: Run, _ e: VerificationReport.ClaimEntry) -> RunVerdictView {
        RunVerdictView(place: run.place, verdict: VerdictView(e.verdict), sentence: "\(VerdictView(e.verdict).label) on \(run.place)",
                       reason: e.reason, date: run.date, origin: run.origin, evidence: evidence(e.evidence),
                       probes: e.probes.map { ProbeVerdictView(id: $0.id, title: $0.title, verdict: VerdictView($0.verdict)) })
    }

    /// Guest types × kernel series, the verdict in each cell.
    func matrix(_ c: Claim) -> MatrixView? {
        guard !runs.guests.isEmpty, c.isCheckable else { return nil }
        let rows = runs.guestTypes.map { guest -> MatrixRow in
            let label = runs.guests.first { $0.guest == guest }?.platformLabel ?? guest
            return MatrixRow(label: "\(label) (\(guest))", cells: runs.kernelSeries.map { series in
                let column = "Linux \(series)"
                guard let run = runs.guestRun(guest, series) else { return MatrixCell(column: column, verdict: .notChecked, text: "no run") }
                guard let e = run.entry(c.id) else {
                    return MatrixCell(column: column, verdict: .notChecked, text: "not in this run (\(run.date))")
                }
                return MatrixCell(column: column, verdict: VerdictView(e.verdict), text: "\(VerdictView(e.verdict).label) on \(run.place)")
            })
        }
        return MatrixView(columns: runs.kernelSeries.map { "Linux \($0)" }, rows: rows)
    }

    func verdictSummary(_ c: Claim) -> String {
        guard c.isCheckable else { return "History is shown, never probed." }
        let n = runs.all.filter { $0.entry(c.id) != nil }.count + runs.sourceVerdicts(c.id).count
        let verdicts = n == 1 ? "its one verdict below" : "its \(n) verdicts below"
        switch standing(c) {
        case .contradicted: return "Contradicted by at least one of \(verdicts)."
        case .holds: return "Holds wherever it was decided (\(verdicts)); nothing contradicts it."
        case .unverified: return n == 0 ? "Not verified yet: no run has checked it." : "Not decided by \(verdicts) (unknown or not applicable)."
        case .history: return ""
        }
    }

    private func label(_ page: Page, _ key: String) -> String { page.revisions.first { $0.key == key }?.label ?? key }
}

/// A code line highlighted inside its code block.
enum CodeHighlight {
    static func html(_ c: CodeLines) -> String {
        var out = "<pre class=\"code\"><code"
        if !c.language.isEmpty { out += " class=\"language-\(HTMLEscape.text(c.language))\"" }
        out += ">"
        for (n, line) in c.lines.enumerated() {
            if n > 0 { out += "\n" }
            out += n == c.index ? "<mark class=\"claim-here\">" + HTMLEscape.text(line) + "</mark>" : HTMLEscape.text(line)
        }
        return out + "</code></pre>\n"
    }

    static func markdown(_ c: CodeLines) -> String {
        MarkdownText.fenced(c.lines.joined(separator: "\n"), language: c.language)
    }
}
