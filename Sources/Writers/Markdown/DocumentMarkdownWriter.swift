import Document

/// Writes the document model as CommonMark. Text is escaped so that wiki
/// words never turn into Markdown syntax; code keeps its language on the fence.
public enum DocumentMarkdownWriter {
    public static func markdown(_ document: Document) -> String {
        markdown(document.blocks)
    }

    public static func markdown(_ blocks: [Block]) -> String {
        blocks.map(block).filter { !$0.isEmpty }.joined(separator: "\n\n") + "\n"
    }

    static func block(_ b: Block) -> String {
        switch b {
        case .heading(let level, let content, _):
            return String(repeating: "#", count: min(max(level, 1), 6)) + " " + inlines(content)
        case .paragraph(let content, _):
            return inlines(content)
        case .codeBlock(let code, let attr):
            return fenced(code, language: attr.classes.first ?? "")
        case .preformatted(let content, _):
            return fenced(content.plainText, language: "")
        case .bulletList(let items, _):
            return items.map { item("- ", $0) }.joined(separator: "\n")
        case .orderedList(let items, _):
            return items.enumerated().map { item("\($0.offset + 1). ", $0.element) }.joined(separator: "\n")
        case .definitionList(let items, _):
            return items.map { di in
                (di.term.isEmpty ? [] : ["**" + inlines(di.term) + "**"]) + di.definitions.map { item(": ", $0) }
            }.flatMap { $0 }.joined(separator: "\n\n")
        case .blockQuote(let content, _):
            return markdown(content).split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? ">" : "> " + $0 }.dropLast().joined(separator: "\n")
        case .horizontalRule:
            return "---"
        case .table(let t):
            return table(t)
        case .div(_, let content, _):
            return markdown(content).trimmingTrailingNewlines
        case .template(let t, _):
            return "`" + t.source.replacingOccurrences("`", with: "'") + "`"
        case .raw(_, let text):
            return fenced(text, language: "")
        }
    }

    static func item(_ marker: String, _ blocks: [Block]) -> String {
        let body = markdown(blocks).trimmingTrailingNewlines
        let pad = String(repeating: " ", count: marker.count)
        return marker + body.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { $0.offset == 0 ? String($0.element) : ($0.element.isEmpty ? "" : pad + $0.element) }
            .joined(separator: "\n")
    }

    static func fenced(_ code: String, language: String) -> String {
        // A fence longer than any backtick run inside the code.
        var longest = 0, run = 0
        for c in code { if c == "`" { run += 1; longest = max(longest, run) } else { run = 0 } }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        let info = language.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "+" || $0 == "_" }
        return fence + info + "\n" + code + (code.hasSuffix("\n") ? "" : "\n") + fence
    }

    static func table(_ t: Table) -> String {
        guard let first = t.rows.first else { return "" }
        let width = t.rows.map(\.cells.count).max() ?? 0
        func row(_ cells: [Table.Cell]) -> String {
            let texts = (0..<width).map { i in i < cells.count ? cellText(cells[i]) : "" }
            return "| " + texts.joined(separator: " | ") + " |"
        }
        let header = first.cells.allSatisfy(\.isHeader) ? first : Table.Row(cells: [])
        let body = first.cells.allSatisfy(\.isHeader) ? Array(t.rows.dropFirst()) : t.rows
        var lines = [row(header.cells), "|" + String(repeating: " --- |", count: width)]
        lines += body.map { row($0.cells) }
        return lines.joined(separator: "\n")
    }

    static func cellText(_ cell: Table.Cell) -> String {
        markdown(cell.content).trimmingTrailingNewlines.replacingOccurrences("\n", with: " ").replacingOccurrences("|", with: "\\|")
    }

    public static func inlines(_ content: [Inline]) -> String {
        content.map(inline).joined()
    }

    static func inline(_ i: Inline) -> String {
        switch i {
        case .text(let s): return escape(s)
        case .emphasis(let c): return "*" + inlines(c) + "*"
        case .strong(let c): return "**" + inlines(c) + "**"
        case .code(let s, _): return codeSpan(s)
        case .link(let l):
            let label = inlines(l.content)
            let target = l.kind == .wiki || l.kind == .category
                ? "./" + l.target.replacingOccurrences(" ", with: "_") + (l.fragment.map { "#" + $0 } ?? "")
                : l.target
            guard let safe = MarkdownDestination.make(target) else { return label }
            return "[" + label + "](" + safe + ")"
        case .lineBreak: return "\\\n"
        case .span(_, let c, _): return inlines(c)
        case .template(let t): return codeSpan(t.source)
        case .raw(_, let text): return codeSpan(text)
        }
    }

    static func codeSpan(_ s: String) -> String {
        var longest = 0, run = 0
        for c in s { if c == "`" { run += 1; longest = max(longest, run) } else { run = 0 } }
        let ticks = String(repeating: "`", count: longest + 1)
        let pad = s.hasPrefix("`") || s.hasSuffix("`") ? " " : ""
        return ticks + pad + s.replacingOccurrences("\n", with: " ") + pad + ticks
    }

    /// Backslash-escapes what CommonMark could read as syntax, and only that,
    /// so exported prose stays readable: inline markers everywhere, `_` unless
    /// it sits inside a word (CommonMark never reads intraword `_` as emphasis),
    /// and block markers at the start of the text.
    public static func escape(_ s: String) -> String {
        let chars = Array(s)
        var out = ""
        for (i, c) in chars.enumerated() {
            let before = i > 0 ? chars[i - 1] : " "
            let after = i + 1 < chars.count ? chars[i + 1] : " "
            switch c {
            case "\\", "`", "*", "[", "]", "<", ">", "|", "~", "&":
                out.append("\\")
            case "_" where !(before.isLetter || before.isNumber) || !(after.isLetter || after.isNumber):
                out.append("\\")
            case "!" where after == "[":
                out.append("\\")
            case _ where i == 0 && "#-+=".contains(c):
                out.append("\\")
            case _ where (c == "." || c == ")") && i > 0 && chars[..<i].allSatisfy(\.isNumber):
                out.append("\\")
            default:
                break
            }
            out.append(c == "\n" ? " " : c)
        }
        return out
    }
}

/// Link destinations for CommonMark: only URLs `URLSafety` lets through,
/// in angle brackets so spaces and parentheses cannot end them early.
enum MarkdownDestination {
    static func make(_ url: String) -> String? {
        guard URLSafety.isSafe(url), !url.unicodeScalars.contains(where: { $0.value < 0x20 }) else { return nil }
        return "<" + url.replacingOccurrences("<", with: "%3C").replacingOccurrences(">", with: "%3E") + ">"
    }
}

extension String {
    func replacingOccurrences(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        return components(separatedBy: target).joined(separator: replacement)
    }

    var trimmingTrailingNewlines: String {
        var s = Substring(self)
        while s.last == "\n" { s = s.dropLast() }
        return String(s)
    }

    func components(separatedBy separator: String) -> [String] {
        var parts: [String] = []
        var rest = Substring(self)
        while let r = rest.firstRange(of: separator) {
            parts.append(String(rest[..<r.lowerBound]))
            rest = rest[r.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }
}
