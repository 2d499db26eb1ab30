import Document
import LibXML

extension MediaWikiHTMLConverter {
    /// The inlines of a list of nodes (block elements met here are flattened
    /// into their inline content).
    func inlines(_ nodes: [MarkupNode]) -> [Inline] {
        var out: [Inline] = []
        for node in nodes {
            switch node {
            case .text(let text): out.append(.text(text))
            case .comment: break
            case .element(let element):
                if MediaWikiFurniture.isFurniture(element) { continue }
                out += inlines(element)
            }
        }
        return Self.mergingAdjacentText(out)
    }

    private func inlines(_ element: MarkupElement) -> [Inline] {
        switch element.name {
        case "b", "strong": return [.strong(inlines(element.children))]
        case "i", "em": return [.emphasis(inlines(element.children))]
        case "code", "tt", "kbd", "samp": return [.code(element.textContent, Self.attr(element))]
        case "br": return [.lineBreak]
        case "a": return link(element)
        case "img":
            return [.span(name: "img", content: [], attr: Self.attr(element))]
        default:
            if Self.blockTags.contains(element.name) { return inlines(element.children) }
            return [.span(name: element.name, content: inlines(element.children), attr: Self.attr(element))]
        }
    }

    /// `class="external"` links are external (`external free`: a bare URL in
    /// the text); links to a page of the wiki are wiki links (red links too:
    /// their `href` names the missing page); anchors without `href` keep
    /// only their content.
    private func link(_ element: MarkupElement) -> [Inline] {
        let content = inlines(element.children)
        guard let href = element[attribute: "href"] else { return content }
        let classes = element.classes
        let attr = Self.attr(element, skipping: ["href", "title", "rel"])
        if classes.contains("external") {
            let kind: Link.Kind = classes.contains("free") ? .bareURL : .external
            return [.link(Link(kind: kind, target: href, content: content, attr: attr))]
        }
        // A link to a category page in the content is `[[:Category:…]]`, a
        // plain wiki link: category assignments show only in the category box.
        if let target = MediaWikiHref.wikiTarget(href) {
            return [.link(Link(kind: .wiki, target: target.title, fragment: target.fragment,
                               content: content, attr: attr))]
        }
        // Interwiki links (class "extiw") and anything else that leaves the wiki.
        return [.link(Link(kind: .external, target: href, content: content, attr: attr))]
    }
}
