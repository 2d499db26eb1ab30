import Handbook

/// What changed between two revisions of a page, computed from the model:
/// sections added, removed and changed (with a block and word diff), and the
/// page's claims that appeared, disappeared or were reworded.
struct RevisionDiff {
    enum Change: String { case same, removed, added, changed }

    struct Row {
        var change: Change
        var before: Outline.TextBlock?
        var after: Outline.TextBlock?
        /// For a reworded paragraph: the words kept, removed and added.
        var words: [Edit<String>]?
    }

    struct SectionChange {
        var heading: String
        var idBefore: String?
        var idAfter: String?
        var rows: [Row]
    }

    struct ClaimChange {
        var claim: Claim
        var change: Change
        var before: String?
        var after: String?
    }

    let from: Revision
    let to: Revision
    let sectionsAdded: [Outline.Section]
    let sectionsRemoved: [Outline.Section]
    let sectionsChanged: [SectionChange]
    let sectionsUnchanged: [String]
    let claims: [ClaimChange]
    /// Fields of the revision record that differ (contributor, comment, format).
    let metadata: [(field: String, before: String, after: String)]

    init(page: Page, from a: Revision, to b: Revision) {
        from = a
        to = b
        let oa = Outline(RevisionDocument(a, restorations: page.restorations))
        let ob = Outline(RevisionDocument(b, restorations: page.restorations))
        var added: [Outline.Section] = [], removed: [Outline.Section] = [], changed: [SectionChange] = [], unchanged: [String] = []
        for edit in EditScript.diff(Self.keyed(oa.sections), Self.keyed(ob.sections), equal: { $0.key == $1.key }) {
            switch edit {
            case .removed(let s): removed.append(s.section)
            case .added(let s): added.append(s.section)
            case .same(let x, let y):
                let name = y.section.heading ?? "(before the first heading)"
                if x.section.blocks == y.section.blocks { unchanged.append(name); continue }
                changed.append(SectionChange(heading: name, idBefore: x.section.id, idAfter: y.section.id,
                                             rows: Self.rows(x.section.blocks, y.section.blocks)))
            }
        }
        sectionsAdded = added
        sectionsRemoved = removed
        sectionsChanged = changed
        sectionsUnchanged = unchanged
        claims = page.claims.filter { $0.origin == .wiki }.compactMap { c in
            let before = ClaimPresence.sentence(of: c.quote, in: a), after = ClaimPresence.sentence(of: c.quote, in: b)
            switch (before, after) {
            case (nil, nil): return nil
            case (nil, _): return ClaimChange(claim: c, change: .added, before: nil, after: after)
            case (_, nil): return ClaimChange(claim: c, change: .removed, before: before, after: nil)
            default: return ClaimChange(claim: c, change: before == after ? .same : .changed, before: before, after: after)
            }
        }
        var meta: [(String, String, String)] = []
        func compare(_ field: String, _ x: String?, _ y: String?) {
            if x != y { meta.append((field, x ?? "(none)", y ?? "(none)")) }
        }
        compare("contributor", a.info.contributor, b.info.contributor)
        compare("comment", a.info.comment, b.info.comment)
        compare("format", a.format.rawValue, b.format.rawValue)
        metadata = meta
    }

    /// Sections keyed by heading and occurrence, so a repeated heading pairs in order.
    private struct Keyed { var key: String; var section: Outline.Section }
    private static func keyed(_ sections: [Outline.Section]) -> [Keyed] {
        var seen: [String: Int] = [:]
        return sections.map { s in
            let h = s.heading.map { Outline.folded($0) } ?? "\u{0}"
            seen[h, default: 0] += 1
            return Keyed(key: "\(h)\u{1}\(seen[h]!)", section: s)
        }
    }

    /// The block diff, with each run of removed blocks paired against the
    /// added run that follows it: a reworded paragraph is one changed row.
    static func rows(_ a: [Outline.TextBlock], _ b: [Outline.TextBlock]) -> [Row] {
        var rows: [Row] = []
        var removed: [Outline.TextBlock] = [], added: [Outline.TextBlock] = []
        func flush() {
            let paired = min(removed.count, added.count)
            for k in 0..<paired {
                let x = removed[k], y = added[k]
                let words = x.kind == y.kind && !x.isCode ? EditScript.diff(words(x.text), words(y.text), equal: ==) : nil
                rows.append(Row(change: .changed, before: x, after: y, words: words))
            }
            rows += removed.dropFirst(paired).map { Row(change: .removed, before: $0) }
            rows += added.dropFirst(paired).map { Row(change: .added, after: $0) }
            removed = []; added = []
        }
        for edit in EditScript.diff(a, b, equal: ==) {
            switch edit {
            case .removed(let x): if !added.isEmpty { flush() }; removed.append(x)
            case .added(let y): added.append(y)
            case .same(let x, let y): flush(); rows.append(Row(change: .same, before: x, after: y))
            }
        }
        flush()
        return rows
    }

    static func words(_ s: String) -> [String] { s.split(separator: " ").map(String.init) }
}
