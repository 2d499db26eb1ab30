import Document
import LibXML

/// Converts MediaWiki's rendered HTML (the inside of `.mw-parser-output`,
/// or `parse.php` output) into the document model, dropping furniture
/// (edit-section links, table of contents, comments such as the NewPP
/// limit report). Text keeps MediaWiki's line breaks as written, so it
/// reads like the wikitext it came from; only the newline MediaWiki adds
/// before `</p>` and `</pre>` is dropped.
struct MediaWikiHTMLConverter {
    static let blockTags: Set<String> = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "ul", "ol", "dl",
                                         "table", "blockquote", "hr", "div", "center", "figure", "section",
                                         "article", "aside", "header", "main", "address"]

    static func isBlock(_ node: MarkupNode) -> Bool {
        if case .element(let element) = node { return blockTags.contains(element.name) }
        return false
    }

    /// `id`, classes, and the other attributes of an element, in order.
    static func attr(_ element: MarkupElement, skipping skipped: Set<String> = []) -> Attr {
        var attr = Attr(id: element[attribute: "id"] ?? "", classes: element.classes)
        for attribute in element.attributes where attribute.name != "id" && attribute.name != "class"
            && !skipped.contains(attribute.name) {
            attr.attributes.append(Attribute(attribute.name, attribute.value))
        }
        return attr
    }
}

extension MediaWikiHTMLConverter {
    /// Whitespace at the edges of a run of inlines: MediaWiki's HTML has
    /// newlines after block tags and before `</p>` that are layout, not text.
    static func trimmingEdgeWhitespace(_ inlines: [Inline]) -> [Inline] {
        var inlines = inlines
        while case .text(let text)? = inlines.first {
            let trimmed = String(text.drop { $0.isWhitespace })
            if trimmed.isEmpty { inlines.removeFirst() } else { inlines[0] = .text(trimmed); break }
        }
        while case .text(let text)? = inlines.last {
            var trimmed = Substring(text)
            while trimmed.last?.isWhitespace == true { trimmed = trimmed.dropLast() }
            if trimmed.isEmpty { inlines.removeLast() } else { inlines[inlines.count - 1] = .text(String(trimmed)); break }
        }
        return inlines
    }

    /// Adjacent text nodes joined into one.
    static func mergingAdjacentText(_ inlines: [Inline]) -> [Inline] {
        var merged: [Inline] = []
        for inline in inlines {
            if case .text(let text) = inline, case .text(let previous)? = merged.last {
                merged[merged.count - 1] = .text(previous + text)
            } else {
                merged.append(inline)
            }
        }
        return merged
    }
}
