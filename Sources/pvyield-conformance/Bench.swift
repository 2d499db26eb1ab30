import Document
import Wiki
import Writers

/// `--bench FILE`: reads FILE, converts it once to HTML, prints bytes, seconds
/// and throughput.
enum Bench {
    static func run(path: String) -> Int32 {
        guard let text = FileText.read(path) else {
            FileText.printError("cannot read \(path)")
            return 2
        }
        let clock = ContinuousClock()
        var htmlBytes = 0
        let elapsed = clock.measure {
            let document = WikitextReader.read(text)
            // As `pvyield convert -t html` does: the HTML as bytes to write out.
            htmlBytes = DocumentHTMLWriter.htmlUTF8(document, expectedSize: 2 * text.utf8.count).count
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let bytes = text.utf8.count
        print("bytes \(bytes)")
        print("html_bytes \(htmlBytes)")
        print("seconds \(format(seconds, 4))")
        print("mb_per_second \(format(Double(bytes) / 1_000_000 / max(seconds, 1e-9), 2))")
        return 0
    }

    static func format(_ x: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let r = (x * scale).rounded() / scale
        return String(r)
    }
}
