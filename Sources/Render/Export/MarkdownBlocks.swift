/// A CommonMark document assembled block by block; the export's pages are
/// written with it so that every block is separated the same way.
struct MarkdownBlocks {
    private(set) var blocks: [String] = []

    mutating func heading(_ level: Int, _ inline: String) { blocks.append(MarkdownText.heading(level, inline)) }
    mutating func paragraph(_ inline: String) { if !inline.isEmpty { blocks.append(inline) } }
    mutating func list(_ items: [String]) {
        guard !items.isEmpty else { return }
        blocks.append(items.map { "- " + $0.replacing("\n", with: "\n  ") }.joined(separator: "\n"))
    }
    mutating func code(_ code: String, language: String) { blocks.append(MarkdownText.fenced(code, language: language)) }
    /// Markdown (already formed) inside a block quote: how the export sets off
    /// the wiki's words and pvyield's.
    mutating func quote(_ markdown: String) {
        blocks.append(markdown.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n"))
    }
    mutating func raw(_ markdown: String) { if !markdown.isEmpty { blocks.append(markdown) } }

    var text: String { blocks.joined(separator: "\n\n") + "\n" }
}

/// Inline pieces shared by the pages.
enum MD {
    static func e(_ s: String) -> String { MarkdownText.escape(s) }
    static func code(_ s: String) -> String { MarkdownText.code(s) }

    /// A link from a view's href: the site's `.html` pages become the export's `.md` files.
    static func link(_ text: String, _ href: String) -> String { linkInline(e(text), href) }
    static func linkInline(_ inline: String, _ href: String) -> String {
        let target = href.contains("://") ? href : SitePaths.markdown(href)
        guard URLSafety.isSafe(target), !target.contains(where: { $0 == "\n" || $0 == "<" || $0 == ">" }) else { return inline }
        return "[" + inline + "](<" + target + ">)"
    }

    static func verdict(_ v: VerdictView) -> String { "**" + e(v.label) + "**" }
}

import Writers
