import Document
import Handbook

/// A revision as the site shows it: the wiki's blocks with pvyield's
/// restorations put back where they belong (before the block at their line),
/// headings moved so the top one is an `h2` (the site's page title is the `h1`), and every
/// heading given an id so claims and subsystems can link to their section.
struct RevisionDocument {
    enum Piece {
        /// The wiki's block, and its index in the revision's document.
        case wiki(Block, index: Int)
        case restored(Restoration, id: String)
    }

    let revision: Revision
    let pieces: [Piece]

    init(_ revision: Revision, restorations: [Restoration]) {
        self.revision = revision
        var pending = restorations.filter { $0.revision == revision.key }.sorted { $0.beforeLine < $1.beforeLine }
        var pieces: [Piece] = []
        var usedIDs: Set<String> = []
        func uniqueID(_ wanted: String) -> String {
            var id = wanted.isEmpty ? "section" : wanted
            var n = 2
            while usedIDs.contains(id) { id = "\(wanted)_\(n)"; n += 1 }
            usedIDs.insert(id)
            return id
        }
        func restored(_ r: Restoration) -> Piece { .restored(r, id: uniqueID("restored-" + Anchors.clean(r.text))) }
        // The site's page title is the h1: the wiki's top heading level becomes h2.
        let top = revision.document.blocks.compactMap { b -> Int? in if case .heading(let l, _, _) = b { return l } else { return nil } }.min() ?? 1
        let shift = 2 - top
        for (index, block) in revision.document.blocks.enumerated() {
            let line = block.attr?.source?.start.line ?? Int.max
            while let r = pending.first, r.beforeLine <= line { pieces.append(restored(r)); pending.removeFirst() }
            var b = block
            if case .heading(let level, let content, var attr) = block {
                attr.id = uniqueID(attr.id.isEmpty ? Anchors.clean(content.plainText) : attr.id)
                b = .heading(level: min(max(level + shift, 2), 6), content: content, attr: attr)
            }
            pieces.append(.wiki(b, index: index))
        }
        for r in pending { pieces.append(restored(r)) }
        self.pieces = pieces
    }

    /// The id of the heading (the wiki's or a restored one) with this text.
    func headingID(_ text: String) -> String? {
        for p in pieces {
            switch p {
            case .wiki(.heading(_, let c, let attr), _) where c.plainText == text: return attr.id
            case .restored(let r, let id) where r.kind == .heading && r.text == text: return id
            default: continue
            }
        }
        return nil
    }

    /// The id of the section heading above the block at `index` of the revision's document.
    func sectionID(above index: Int) -> String? {
        var current: String?
        for p in pieces {
            switch p {
            case .wiki(let b, let i):
                if i == index { return current }
                if case .heading(_, _, let attr) = b { current = attr.id }
            case .restored(let r, let id):
                if r.kind == .heading { current = id }
            }
        }
        return current
    }
}
