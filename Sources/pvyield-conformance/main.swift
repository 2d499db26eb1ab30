import Document
import Wiki
import Writers
#if canImport(Glibc)
import Glibc
#endif

// pvyield-conformance: scores WikitextReader + DocumentHTMLWriter against
// MediaWiki 1.39's own parser tests (see ConformanceRun), or, with --bench
// FILE, times one wikitext -> HTML conversion.

let usage = """
usage: pvyield-conformance CASES.jsonl [--min-core PERCENT] [--max-ms MS] [--verbose] [--show TEXT]
       pvyield-conformance --bench FILE
       pvyield-conformance --tree FILE
"""

var arguments = Array(CommandLine.arguments.dropFirst())
var options = ConformanceRun.Options()
var benchFile: String?
var casesPath: String?
while !arguments.isEmpty {
    let a = arguments.removeFirst()
    switch a {
    case "--verbose", "-v": options.verbose = true
    case "--min-core":
        guard let v = arguments.first.flatMap(Double.init) else { FileText.printError(usage); exit(2) }
        options.minCore = v; arguments.removeFirst()
    case "--max-ms":
        guard let v = arguments.first.flatMap(Double.init) else { FileText.printError(usage); exit(2) }
        options.maxMilliseconds = v; arguments.removeFirst()
    case "--show":
        guard let v = arguments.first else { FileText.printError(usage); exit(2) }
        options.show = v; arguments.removeFirst()
    case "--bench":
        guard let v = arguments.first else { FileText.printError(usage); exit(2) }
        benchFile = v; arguments.removeFirst()
    case "--tree":
        // Prints the document tree of FILE's wikitext (a debugging aid).
        guard let v = arguments.first, let text = FileText.read(v) else { FileText.printError(usage); exit(2) }
        print(TreeDump.dump(WikitextReader.read(text)), terminator: "")
        print(DocumentHTMLWriter.html(WikitextReader.read(text)))
        exit(0)
    case "--help", "-h": print(usage); exit(0)
    default:
        if a.hasPrefix("-") { FileText.printError(usage); exit(2) }
        casesPath = a
    }
}

if let benchFile {
    // As `pvyield convert` does.
    AllocatorTuning.forLargeDocuments()
    exit(Bench.run(path: benchFile))
}
guard let casesPath else { FileText.printError(usage); exit(2) }
exit(ConformanceRun.run(path: casesPath, options: options))
