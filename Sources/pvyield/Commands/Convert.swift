import ArgumentParser
import Foundation
import Document
import Wiki
import Writers

struct Convert: ParsableCommand {
    enum From: String, ExpressibleByArgument, CaseIterable {
        case wikitext, mediawikiXML = "mediawiki-xml", mediawikiHTML = "mediawiki-html", text
    }

    enum To: String, ExpressibleByArgument, CaseIterable {
        case html, markdown, json, tree
    }

    static let configuration = CommandConfiguration(
        abstract: "Convert one wiki revision between formats, like pandoc's -f/-t.",
        discussion: "Reads FILE, or standard input when no file is given. For mediawiki-xml, converts one revision: the newest of the first page unless --page and --revision say otherwise.")

    @Option(name: .short, help: "Input format: \(From.allCases.map(\.rawValue).joined(separator: ", ")).")
    var from: From

    @Option(name: .short, help: "Output format: \(To.allCases.map(\.rawValue).joined(separator: ", ")).")
    var to: To

    @Option(name: .long, help: "mediawiki-xml: the page title to convert.")
    var page: String?

    @Option(name: .long, help: "mediawiki-xml: the revision id to convert.")
    var revision: Int?

    @Argument(help: "The input file (standard input when omitted).")
    var file: String?

    func run() throws {
        AllocatorTuning.forLargeDocuments()
        let (document, sourceBytes) = try read()
        let output: String
        switch to {
        case .html:
            var bytes = DocumentHTMLWriter.htmlUTF8(document, expectedSize: 2 * sourceBytes)
            bytes.append(0x0A)
            FileHandle.standardOutput.write(Data(bytes))
            return
        case .markdown: output = DocumentMarkdownWriter.markdown(document)
        case .json: output = DocumentJSONWriter.json(document)
        case .tree: output = TreeDump.dump(document)
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }

    /// The document, and the size in bytes of the text it was read from (the
    /// chosen revision's, for an export), which sizes the HTML output.
    func read() throws -> (Document, sourceBytes: Int) {
        switch from {
        case .mediawikiXML:
            let text = try BadInput.guarding { try readExport() }
            return (WikitextReader.read(text), text.utf8.count)
        case .wikitext:
            let text = try InputText.read(file).text
            return (WikitextReader.read(text), text.utf8.count)
        case .text:
            let text = try InputText.read(file).text
            return (TextCaptureReader.read(text).document, text.utf8.count)
        case .mediawikiHTML:
            let input = try InputText.read(file)
            return (try BadInput.guarding { try MediaWikiHTMLReader.read(input.text, file: input.name).document },
                    input.text.utf8.count)
        }
    }

    /// The wikitext of the chosen revision.
    func readExport() throws -> String {
        let reader: MediaWikiExportReader
        if let file {
            reader = MediaWikiExportReader(path: file)
        } else {
            reader = MediaWikiExportReader(data: FileHandle.standardInput.readDataToEndOfFile())
        }
        var chosen: String?
        var seenPage = false
        try reader.forEachPage { p in
            if chosen != nil && revision == nil { return }
            if let page, p.title != page { return }
            seenPage = true
            if let revision {
                if let r = p.revisions.first(where: { $0.info.id == revision }) { chosen = r.text }
            } else if chosen == nil {
                chosen = p.revisions.last?.text
            }
        }
        guard let chosen else {
            let what = revision.map { "revision \($0)" } ?? "a revision"
            let whereText = page.map { " of page \($0)" } ?? ""
            throw BadInput.fail("\(file ?? "<stdin>"):1:1: expected \(what)\(whereText) in the export\(seenPage ? "" : " (no such page)")")
        }
        return chosen
    }
}
