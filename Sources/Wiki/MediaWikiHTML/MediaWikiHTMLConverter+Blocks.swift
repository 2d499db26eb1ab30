import Document
import LibXML

extension MediaWikiHTMLConverter {
    /// The blocks of a list of nodes. Inline content between blocks (as in
    /// `<li>text<ul>…</ul></li>` or a bare `<td>text</td>`) becomes a paragraph.
    func blocks(_ nodes: [MarkupNode]) -> [Block] {
        var out: [Block] = []
        var run: [MarkupNode] = []
        func flushRun() {
            let content = Self.trimmingEdgeWhitespace(inlines(run))
            if !content.isEmpty { out.append(.paragraph(content, attr: .empty)) }
            run = []
        }
        for node in nodes {
            guard case .element(let element) = node, Self.blockTags.contains(element.name) else {
                if case .element(let element) = node, MediaWikiFurniture.isFurniture(element) { continue }
                run.append(node)
                continue
            }
            flushRun()
            if MediaWikiFurniture.isFurniture(element) { continue }
            out += block(element)
        }
        flushRun()
        return out
    }

    private func block(_ element: MarkupElement) -> [Block] {
        switch element.name {
        case "p":
            let content = Self.trimmingEdgeWhitespace(inlines(element.children))
            return content.isEmpty ? [] : [.paragraph(content, attr: Self.attr(element))]
        case "h1", "h2", "h3", "h4", "h5", "h6":
            return [heading(element)]
        case "pre":
            return [preformatted(element)]
        case "ul":
            return [.bulletList(listItems(element), attr: Self.attr(element))]
        case "ol":
            return [.orderedList(listItems(element), attr: Self.attr(element))]
        case "dl":
            return [.definitionList(definitionItems(element), attr: Self.attr(element))]
        case "table":
            return [.table(table(element))]
        case "blockquote":
            return [.blockQuote(blocks(element.children), attr: Self.attr(element))]
        case "hr":
            return [.horizontalRule]
        default:
            return container(element)
        }
    }

    /// MediaWiki ≤ 1.39 puts the title in `<span class="mw-headline" id=…>`
    /// next to the edit-section link; 1.40+ puts the id on the `<hN>` itself
    /// inside `<div class="mw-heading">`, which `container` unwraps.
    private func heading(_ element: MarkupElement) -> Block {
        let level = Int(String(element.name.dropFirst())) ?? 1
        if let headline = element.first(where: { $0.classes.contains("mw-headline") }) {
            let content = Self.trimmingEdgeWhitespace(inlines(headline.children))
            return .heading(level: level, content: content, attr: Attr(id: headline[attribute: "id"] ?? ""))
        }
        let content = Self.trimmingEdgeWhitespace(inlines(element.children))
        return .heading(level: level, content: content, attr: Attr(id: element[attribute: "id"] ?? ""))
    }

    /// `<pre>` from leading-space lines or `<pre>` tags may hold inline
    /// markup, so it stays inline content; its text is kept as written,
    /// less the newline MediaWiki leaves before `</pre>`.
    private func preformatted(_ element: MarkupElement) -> Block {
        var content = inlines(element.children)
        if case .text(let text)? = content.last, text.hasSuffix("\n") {
            let trimmed = String(text.dropLast())
            if trimmed.isEmpty { content.removeLast() } else { content[content.count - 1] = .text(trimmed) }
        }
        return .preformatted(content, attr: Self.attr(element))
    }

    /// `<div>`, `<center>` and other block containers. SyntaxHighlight's
    /// `<div class="mw-highlight mw-highlight-lang-c"><pre>…` becomes a code
    /// block with its language; MediaWiki 1.40+'s heading wrapper is unwrapped.
    private func container(_ element: MarkupElement) -> [Block] {
        let classes = element.classes
        if classes.contains("mw-highlight") {
            let language = classes.first { $0.hasPrefix("mw-highlight-lang-") }
                .map { String($0.dropFirst("mw-highlight-lang-".count)) }
            var code = element.first { $0.name == "pre" }?.textContent ?? element.textContent
            if code.hasSuffix("\n") { code.removeLast() }
            return [.codeBlock(code, attr: Attr(classes: language.map { [$0] } ?? []))]
        }
        if classes.contains("mw-heading") { return blocks(element.children) }
        return [.div(name: element.name, content: blocks(element.children), attr: Self.attr(element))]
    }

    private func listItems(_ list: MarkupElement) -> [[Block]] {
        list.elementChildren.filter { $0.name == "li" && !MediaWikiFurniture.isFurniture($0) }
            .map { blocks($0.children) }
    }

    /// `;term` → `<dt>`, `:definition` → `<dd>`; a `<dd>` with no `<dt>`
    /// before it (a bare `:` indent) gets an empty term.
    private func definitionItems(_ list: MarkupElement) -> [DefinitionItem] {
        var items: [DefinitionItem] = []
        var termOpen = false
        for child in list.elementChildren {
            switch child.name {
            case "dt":
                items.append(DefinitionItem(term: Self.trimmingEdgeWhitespace(inlines(child.children)), definitions: []))
                termOpen = true
            case "dd":
                if !termOpen || items.isEmpty {
                    items.append(DefinitionItem(term: [], definitions: []))
                }
                items[items.count - 1].definitions.append(blocks(child.children))
                // A second <dd> after a bare `:` starts its own item, like the first.
                termOpen = !items[items.count - 1].term.isEmpty
            default:
                continue
            }
        }
        return items
    }

    private func table(_ element: MarkupElement) -> Table {
        var caption: [Inline]?
        var rows: [Table.Row] = []
        func collectRows(_ parent: MarkupElement) {
            for child in parent.elementChildren {
                switch child.name {
                case "caption": caption = Self.trimmingEdgeWhitespace(inlines(child.children))
                case "thead", "tbody", "tfoot": collectRows(child)
                case "tr":
                    let cells = child.elementChildren.filter { $0.name == "td" || $0.name == "th" }.map {
                        Table.Cell(isHeader: $0.name == "th", content: blocks($0.children), attr: Self.attr($0))
                    }
                    rows.append(Table.Row(cells: cells, attr: Self.attr(child)))
                default: continue
                }
            }
        }
        collectRows(element)
        return Table(caption: caption, rows: rows, attr: Self.attr(element))
    }
}
