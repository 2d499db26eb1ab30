import Handbook
import Wiki

/// One revision of the page as the wiki had it.
struct RevisionPageView: TemplateView {
    let pageTitle: String
    let label: String
    let file: String
    let format: String
    let provenance: String?
    let comment: String?
    let wikiURL: String?
    let historyHref: String
    let previousDiff: LinkView?
    let contentHTML: String
    let contentMarkdown: String
    let hasRestorations: Bool
    let inferences: [InferenceView]
}

struct InferenceView: TemplateView { let line: Int; let kind: String; let confidence: String; let reason: String }

/// The page's revisions, and diffs between any two.
struct HistoryView: TemplateView {
    let pageTitle: String
    let revisions: [HistoryRowView]
    let single: Bool
    let pairs: [PairGroupView]
}

struct HistoryRowView: TemplateView {
    let label: String
    let href: String
    let contributor: String?
    let comment: String?
    let format: String
    let sections: Int
    let claims: Int
    let previousDiff: LinkView?
}

struct PairGroupView: TemplateView { let from: String; let links: [LinkView] }

extension SiteModel {
    /// Which diffs get a page: every pair up to 30 revisions; past that each
    /// revision against the one before and against the latest, to keep the
    /// site's size linear.
    func diffPairs(_ page: Page) -> [(Revision, Revision)] {
        let r = page.revisions
        guard r.count > 1 else { return [] }
        if r.count <= 30 {
            return (0..<r.count).flatMap { i in ((i + 1)..<r.count).map { (r[i], r[$0]) } }
        }
        var pairs: [(Revision, Revision)] = (1..<r.count).map { (r[$0 - 1], r[$0]) }
        pairs += (0..<(r.count - 2)).map { (r[$0], r[r.count - 1]) }
        return pairs
    }

    func revisionPage(_ r: Revision, in page: Page, path: String) -> RevisionPageView {
        let link = Linker(from: path)
        let doc = RevisionDocument(r, restorations: page.restorations)
        let index = page.revisions.firstIndex { $0.key == r.key } ?? 0
        let previous = index > 0 ? page.revisions[index - 1] : nil
        let resolver = WikiLinks.resolver(for: page, model: self, link: link)
        return RevisionPageView(
            pageTitle: page.title, label: r.label, file: r.file, format: r.format.rawValue, provenance: r.provenance,
            comment: r.info.comment, wikiURL: page.url.flatMap { URLSafetyCheck.http($0) },
            historyHref: link.href(paths.history(page)),
            previousDiff: previous.flatMap { p in paths.diff(page, from: p.key, to: r.key).map { LinkView(href: link.href($0), text: "changes since \(p.label)") } },
            contentHTML: RevisionHTML.html(doc, resolver: resolver, model: self),
            contentMarkdown: RevisionHTML.markdown(doc, resolver: resolver, model: self),
            hasRestorations: doc.pieces.contains { if case .restored = $0 { return true } else { return false } },
            inferences: r.inferences.map { InferenceView(line: $0.line, kind: $0.kind, confidence: $0.confidence.rawValue, reason: $0.reason) })
    }

    func history(_ page: Page, path: String) -> HistoryView {
        let link = Linker(from: path)
        let rows = page.revisions.enumerated().reversed().map { (i, r) -> HistoryRowView in
            let outline = Outline(RevisionDocument(r, restorations: page.restorations))
            let claims = page.claims.filter { $0.origin == .wiki && ClaimPresence.sentence(of: $0.quote, in: r) != nil }.count
            return HistoryRowView(
                label: r.label, href: link.href(paths.revision(page, r.key)!), contributor: r.info.contributor, comment: r.info.comment,
                format: r.format.rawValue, sections: outline.sections.filter { $0.heading != nil }.count, claims: claims,
                previousDiff: i > 0 ? paths.diff(page, from: page.revisions[i - 1].key, to: r.key).map {
                    LinkView(href: link.href($0), text: "changes since \(page.revisions[i - 1].label)")
                } : nil)
        }
        var groups: [PairGroupView] = []
        for (a, b) in diffPairs(page) {
            guard let p = paths.diff(page, from: a.key, to: b.key) else { continue }
            let l = LinkView(href: link.href(p), text: "\(a.label) → \(b.label)")
            if groups.last?.from == a.label { groups[groups.count - 1] = PairGroupView(from: a.label, links: groups.last!.links + [l]) }
            else { groups.append(PairGroupView(from: a.label, links: [l])) }
        }
        return HistoryView(pageTitle: page.title, revisions: rows, single: page.revisions.count < 2, pairs: groups)
    }
}

enum URLSafetyCheck {
    /// The URL when it is a safe http(s) link to write into a page, else nil.
    static func http(_ url: String) -> String? {
        let lower = url.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"),
              !url.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" || $0 == "`" }) else { return nil }
        return url
    }
}
