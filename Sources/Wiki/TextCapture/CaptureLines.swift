/// The input as numbered lines, consumed in groups separated by blank lines,
/// except that code keeps its own blank lines (see `nextGroup`).
struct CaptureLines {
    struct Line: Hashable {
        var number: Int
        var text: String
        var isBlank: Bool { text.allSatisfy { $0 == " " || $0 == "\t" } }
        var isIndented: Bool { text.first == " " || text.first == "\t" }
    }

    private let lines: [Line]
    private var index = 0

    init(_ text: String) {
        var result: [Line] = []
        var number = 0
        // Split on scalars, not Characters: "\r\n" is one Character in Swift,
        // and captures come from any OS.
        for raw in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            var s = Substring(raw)
            if s.unicodeScalars.last == "\r" { s = Substring(s.unicodeScalars.dropLast()) }
            result.append(Line(number: number, text: String(s)))
        }
        if result.last?.text.isEmpty == true { result.removeLast() }
        lines = result
    }

    mutating func peekNonBlank() -> Line? {
        while index < lines.count, lines[index].isBlank { index += 1 }
        return index < lines.count ? lines[index] : nil
    }

    mutating func advance(past line: Line) {
        index = line.number  // numbers are 1-based, so this is the next line's index
    }

    /// The next run of non-blank lines. A run that starts code (an indented
    /// line, or a line shaped like C) also takes the blank lines and indented
    /// lines that follow it, since a browser copy keeps code's blank lines.
    mutating func nextGroup() -> [Line]? {
        guard let first = peekNonBlank() else { return nil }
        var group: [Line] = []
        let isCode = first.isIndented || CodeShape.looksLikeCode(first.text)
        while index < lines.count {
            let line = lines[index]
            if line.isBlank {
                guard isCode else { break }
                // Keep the blank line only if more code follows it.
                var look = index
                while look < lines.count, lines[look].isBlank { look += 1 }
                guard look < lines.count, lines[look].isIndented else { break }
                group.append(line)
            } else {
                if isCode, !group.isEmpty, !line.isIndented, !CodeShape.looksLikeCode(line.text) { break }
                group.append(line)
            }
            index += 1
        }
        return group
    }
}

/// Line shapes that are C rather than prose.
enum CodeShape {
    static func looksLikeCode(_ line: String) -> Bool {
        let t = line.trimmingWhitespace
        guard !t.isEmpty else { return false }
        if t == "{" || t == "}" || t == "};" { return true }
        let endsLikeC = t.hasSuffix("{") || t.hasSuffix(";") || t.hasSuffix(")") && t.hasPrefix("#")
        let hasCall = t.contains("(") && t.contains(")")
        // Prose ends with a full stop and has several words between punctuation.
        return endsLikeC && hasCall || t.hasPrefix("#include") || t.hasPrefix("#define")
    }

    /// C keywords and punctuation, counted to name the language.
    static func isProbablyC(_ text: String) -> Bool {
        let keywords = ["static ", "int ", "struct ", "return", "void", "if (", "#include", "#define", "unsigned "]
        let hits = keywords.filter { text.contains($0) }.count
        return hits >= 2 && text.contains(";")
    }
}
