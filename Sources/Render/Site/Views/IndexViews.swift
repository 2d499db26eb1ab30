import Handbook
import Probes

/// Every claim, by page and subsystem, with its standing: the way in with JavaScript off.
struct ClaimIndexView: TemplateView {
    let groups: [ClaimGroupView]
}

struct ClaimGroupView: TemplateView { let heading: String; let href: String; let claims: [ClaimSummaryView] }

/// The index of kernel symbols or of kernel files.
struct CodeIndexView: TemplateView {
    let title: String
    let isFiles: Bool
    let browserLabel: String
    let entries: [CodeEntryView]
}

struct CodeEntryView: TemplateView {
    let name: String
    let anchor: String
    let browserHref: String
    let browserLabel: String
    let mentions: [MentionView]
}

struct MentionView: TemplateView {
    let href: String
    let kind: String
    let id: String
    /// "the wiki's words", "added by pvyield", "pvyield's model", "probe".
    let whose: String
}

/// The probe catalogue: every probe, what it reads, how to run it by hand,
/// which claims use it and what it found.
struct ProbeCatalogView: TemplateView {
    let probes: [ProbeEntryView]
}

struct ProbeEntryView: TemplateView {
    let id: String
    let anchor: String
    let title: String
    let appliesTo: String?
    let readsSource: Bool
    let steps: [StepView]
    let claims: [LinkView]
    let verdicts: [RunProbeVerdictView]
}

struct RunProbeVerdictView: TemplateView { let place: String; let verdict: VerdictView }

extension SiteModel {
    func claimIndex(path: String) -> ClaimIndexView {
        let link = Linker(from: path)
        let many = handbook.pages.count > 1
        return ClaimIndexView(groups: handbook.pages.flatMap { page in
            page.subsystems.map { s in
                ClaimGroupView(heading: many ? "\(s.name) (\(page.title))" : s.name, href: link.href(paths.subsystem(page, s.id)!),
                               claims: page.claims(in: s).map { claimSummary($0, link) })
            }
        })
    }

    func codeIndex(files: Bool, path: String) -> CodeIndexView {
        let link = Linker(from: path)
        let names = files ? code.fileNames : code.symbolNames
        let browser = options.sourceBrowser
        return CodeIndexView(
            title: files ? "Kernel files" : "Kernel symbols", isFiles: files, browserLabel: browser.label,
            entries: names.map { name in
                let mentions = (files ? code.files[name] : code.symbols[name]) ?? []
                return CodeEntryView(
                    name: name, anchor: files ? Anchors.file(name) : Anchors.symbol(name),
                    browserHref: files ? browser.file(name) : browser.symbol(name), browserLabel: browser.label,
                    mentions: mentions.map { m in
                        let whose: String
                        switch m.kind {
                        case .claim: whose = m.byWiki ? "named in the wiki's words" : "added by pvyield"
                        case .strategy: whose = "pvyield's model"
                        case .probe: whose = "read by the probe"
                        }
                        return MentionView(href: link.href(m.path), kind: m.kind.rawValue, id: m.id, whose: whose)
                    })
            })
    }

    func probeCatalog(path: String) -> ProbeCatalogView {
        let link = Linker(from: path)
        return ProbeCatalogView(probes: catalog.probes.map { p in
            let claims = claimsUsing(probe: p.id)
            let verdicts = runs.all.compactMap { run -> RunProbeVerdictView? in
                let found = claims.lazy.compactMap { run.entry($0.id)?.probes.first { $0.id == p.id } }.first
                return found.map { RunProbeVerdictView(place: run.place, verdict: VerdictView($0.verdict)) }
            }
            return ProbeEntryView(
                id: p.id, anchor: Anchors.probe(p.id), title: p.title,
                appliesTo: p.appliesTo.isEmpty ? nil : p.appliesTo.joined(separator: ", "), readsSource: p.check.readsSource,
                steps: steps(p),
                claims: claims.compactMap { c in paths.claim(c.id).map { LinkView(href: link.href($0), text: c.id) } },
                verdicts: verdicts)
        })
    }
}
