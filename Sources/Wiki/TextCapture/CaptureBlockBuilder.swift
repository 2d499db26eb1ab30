import Document

/// Turns groups of captured lines into blocks, recording each guess.
struct CaptureBlockBuilder {
    private(set) var blocks: [Block] = []
    private(set) var inferences: [Inference] = []
    private var headingCount = 0
    private var trailingFurniture = false

    mutating func add(_ group: [CaptureLines.Line]) {
        guard let first = group.first, let last = group.last else { return }
        let range = SourceRange(start: SourcePosition(line: first.number, column: 1),
                                end: SourcePosition(line: last.number, column: last.text.unicodeScalars.count + 1))
        let firstText = first.text.trimmingWhitespace

        if trailingFurniture || Furniture.isTrailingLine(firstText) {
            trailingFurniture = true
            inferences.append(Inference(kind: "furniture", line: first.number, confidence: .high,
                                        reason: "\"\(firstText.prefix(40))\" is MediaWiki's page footer, not content"))
            return
        }
        if first.isIndented || CodeShape.looksLikeCode(first.text) {
            addCode(group, range: range)
        } else if group.count == 1, StubMarker.matches(firstText) {
            addStub(firstText, line: first.number, range: range)
        } else if group.count == 1, let confidence = HeadingShape.confidence(firstText) {
            addHeading(firstText, line: first.number, range: range, confidence: confidence)
        } else {
            let text = group.map { $0.text.trimmingWhitespace }.joined(separator: " ")
            blocks.append(.paragraph([.text(text)], attr: Attr(source: range)))
        }
    }

    private mutating func addHeading(_ text: String, line: Int, range: SourceRange, confidence: Inference.Confidence) {
        headingCount += 1
        // The first heading comes before the introduction: the page's own title
        // heading. Levels are lost in a capture, so the rest are taken as sections.
        let level = headingCount == 1 ? 1 : 2
        inferences.append(Inference(kind: "heading", line: line, confidence: confidence,
                                    reason: "a short line alone between blank lines, without closing punctuation"))
        inferences.append(Inference(kind: "heading-level", line: line, confidence: .low,
                                    reason: "level \(level) assumed: a text capture does not keep heading levels"))
        blocks.append(.heading(level: level, content: [.text(text)],
                               attr: Attr(id: HeadingAnchor.id(for: text), source: range)))
    }

    private mutating func addStub(_ text: String, line: Int, range: SourceRange) {
        inferences.append(Inference(kind: "stub", line: line, confidence: .high,
                                    reason: "\"\(text)\" marks a section that has no content yet"))
        if case .heading? = blocks.last {} else {
            inferences.append(Inference(kind: "lost-heading", line: line, confidence: .medium,
                                        reason: "a stub normally sits under its own heading; none precedes it, so the capture probably lost it"))
        }
        blocks.append(.paragraph([.text(text)], attr: Attr(classes: ["stub"], source: range)))
    }

    private mutating func addCode(_ group: [CaptureLines.Line], range: SourceRange) {
        var codeLines = group.map(\.text)
        let trimmed = codeLines.map { line -> String in
            var s = Substring(line)
            while let c = s.last, c == " " || c == "\t" { s = s.dropLast() }
            return String(s)
        }
        let hadTrailing = zip(codeLines, trimmed).contains { $0 != $1 }
        codeLines = trimmed
        let code = codeLines.joined(separator: "\n")
        let line = group[0].number
        var classes: [String] = []
        inferences.append(Inference(kind: "code-block", line: line, confidence: group[0].isIndented ? .high : .medium,
                                    reason: group[0].isIndented
                                        ? "indented lines are preformatted text"
                                        : "an unindented line shaped like C followed by indented lines: one code excerpt"))
        if CodeShape.isProbablyC(code) {
            classes = ["c"]
            inferences.append(Inference(kind: "code-language", line: line, confidence: .medium,
                                        reason: "C keywords and statements ending in ';'"))
        }
        if hadTrailing {
            inferences.append(Inference(kind: "trailing-whitespace", line: line, confidence: .high,
                                        reason: "runs of trailing spaces, left by the browser's copy, were removed"))
        }
        blocks.append(.codeBlock(code, attr: Attr(classes: classes, source: range)))
    }
}

/// MediaWiki's conventional stub markers.
enum StubMarker {
    static func matches(_ text: String) -> Bool {
        let t = text.lowercased().trimming(". …")
        return ["being written", "to be written", "todo", "tbd", "work in progress", "coming soon"].contains(t)
    }
}

/// Whether a lone line reads as a heading, and how surely.
enum HeadingShape {
    static func confidence(_ text: String) -> Inference.Confidence? {
        guard !text.isEmpty, text.count <= 80, let last = text.last,
              !".,;:!?".contains(last) else { return nil }
        let words = text.split(separator: " ")
        guard words.count <= 10 else { return nil }
        let startsUpper = text.first?.isUppercase == true
        return startsUpper && words.count <= 6 ? .high : .medium
    }
}

/// MediaWiki's section anchors: spaces become underscores; other characters
/// are kept (HTML5 ids allow them).
public enum HeadingAnchor {
    public static func id(for text: String) -> String {
        text.trimmingWhitespace.replacingSpacesWithUnderscores
    }
}

extension String {
    var replacingSpacesWithUnderscores: String {
        String(map { $0 == " " ? "_" : $0 })
    }

    func trimming(_ set: String) -> String {
        var s = Substring(self)
        while let c = s.first, set.contains(c) || c == " " { s = s.dropFirst() }
        while let c = s.last, set.contains(c) || c == " " { s = s.dropLast() }
        return String(s)
    }
}
