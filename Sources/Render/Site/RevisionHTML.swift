import Foundation
import Document
import Handbook
import Writers
import CommonMark

/// A revision's text as HTML: each block through CommonMark and cmark's safe
/// renderer (so wiki text is always escaped), with pvyield's restorations
/// shown in place and marked as pvyield's.
enum RevisionHTML {
    static func render(_ revision: Revision, restorations: [Restoration]) -> String {
        var out = ""
        var pending = restorations.sorted { $0.beforeLine < $1.beforeLine }
        for block in revision.document.blocks {
            let line = block.attr?.source?.start.line ?? Int.max
            while let r = pending.first, r.beforeLine <= line {
                out += restoration(r)
                pending.removeFirst()
            }
            var html = CommonMark.html(DocumentMarkdownWriter.markdown([block]))
            if case .paragraph(_, let attr) = block, attr.classes.contains("stub") {
                html = "<div class=\"stub\">" + html + "</div>\n"
            }
            out += html
        }
        for r in pending { out += restoration(r) }
        return out
    }

    static func restoration(_ r: Restoration) -> String {
        let text = HTMLEscape.text(r.text)
        let note = "<span class=\"tag\">restored by pvyield: \(HTMLEscape.text(r.reason))</span>"
        switch r.kind {
        case .heading: return "<div class=\"pvyield-added\"><h2>\(text)</h2>\(note)</div>\n"
        case .filePath: return "<div class=\"pvyield-added\"><p><code>\(text)</code></p>\(note)</div>\n"
        }
    }
}

enum HTMLEscape {
    static func text(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
