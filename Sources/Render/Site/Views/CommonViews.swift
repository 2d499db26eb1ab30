import Handbook
import Probes
import Writers

// Flat view values the templates read by name. Every string is plain text
// (Mustache escapes it) unless its name ends in `HTML`.

struct LinkView: TemplateView { let href: String; let text: String }

struct VerdictView: TemplateView {
    let label: String
    /// The stylesheet class: holds, contradicted, unknown, not-applicable, unverified, history.
    let css: String

    init(_ v: Verdict) { label = v == .notApplicable ? "not applicable" : v.rawValue; css = v.rawValue }
    init(_ s: Standing) { label = s.label; css = s.rawValue }
    /// A source tree that contradicts a claim shows it is stale.
    init(source v: Verdict) { self = v == .contradicted ? VerdictView(label: "stale", css: "contradicted") : VerdictView(v) }
    init(label: String, css: String) { self.label = label; self.css = css }
    static let unverified = VerdictView(label: "unverified", css: "unverified")
    static let notChecked = VerdictView(label: "not checked", css: "unverified")
}

struct CitationView: TemplateView {
    let title: String
    let reference: String?
    /// A link for references that are URLs or kernel files; others are shown as text.
    let href: String?
}

struct EvidenceView: TemplateView { let source: String; let observed: String; let meaning: String }
struct StepView: TemplateView { let command: String; let expect: String }

struct CodeRefView: TemplateView {
    let name: String
    let isFile: Bool
    /// The entry in the symbol or file index.
    let indexHref: String
    let browserHref: String
    let browserLabel: String
    /// The wiki's text does not name it: pvyield's annotation added it.
    let addedByPvyield: Bool
}

struct ClaimSummaryView: TemplateView {
    let id: String
    let href: String
    let text: String
    let byWiki: Bool
    let standing: VerdictView
    let kind: String
}

extension SiteModel {
    func citation(_ c: Citation, _ link: Linker) -> CitationView {
        CitationView(title: c.title, reference: c.reference, href: c.reference.flatMap { referenceHref($0) })
    }

    /// http(s) references link out; kernel paths link to the source browser.
    func referenceHref(_ r: String) -> String? {
        let lower = r.lowercased()
        if (lower.hasPrefix("https://") || lower.hasPrefix("http://")) && URLSafety.isSafe(r)
            && !r.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" }) { return r }
        let kernelRoots = ["arch/", "drivers/", "include/", "kernel/", "mm/", "fs/", "init/", "lib/", "net/", "block/", "security/", "virt/"]
        if kernelRoots.contains(where: r.hasPrefix), !r.contains(" "), !r.contains("..") { return options.sourceBrowser.file(r) }
        return nil
    }

    func codeRef(_ r: CodeReference, _ link: Linker) -> CodeRefView {
        let isFile = r.kind == .file
        let index = isFile ? SitePaths.files + "#" + Anchors.file(r.name) : SitePaths.symbols + "#" + Anchors.symbol(r.name)
        return CodeRefView(name: r.name, isFile: isFile, indexHref: link.href(index),
                           browserHref: isFile ? options.sourceBrowser.file(r.name) : options.sourceBrowser.symbol(r.name),
                           browserLabel: options.sourceBrowser.label, addedByPvyield: r.origin == .pvyield)
    }

    func claimSummary(_ c: Claim, _ link: Linker) -> ClaimSummaryView {
        ClaimSummaryView(id: c.id, href: link.href(paths.claim(c.id) ?? SitePaths.claims), text: c.text, byWiki: c.origin == .wiki,
                         standing: VerdictView(standing(c)), kind: c.kind.rawValue)
    }

    func evidence(_ e: [Evidence]) -> [EvidenceView] {
        e.map { EvidenceView(source: $0.source, observed: $0.observed, meaning: $0.meaning) }
    }

    func steps(_ probe: ProbeSpec) -> [StepView] {
        ManualSteps.steps(for: probe.check).map { StepView(command: $0.command, expect: $0.expect) }
    }
}
