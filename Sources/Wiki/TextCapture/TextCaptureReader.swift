import Document

/// Reads a revision copied from a browser as plain text (like
/// `shared/seeds/000_…txt`): MediaWiki's furniture around the content, then
/// headings, paragraphs and code as bare lines. Markup is gone, so structure is
/// inferred from line shapes and every guess is recorded as an `Inference`.
public enum TextCaptureReader {
    public struct Result: Hashable, Sendable {
        /// The wiki's name from "From Xen".
        public var siteName: String?
        public var info: RevisionInfo
        public var document: Document
        public var inferences: [Inference]
    }

    public static func read(_ text: String) -> Result {
        var lines = CaptureLines(text)
        var inferences: [Inference] = []
        var info = RevisionInfo()
        var siteName: String?

        // Furniture before the content: "From X", the revision line, navigation.
        while let line = lines.peekNonBlank() {
            let trimmed = line.text.trimmingWhitespace
            if siteName == nil, trimmed.hasPrefix("From "), trimmed.count < 60 {
                siteName = String(trimmed.dropFirst(5))
                inferences.append(Inference(kind: "furniture", line: line.number, confidence: .high,
                                            reason: "\"From \(siteName!)\" is MediaWiki's site tagline, not content"))
            } else if let rev = RevisionLine.parse(trimmed) {
                info.timestamp = rev.timestamp
                info.contributor = rev.user
                inferences.append(Inference(kind: "revision-line", line: line.number, confidence: .high,
                                            reason: "revision of \(rev.timestamp) by \(rev.user), from MediaWiki's revision line"))
            } else if Furniture.isNavigationLine(trimmed) {
                inferences.append(Inference(kind: "furniture", line: line.number, confidence: .high,
                                            reason: "\"\(trimmed)\" is MediaWiki navigation, not content"))
            } else {
                break
            }
            lines.advance(past: line)
        }

        var builder = CaptureBlockBuilder()
        while let group = lines.nextGroup() {
            builder.add(group)
        }
        inferences += builder.inferences
        return Result(siteName: siteName, info: info, document: Document(blocks: builder.blocks),
                      inferences: inferences.sorted { ($0.line, $0.kind) < ($1.line, $1.kind) })
    }
}

/// MediaWiki's page furniture as it appears in copied text.
enum Furniture {
    static func isNavigationLine(_ line: String) -> Bool {
        line == "Jump to navigation" || line == "Jump to search" || line.hasPrefix("Jump to navigation")
            || (line.hasPrefix("(diff)") && line.contains("revision"))
            || line.hasPrefix("← Older revision")
    }

    static func isTrailingLine(_ line: String) -> Bool {
        line.hasPrefix("Retrieved from \"") || line.hasPrefix("Retrieved from “")
            || line.hasPrefix("Categories:") || line.hasPrefix("Category:")
            || line.hasPrefix("This page was last edited on") || line == "Navigation menu"
    }
}
