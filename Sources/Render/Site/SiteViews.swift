import Foundation
import Handbook
import Probes

/// Flat view models for the templates: strings, bools and lists only.
struct SiteViews {
    let page: Page
    let catalog: ProbeCatalog
    let report: VerificationReport

    func layout(title: String, root: String) -> [String: Any] {
        ["title": title, "root": root, "revision": page.latestRevision?.label ?? "?",
         "platform": report.platform.summary, "kernel": report.platform.kernelRelease ?? "", "hasKernel": report.platform.kernelRelease != nil, "built": report.created]
    }

    func index(slug: String) -> [String: Any] {
        let s = report.summary
        return [
            "pageTitle": page.title, "wiki": page.wiki, "url": page.url ?? "#", "platform": report.platform.summary,
            "holds": s["holds"] ?? 0, "contradicted": s["contradicted"] ?? 0, "unknown": s["unknown"] ?? 0,
            "notApplicable": s["not-applicable"] ?? 0, "history": page.claims.filter { !$0.isCheckable }.count,
            "subsystems": page.subsystems.map { sub -> [String: Any] in
                ["href": "\(slug)/\(sub.id).html", "name": sub.name, "stub": sub.isStub, "summary": sub.summary ?? "",
                 "claimCount": page.claims(in: sub).count]
            },
            "revisions": page.revisions.map { r -> [String: Any] in
                ["href": "\(slug)/revision-\(SiteNames.slug(r.key)).html", "label": r.label, "format": r.format.rawValue]
            },
        ]
    }

    func subsystem(_ s: Subsystem) -> [String: Any] {
        [
            "pageTitle": page.title, "name": s.name, "stub": s.isStub, "summary": s.summary ?? "",
            "strategies": page.strategies(in: s).map { st -> [String: Any] in
                ["id": st.id, "name": st.name, "summary": st.summary, "code": !st.codeReferences.isEmpty,
                 "refs": st.codeReferences.map { ["name": $0.name] }]
            },
            "claims": page.claims(in: s).map(claim),
        ]
    }

    func claim(_ c: Claim) -> [String: Any] {
        let entry = report.claims.first { $0.id == c.id }
        let verdict = c.isCheckable ? (entry?.verdict.rawValue ?? "unverified") : "history"
        var place = ""
        if let l = c.location {
            place = "revision \(l.revision)" + (l.section.map { ", section “\($0)”" } ?? "") + (l.line.map { ", line \($0)" } ?? "")
        }
        return [
            "id": c.id, "text": c.text, "wiki": c.origin == .wiki, "place": place, "hasPlace": !place.isEmpty,
            "verdict": verdict, "verdictClass": verdict, "reason": entry?.reason ?? (c.isCheckable ? "" : "History: shown, never probed."),
            "note": c.note ?? "", "hasNote": c.note != nil, "hasSources": !c.sources.isEmpty,
            "sources": c.sources.map { ["title": $0.title, "reference": $0.reference ?? "", "hasReference": $0.reference != nil] as [String: Any] },
            "hasRefs": !c.codeReferences.isEmpty,
            "refs": c.codeReferences.map { ["name": $0.name, "added": $0.origin == .pvyield] as [String: Any] },
            "sourceVerdicts": (entry?.sources ?? []).map {
                ["version": $0.version ?? "?", "verdict": $0.verdict.rawValue, "verdictClass": $0.verdict.rawValue, "reason": $0.reason]
            },
            "hasEvidence": !(entry?.evidence ?? []).isEmpty,
            "evidence": (entry?.evidence ?? []).map { ["source": $0.source, "observed": $0.observed, "meaning": $0.meaning] },
            "probes": (entry?.probes ?? []).map { p -> [String: Any] in
                ["id": p.id, "title": p.title, "verdict": p.verdict.rawValue, "verdictClass": p.verdict.rawValue,
                 "steps": p.byHand.map { ["command": $0.command, "expect": $0.expect] }]
            } + (entry == nil ? c.probes.compactMap { catalog.probe(id: $0) }.map { p -> [String: Any] in
                ["id": p.id, "title": p.title, "verdict": "unverified", "verdictClass": "unverified",
                 "steps": ManualSteps.steps(for: p.check).map { ["command": $0.command, "expect": $0.expect] }]
            } : []),
        ]
    }

    func revision(_ r: Revision, content: String) -> [String: Any] {
        ["pageTitle": page.title, "label": r.label, "file": r.file, "format": r.format.rawValue,
         "provenance": r.provenance ?? "", "hasProvenance": r.provenance != nil, "content": content, "hasInferences": !r.inferences.isEmpty,
         "inferences": r.inferences.map { ["line": $0.line, "kind": $0.kind, "confidence": $0.confidence.rawValue, "reason": $0.reason] as [String: Any] }]
    }
}
