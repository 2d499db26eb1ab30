import Document
import Testing
@testable import Wiki

/// Pathological inputs must cost time linear in their size. Each test times
/// the reader on an input and on one `factor` times larger (best of three
/// runs each) and checks the ratio: linear work gives about `factor`,
/// quadratic work `factor²`. No absolute wall-time limits.
@Suite(.serialized) struct WikitextScalingTests {
    static let factor = 8

    static func seconds(_ text: String) -> Double {
        var best = Double.infinity
        for _ in 0..<3 {
            let start = ContinuousClock.now
            let doc = WikitextReader.read(text)
            let d = ContinuousClock.now - start
            precondition(doc.blocks.count >= 0)
            best = min(best, Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
        }
        return best
    }

    /// Checks that `make(n * factor)` costs at most `limit` times `make(n)`.
    static func expectLinear(_ name: String, n: Int, limit: Double = 24, _ make: (Int) -> String) {
        let small = seconds(make(n))
        let large = seconds(make(n * factor))
        let ratio = large / max(small, 1e-6)
        #expect(ratio < limit, "\(name): \(n) -> \(small)s, \(n * factor) -> \(large)s, ratio \(ratio)")
    }

    static func repeated(_ s: String, _ n: Int) -> String { String(repeating: s, count: n) }

    @Test func nestedApostropheRuns() {
        // 100 000 runs at the large size.
        Self.expectLinear("apostrophes", n: 12_500) { Self.repeated("''a'''b", $0 / 2) + Self.repeated("''''", $0 / 2) }
    }

    @Test func unclosedTags() {
        // 50 000 unclosed tags at the large size, several kinds.
        Self.expectLinear("unclosed tags", n: 6_250) {
            Self.repeated("<b>x<nowiki>y<pre>z<div a=\"", $0 / 4) + Self.repeated("<span>", $0)
        }
    }

    @Test func deepLists() {
        // A 10 000-level list item at the large size, and lists climbing down and up.
        Self.expectLinear("deep lists", n: 1_250) { n in
            Self.repeated("*", n) + " x\n" + (1...min(n, 2_000)).map { String(repeating: "#", count: $0) + " y\n" }.joined()
        }
    }

    @Test func openingBracketRuns() {
        Self.expectLinear("[[ and {{ runs", n: 25_000) {
            Self.repeated("[", $0) + "x" + Self.repeated("{", $0) + "y|z" + Self.repeated("[[a|", $0 / 8)
                + Self.repeated("{{b|", $0 / 8) + Self.repeated("[http://e.org/ ", $0 / 16)
        }
    }

    @Test func contentFosteredOutOfTables() {
        // Text between table rows moves before the table, many times over.
        Self.expectLinear("fostered", n: 2_000) { Self.repeated("para\n\n", $0) + "{|\n" + Self.repeated("x <b>y\n|-\n", $0) + "|}" }
    }

    @Test func textJoiningTextAcrossOtherText() {
        // Text moved out of a table joins the text before it while the rows'
        // newlines are stored in between; and a table's whitespace text grows
        // around moved-out text. Each join once copied the joined text.
        Self.expectLinear("fostered text joins", n: 500) { "<table>\n" + Self.repeated("<tr>\n</tr>\nx\n", $0) + "</table>" }
        Self.expectLinear("table whitespace joins", n: 1_000) { "<table>" + Self.repeated("a<br> <br>", $0) + "</table>" }
    }

    @Test func longSingleLine() {
        let chunk = "word '''bold''' ''it'' [[Link|label]] [http://e.org/x ext] http://bare.org/y <code>a<b</code> {{T|a=b}} &amp; "
        Self.expectLinear("single line", n: 1_000) { Self.repeated(chunk, $0) }
    }

    @Test func tenMegabyteSingleLineIsRead() {
        let chunk = "word ''it'' [[Link]] x "
        let text = Self.repeated(chunk, 10_000_000 / chunk.utf8.count)
        let doc = WikitextReader.read(text)
        #expect(doc.blocks.count == 1)
    }

    @Test func deepNestingDoesNotOverflowTheStack() {
        let depth = 10_000
        let text = Self.repeated("<div><span><blockquote>", depth) + "x" + Self.repeated("</blockquote></span></div>", depth)
            + "\n" + Self.repeated("{{a|", depth) + Self.repeated("}}", depth)
            + "\n" + Self.repeated("*", depth) + " deep"
            + "\n" + Self.repeated("{|\n|", 2_000)
        let doc = WikitextReader.read(text)
        // Nesting is capped, so the model stays shallow enough for recursive writers.
        func depthOf(_ blocks: [Block]) -> Int {
            blocks.map { b -> Int in
                switch b {
                case .bulletList(let items, _), .orderedList(let items, _): return 1 + depthOf(items.flatMap { $0 })
                case .table(let t): return 1 + depthOf(t.rows.flatMap { $0.cells.flatMap(\.content) })
                default: return 1 + depthOf(b.children)
                }
            }.max() ?? 0
        }
        #expect(depthOf(doc.blocks) <= TreeBuilder.maxDepth + 2)
        #expect(doc.blocks.map(\.plainText).joined().contains("deep"))
    }
}
