import Writers

/// The pieces of CommonMark the export writes: escaped text, links, code.
enum MarkdownText {
    /// Wiki and pvyield text as literal CommonMark text (never syntax).
    static func escape(_ s: String) -> String { DocumentMarkdownWriter.escape(s) }

    /// `[text](<href>)`, or the text alone when the href is unsafe.
    static func link(_ text: String, _ href: String) -> String {
        guard URLSafety.isSafe(href), !href.contains(where: { $0 == "\n" || $0 == "<" || $0 == ">" }) else { return escape(text) }
        return "[" + escape(text) + "](<" + href + ">)"
    }

    static func code(_ s: String) -> String {
        var longest = 0, run = 0
        for c in s { if c == "`" { run += 1; longest = max(longest, run) } else { run = 0 } }
        let ticks = String(repeating: "`", count: longest + 1)
        let flat = s.replacing("\n", with: " ")
        let pad = flat.hasPrefix("`") || flat.hasSuffix("`") || (flat.hasPrefix(" ") && flat.hasSuffix(" ") && !flat.allSatisfy { $0 == " " }) ? " " : ""
        return ticks + pad + flat + pad + ticks
    }

    /// A fence longer than any backtick run in the code, with its language.
    static func fenced(_ code: String, language: String) -> String {
        var longest = 0, run = 0
        for c in code { if c == "`" { run += 1; longest = max(longest, run) } else { run = 0 } }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        let info = language.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "+" || $0 == "_") }
        return fence + info + "\n" + code + (code.hasSuffix("\n") ? "" : "\n") + fence
    }

    static func heading(_ level: Int, _ text: String) -> String {
        String(repeating: "#", count: level) + " " + text
    }
}
