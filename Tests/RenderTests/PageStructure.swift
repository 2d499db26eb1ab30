import Foundation
import CommonMark
import LibXML
@testable import Render

/// What a reader navigates by on a page, compared between the site and the
/// Markdown export: its headings, its links and its code blocks.
struct PageStructure: Equatable, CustomStringConvertible {
    var headings: [String] = []
    var links: [String] = []
    var code: [String] = []

    var description: String { "headings \(headings)\nlinks \(links)\ncode \(code)" }

    /// From the site's HTML: the `<main>` element only (the layout's header
    /// and footer are the site's frame, not the page). Site links are mapped
    /// to the export's `.md` files.
    static func html(_ html: String) -> PageStructure {
        var s = PageStructure()
        guard let main = find(HTMLDocumentParser.parse(html), "main") else { return s }
        func visit(_ e: MarkupElement) {
            if e.name.count == 2, e.name.hasPrefix("h"), let n = Int(e.name.dropFirst()), (1...6).contains(n) {
                s.headings.append("\(n) " + fold(e.textContent))
            }
            if e.name == "a", let href = e[attribute: "href"] { s.links.append(href.contains("://") ? href : SitePaths.markdown(href)) }
            if e.name == "pre" { s.code.append(trimNewlines(e.textContent)) }
            if e.name == "script" { return }
            for c in e.elementChildren { visit(c) }
        }
        visit(main)
        return s
    }

    /// From an export file, through libcmark (front matter removed first: it is not CommonMark).
    static func markdown(_ text: String) -> PageStructure {
        var s = PageStructure()
        func visit(_ n: CommonMark.Node) {
            switch n.type {
            case "heading": s.headings.append("\(n.level ?? 0) " + fold(n.text))
            case "link": s.links.append(n.url ?? "")
            case "code_block": s.code.append(trimNewlines(n.literal ?? ""))
            default: break
            }
            n.children.forEach(visit)
        }
        visit(CommonMark.parse(body(text)))
        return s
    }

    static func body(_ text: String) -> String {
        guard text.hasPrefix("---\n"), let end = text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 3)..<text.endIndex) else { return text }
        return String(text[end.upperBound...])
    }

    static func find(_ e: MarkupElement, _ name: String) -> MarkupElement? {
        if e.name == name { return e }
        for c in e.elementChildren { if let f = find(c, name) { return f } }
        return nil
    }

    static func fold(_ s: String) -> String { s.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
    static func trimNewlines(_ s: String) -> String { s.trimmingCharacters(in: .newlines) }
}
