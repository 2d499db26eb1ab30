import Document
import Testing
@testable import Wiki

/// Token soup from a fixed seed: reading must never trap, and nothing in the
/// input may come out as a live tag. (Found a crash once: DEL bytes in the input
/// posing as strip markers.)
@Suite struct WikitextRobustnessTests {
    static let tokens = [
        "''", "'''", "'''''", "[[", "]]", "[", "]", "{{", "}}", "{{{", "}}}", "|", "||", "!!", "{|", "|}", "|-", "|+",
        "\n", "\n\n", " ", "*", "#", ":", ";", "=", "==", "----", "<b>", "</b>", "<i>", "</i>", "<div>", "</div>",
        "<p>", "</p>", "<pre>", "</pre>", "<nowiki>", "</nowiki>", "<!--", "-->", "<table>", "<tr>", "<td>", "</td>",
        "<li>", "<ul>", "<dl>", "<dd>", "<dt>", "&amp;", "&#x41;", "&bogus;", "http://a.b/c", "[http://x.y z]",
        "ISBN 0-306-40615-2", "<blockquote>", "<span title='a|b'>", "</span>", "<br>", "</br>", "x", "é", "«", " ?",
        "<syntaxhighlight lang=c>", "</syntaxhighlight>", "\r\n", "\u{7F}", "\u{7F}1\u{7F}", "\u{7F}99\u{7F}",
        "[[Category:X]]", "__NOTOC__", "<includeonly>", "{{#if:a|b}}", "<script>", "<a href=x>", "<img onerror=x>",
    ]

    /// A small linear congruential generator, so the soup is the same on every run.
    struct Generator { var state: UInt64; mutating func next(_ n: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(n))
    } }

    @Test func tokenSoupNeverTraps() {
        var g = Generator(state: 42)
        for _ in 0..<300 {
            let count = 1 + g.next(150)
            let text = (0..<count).map { _ in Self.tokens[g.next(Self.tokens.count)] }.joined()
            let doc = WikitextReader.read(text)
            let dump = TreeDump.dump(doc)
            // Strip-marker bytes never leak into the document.
            #expect(!dump.contains("\u{7F}"))
            // Tags the sanitizer refuses stay text; no span or div is named after them.
            #expect(!dump.contains("Span <script>") && !dump.contains("Span <img>") && !dump.contains("Span <a>"))
        }
    }

    @Test func delBytesAreDroppedNotReadAsMarkers() {
        #expect(wikitextTree("a\u{7F}0\u{7F}b\u{7F}") == """
        Para
          Text "a0b"

        """)
    }
}
