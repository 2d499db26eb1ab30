import Handbook

/// A readable diff between two revisions: what sections and claims were
/// added, removed and changed, then each changed section block by block.
struct DiffPageView: TemplateView {
    let pageTitle: String
    let from: LinkView
    let to: LinkView
    let historyHref: String
    let summary: String
    let metadata: [FieldChangeView]
    let sectionsAdded: [LinkView]
    let sectionsRemoved: [LinkView]
    let claims: [ClaimDiffView]
    let unchangedClaims: Int
    let sections: [SectionDiffView]

}

struct FieldChangeView: TemplateView { let field: String; let before: String; let after: String }

struct ClaimDiffView: TemplateView {
    let id: String
    let href: String
    /// "added", "removed", "reworded".
    let change: String
    let before: String?
    let after: String?
    let wordsHTML: String?
}

struct SectionDiffView: TemplateView {
    let heading: String
    let beforeHref: String?
    let afterHref: String?
    let rows: [DiffRowView]
}

struct DiffRowView: TemplateView {
    /// diff-same, diff-removed, diff-added, diff-changed
    let css: String
    let html: String
    let markdown: String
}

extension SiteModel {
    func diffPage(_ page: Page, from a: Revision, to b: Revision, path: String) -> DiffPageView {
        let link = Linker(from: path)
        let d = RevisionDiff(page: page, from: a, to: b)
        let pa = paths.revision(page, a.key)!, pb = paths.revision(page, b.key)!
        func anchor(_ base: String, _ id: String?) -> String { link.href(base + (id.map { "#" + $0 } ?? "")) }
        let changedClaims = d.claims.filter { $0.change != .same }
        let claimViews = changedClaims.map { c -> ClaimDiffView in
            let words = c.change == .changed
                ? DiffText.wordsHTML(EditScript.diff(RevisionDiff.words(c.before ?? ""), RevisionDiff.words(c.after ?? ""), equal: ==))
                : nil
            return ClaimDiffView(id: c.claim.id, href: link.href(paths.claim(c.claim.id) ?? SitePaths.claims),
                                 change: c.change == .changed ? "reworded" : c.change.rawValue, before: c.before, after: c.after, wordsHTML: words)
        }
        let claimCounts = [RevisionDiff.Change.added, .removed, .changed].map { ch in
            "\(d.claims.filter { $0.change == ch }.count) \(ch == .changed ? "reworded" : ch.rawValue)"
        }
        let summary = "Sections: \(d.sectionsAdded.count) added, \(d.sectionsRemoved.count) removed, \(d.sectionsChanged.count) changed, "
            + "\(d.sectionsUnchanged.count) unchanged. Claims of the wiki: " + claimCounts.joined(separator: ", ")
            + ", \(d.claims.filter { $0.change == .same }.count) unchanged."
        return DiffPageView(
            pageTitle: page.title, from: LinkView(href: link.href(pa), text: a.label), to: LinkView(href: link.href(pb), text: b.label),
            historyHref: link.href(paths.history(page)), summary: summary,
            metadata: d.metadata.map { FieldChangeView(field: $0.field, before: $0.before, after: $0.after) },
            sectionsAdded: d.sectionsAdded.map { LinkView(href: anchor(pb, $0.id), text: $0.heading ?? "(before the first heading)") },
            sectionsRemoved: d.sectionsRemoved.map { LinkView(href: anchor(pa, $0.id), text: $0.heading ?? "(before the first heading)") },
            claims: claimViews, unchangedClaims: d.claims.filter { $0.change == .same }.count,
            sections: d.sectionsChanged.map { s in
                SectionDiffView(heading: s.heading, beforeHref: s.idBefore.map { anchor(pa, $0) }, afterHref: s.idAfter.map { anchor(pb, $0) },
                                rows: DiffText.rows(s.rows))
            })
    }
}

/// The diff's rows as HTML (`del`/`ins`) and as CommonMark (labelled).
enum DiffText {
    static func wordsHTML(_ edits: [Edit<String>]) -> String {
        var out: [String] = []
        for e in edits {
            switch e {
            case .same(let w, _): out.append(HTMLEscape.text(w))
            case .removed(let w): out.append("<del>" + HTMLEscape.text(w) + "</del>")
            case .added(let w): out.append("<ins>" + HTMLEscape.text(w) + "</ins>")
            }
        }
        // Adjacent marks of one kind read as one change.
        return out.joined(separator: " ").replacing("</del> <del>", with: " ").replacing("</ins> <ins>", with: " ")
    }

    /// The rows, each run of unchanged blocks folded away behind a summary
    /// (open it to read the context); changes stay in view.
    static func rows(_ rows: [RevisionDiff.Row]) -> [DiffRowView] {
        var out: [DiffRowView] = []
        var same: [DiffRowView] = []
        func flush() {
            guard !same.isEmpty else { return }
            let label = same.count == 1 ? "1 unchanged block" : "\(same.count) unchanged blocks"
            out.append(DiffRowView(css: "diff-same", html: "<details><summary>\(label)</summary>" + same.map(\.html).joined() + "</details>",
                                   markdown: "*\(label):*\n\n" + same.map(\.markdown).joined(separator: "\n\n")))
            same = []
        }
        for r in rows {
            if r.change == .same { same.append(row(r)) } else { flush(); out.append(row(r)) }
        }
        flush()
        return out
    }

    static func row(_ r: RevisionDiff.Row) -> DiffRowView {
        func html(_ b: Outline.TextBlock, _ tag: String?) -> String {
            let t = HTMLEscape.text(b.text)
            let inner = tag.map { "<\($0)>\(t)</\($0)>" } ?? t
            return b.isCode ? "<pre class=\"code\"><code>\(inner)</code></pre>" : "<p>\(inner)</p>"
        }
        func md(_ b: Outline.TextBlock, _ label: String?) -> String {
            let lead = label.map { "**\($0):**" } ?? ""
            if b.isCode { return (lead.isEmpty ? "" : lead + "\n\n") + MarkdownText.fenced(b.text, language: "") }
            return (lead.isEmpty ? "" : lead + " ") + MarkdownText.escape(b.text)
        }
        switch r.change {
        case .same:
            return DiffRowView(css: "diff-same", html: html(r.before!, nil), markdown: md(r.before!, nil))
        case .removed:
            return DiffRowView(css: "diff-removed", html: "<p class=\"diff-label\">Removed</p>" + html(r.before!, "del"), markdown: md(r.before!, "Removed"))
        case .added:
            return DiffRowView(css: "diff-added", html: "<p class=\"diff-label\">Added</p>" + html(r.after!, "ins"), markdown: md(r.after!, "Added"))
        case .changed:
            if let words = r.words {
                return DiffRowView(css: "diff-changed", html: "<p class=\"diff-label\">Reworded</p><p>" + wordsHTML(words) + "</p>",
                                   markdown: md(r.before!, "Before") + "\n\n" + md(r.after!, "After"))
            }
            return DiffRowView(css: "diff-changed",
                               html: "<p class=\"diff-label\">Before</p>" + html(r.before!, "del") + "<p class=\"diff-label\">After</p>" + html(r.after!, "ins"),
                               markdown: md(r.before!, "Before") + "\n\n" + md(r.after!, "After"))
        }
    }
}
