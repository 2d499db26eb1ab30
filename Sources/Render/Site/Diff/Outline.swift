import Document
import Handbook

/// A revision as sections: each heading (the wiki's, or one pvyield restored
/// where a capture lost it) and the blocks under it. What a diff compares.
struct Outline {
    struct Section {
        /// nil for the text before the first heading.
        var heading: String?
        var id: String?
        var restored: Bool
        var blocks: [TextBlock]
    }

    /// A block reduced to what a reader compares: its kind and its text.
    struct TextBlock: Equatable {
        var kind: String
        var text: String
        var isCode: Bool { kind == "code" }
    }

    let sections: [Section]

    init(_ doc: RevisionDocument) {
        var sections = [Section(heading: nil, id: nil, restored: false, blocks: [])]
        for piece in doc.pieces {
            switch piece {
            case .wiki(.heading(_, let content, let attr), _):
                sections.append(Section(heading: content.plainText, id: attr.id, restored: false, blocks: []))
            case .wiki(let block, _):
                if let t = Self.text(block) { sections[sections.count - 1].blocks.append(t) }
            case .restored(let r, let id):
                if r.kind == .heading { sections.append(Section(heading: r.text, id: id, restored: true, blocks: [])) }
            }
        }
        if sections[0].blocks.isEmpty { sections.removeFirst() }
        self.sections = sections
    }

    static func text(_ block: Block) -> TextBlock? {
        switch block {
        case .codeBlock(let s, _): return TextBlock(kind: "code", text: s)
        case .preformatted(let c, _): return TextBlock(kind: "code", text: c.plainText)
        case .horizontalRule: return nil
        default:
            let t = folded(block.plainText)
            return t.isEmpty ? nil : TextBlock(kind: "text", text: t)
        }
    }

    /// Whitespace runs as one space: re-wrapping a paragraph is not a change.
    static func folded(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }
}
