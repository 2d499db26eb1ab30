import Foundation
import Document
import LibXML

/// Reads a revision page as MediaWiki renders it (`index.php?title=T&oldid=N`,
/// or the page's current view, as a browser saves it) into its title,
/// revision metadata and content.
public enum MediaWikiHTMLReader {
    /// - Parameter file: the name errors give (the path, or `<stdin>`).
    public static func read(_ html: String, file: String) throws -> RenderedRevision {
        let root = HTMLDocumentParser.parse(html)
        guard let content = root.first(where: { $0.classes.contains("mw-parser-output") }) else {
            throw ReadError(file: file, line: 1, column: 1,
                            expected: "a rendered MediaWiki page (an element of class mw-parser-output)")
        }
        let config = MediaWikiPageConfig(root: root)
        guard let title = title(root: root, config: config) else {
            throw ReadError(file: file, line: 1, column: 1, expected: "a page title (#firstHeading or <title>)")
        }
        // wgMonthNames starts with "" so that January is 1.
        let monthNames = Array((config.strings("wgMonthNames") ?? []).dropFirst())
        let box = MediaWikiRevisionBox(root: root, monthNames: monthNames)
        let info = RevisionInfo(id: oldid(root: root, config: config, box: box), timestamp: box.timestamp,
                                contributor: box.user, comment: box.comment)
        var document = Document(blocks: MediaWikiHTMLConverter().blocks(content.children))
        document.meta["title"] = title
        return RenderedRevision(title: title, info: info, document: document,
                                categories: categories(root: root, config: config))
    }

    /// Converts bare parser output (`parse.php`, the API's `action=parse`
    /// text, or the inside of `.mw-parser-output`) into a document.
    public static func readParserOutput(_ html: String) -> Document {
        let root = HTMLDocumentParser.parse(html)
        let body = root.first { $0.name == "body" } ?? root
        let content = body.first { $0.classes.contains("mw-parser-output") } ?? body
        return Document(blocks: MediaWikiHTMLConverter().blocks(content.children))
    }

    /// `#firstHeading`, else `<title>` less its " - Site name" suffix, else `wgPageName`.
    static func title(root: MarkupElement, config: MediaWikiPageConfig) -> String? {
        func cleaned(_ text: String) -> String? {
            let trimmed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            return trimmed.isEmpty ? nil : trimmed
        }
        if let heading = root.first(id: "firstHeading"), let title = cleaned(heading.textContent) { return title }
        if let element = root.first(where: { $0.name == "title" }), let text = cleaned(element.textContent) {
            if let range = text.range(of: " - ", options: .backwards) { return String(text[..<range.lowerBound]) }
            return text
        }
        return config.string("wgPageName").map { MediaWikiHref.titleText($0) }
    }

    /// `wgRevisionId`, else an `oldid=` in the revision box, the permanent
    /// link or the "Retrieved from" footer.
    static func oldid(root: MarkupElement, config: MediaWikiPageConfig, box: MediaWikiRevisionBox) -> Int? {
        if let id = config.integer("wgRevisionId"), id > 0 { return id }
        if let id = box.oldid { return id }
        for container in ["t-permalink", "mw-revision-nav"] {
            if let id = root.first(id: container).flatMap(firstOldid) { return id }
        }
        return root.first { $0.classes.contains("printfooter") }.flatMap(firstOldid)
    }

    private static func firstOldid(_ element: MarkupElement) -> Int? {
        element.first { $0.name == "a" && MediaWikiHref.oldid(in: $0[attribute: "href"] ?? "") != nil }
            .flatMap { MediaWikiHref.oldid(in: $0[attribute: "href"] ?? "") }
    }

    /// The links in the category box (normal and hidden categories), else `wgCategories`.
    static func categories(root: MarkupElement, config: MediaWikiPageConfig) -> [String] {
        var titles: [String] = []
        if let box = root.first(id: "catlinks") {
            for list in box.elementChildren where list.name == "div" {
                collectCategoryLinks(list, into: &titles)
            }
        }
        if titles.isEmpty, let names = config.strings("wgCategories") {
            titles = names.map { "Category:" + $0 }
        }
        return titles
    }

    /// Links inside the `<ul>` of a category box section (not its "Categories:" label link).
    private static func collectCategoryLinks(_ element: MarkupElement, into titles: inout [String]) {
        for child in element.elementChildren {
            if child.name == "li", let link = child.first(where: { $0.name == "a" }),
               let target = MediaWikiHref.wikiTarget(link[attribute: "href"] ?? "") {
                titles.append(target.title)
            } else if child.name != "a" {
                collectCategoryLinks(child, into: &titles)
            }
        }
    }
}
