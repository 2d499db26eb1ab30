import Foundation
import Document
import Handbook
import Writers

/// A revision's text, in HTML through DocumentHTMLWriter (the wiki's HTML:
/// every text escaped, unsafe URLs dropped) and in CommonMark through
/// DocumentMarkdownWriter, with pvyield's restorations put back in place and
/// marked as pvyield's, with their reasons and sources.
enum RevisionHTML {
    static func html(_ doc: RevisionDocument, resolver: @escaping DocumentHTMLWriter.LinkResolver, model: SiteModel) -> String {
        var out = ""
        var run: [Block] = []
        var level = 2
        func flush() { if !run.isEmpty { out += DocumentHTMLWriter.html(run, linkResolver: resolver); run = [] } }
        for piece in doc.pieces {
            switch piece {
            case .wiki(let b, _):
                if case .heading(let l, _, _) = b { level = l }
                run.append(b)
            case .restored(let r, let id):
                flush()
                out += "<aside class=\"pvyield-added\" aria-label=\"Restored by pvyield\">\n"
                switch r.kind {
                case .heading: out += "<h\(level) id=\"\(HTMLEscape.text(id))\">\(HTMLEscape.text(r.text))</h\(level)>\n"
                case .filePath: out += "<p id=\"\(HTMLEscape.text(id))\"><code>\(HTMLEscape.text(r.text))</code></p>\n"
                }
                out += "<p class=\"by\"><span class=\"whose pvyield\">Restored by pvyield</span> \(HTMLEscape.text(r.reason))"
                out += sourcesHTML(r.sources, model: model) + "</p>\n</aside>\n"
            }
        }
        flush()
        return out
    }

    /// `resolver` gives the same hrefs as the HTML's; site pages among them become the export's `.md` files.
    static func markdown(_ doc: RevisionDocument, resolver: @escaping DocumentHTMLWriter.LinkResolver, model: SiteModel) -> String {
        let href: (String, String?) -> String = { target, fragment in
            let h = resolver(target, fragment)
            return h.contains("://") ? h : SitePaths.markdown(h)
        }
        var parts: [String] = []
        var run: [Block] = []
        var level = 2
        func flush() {
            if !run.isEmpty {
                parts.append(DocumentMarkdownWriter.markdown(LinkRewriter.blocks(run, href)).trimmingCharacters(in: .newlines))
                run = []
            }
        }
        for piece in doc.pieces {
            switch piece {
            case .wiki(let b, _):
                if case .heading(let l, _, _) = b { level = l }
                run.append(b)
            case .restored(let r, _):
                flush()
                let first = r.kind == .heading ? MarkdownText.heading(level, MarkdownText.escape(r.text)) : MarkdownText.code(r.text)
                var note = "**Restored by pvyield:** " + MarkdownText.escape(r.reason)
                note += sourcesMarkdown(r.sources, model: model)
                parts.append("> " + first + "\n>\n> " + note)
            }
        }
        flush()
        return parts.joined(separator: "\n\n")
    }

    static func sourcesHTML(_ sources: [Citation], model: SiteModel) -> String {
        guard !sources.isEmpty else { return "" }
        return " Sources: " + sources.map { c in
            var s = HTMLEscape.text(c.title)
            if let r = c.reference {
                if let href = model.referenceHref(r) { s += " (<a href=\"\(HTMLEscape.text(href))\"><code>\(HTMLEscape.text(r))</code></a>)" }
                else { s += " (<code>\(HTMLEscape.text(r))</code>)" }
            }
            return s
        }.joined(separator: "; ") + "."
    }

    static func sourcesMarkdown(_ sources: [Citation], model: SiteModel) -> String {
        guard !sources.isEmpty else { return "" }
        return " Sources: " + sources.map { c in
            MarkdownText.escape(c.title) + (c.reference.map { r in
                " (" + (model.referenceHref(r).map { "[" + MarkdownText.code(r) + "](<" + $0 + ">)" } ?? MarkdownText.code(r)) + ")"
            } ?? "")
        }.joined(separator: "; ") + "."
    }
}
