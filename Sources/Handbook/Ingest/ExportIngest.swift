import Foundation
import Wiki

/// `pvyield ingest`: stores every revision of every page of a MediaWiki export
/// in the content folder. Idempotent: a revision already stored is left alone,
/// so ingesting the same dump twice changes nothing. The whole dump is read
/// once to validate it before anything is written, so bad input leaves the
/// content folder as it was.
public struct ExportIngest {
    public struct Summary: Equatable, Sendable {
        public var pages = 0
        public var revisionsAdded = 0
        public var revisionsAlreadyStored = 0
    }

    public let contentRoot: URL

    public init(contentRoot: URL) {
        self.contentRoot = contentRoot
    }

    public func ingest(_ reader: MediaWikiExportReader, source: String) throws -> Summary {
        // Pass 1: the whole dump parses and every title is usable as a folder.
        try reader.forEachPage { page in _ = try folder(for: page.title, file: source) }
        // Pass 2: write, one page at a time.
        var summary = Summary()
        try reader.forEachPage { page in
            summary.pages += 1
            let added = try store(page, source: source)
            summary.revisionsAdded += added
            summary.revisionsAlreadyStored += page.revisions.count - added
        }
        return summary
    }

    func folder(for title: String, file: String) throws -> URL {
        let parts = title.split(separator: "/", omittingEmptySubsequences: false)
        let forbidden: Set<Character> = ["<", ">", "[", "]", "{", "}", "|", "#", "\0", "\\"]
        guard !title.isEmpty, !title.hasPrefix("/"), !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }),
              !title.contains(where: { forbidden.contains($0) || $0.isNewline }) else {
            throw ContentError(file: file, line: 1, column: 1, expected: "page titles usable as folder names, found \"\(title)\"")
        }
        return parts.reduce(contentRoot.appendingPathComponent("pages")) { $0.appendingPathComponent(String($1)) }
    }

    /// Returns how many revisions were added.
    private func store(_ page: ExportPage, source: String) throws -> Int {
        let fm = FileManager.default
        let dir = try folder(for: page.title, file: source)
        try fm.createDirectory(at: dir.appendingPathComponent("revisions"), withIntermediateDirectories: true)
        try writeIfMissing(dir.appendingPathComponent("page.yaml"), "# Ingested from \(source). Format: content/README.md.\ntitle: \(YAMLText.quote(page.title))\n")
        try writeIfMissing(dir.appendingPathComponent("model.yaml"), "# How pvyield reads the page: add subsystems, strategies and claims here.\nsubsystems: []\nstrategies: []\nclaims: []\n")

        let listURL = dir.appendingPathComponent("revisions.yaml")
        var list = (try? String(contentsOf: listURL, encoding: .utf8)) ?? "# Revisions of the page, oldest first. Format: content/README.md.\nrevisions:\n"
        var added = 0
        for revision in page.revisions {
            guard let id = revision.info.id else { continue }
            let relative = "revisions/\(id).wiki"
            let url = dir.appendingPathComponent(relative)
            if let existing = fm.contents(atPath: url.path) {
                guard existing == Data(revision.text.utf8) else {
                    throw ContentError(file: source, line: 1, column: 1,
                                       expected: "revision \(id) of \(page.title) to have the text already stored in \(url.path)")
                }
                if list.contains("- file: \(relative)\n") { continue }
            } else {
                try AtomicFile.write(Data(revision.text.utf8), to: url)
            }
            list += entry(relative, revision, source: source)
            added += 1
        }
        if added > 0 { try AtomicFile.write(Data(list.utf8), to: listURL) }
        return added
    }

    private func entry(_ file: String, _ r: ExportRevision, source: String) -> String {
        var e = "  - file: \(file)\n    format: wikitext\n"
        if let id = r.info.id { e += "    id: \(id)\n" }
        if let p = r.info.parentID { e += "    parent-id: \(p)\n" }
        if let t = r.info.timestamp { e += "    timestamp: \(t)\n" }
        if let c = r.info.contributor { e += "    contributor: \(YAMLText.quote(c))\n" }
        if let c = r.info.comment { e += "    comment: \(YAMLText.quote(c))\n" }
        if let s = r.info.sha1 { e += "    sha1: \(s)\n" }
        e += "    provenance: \(YAMLText.quote("ingested from \(source)"))\n"
        return e
    }

    private func writeIfMissing(_ url: URL, _ text: String) throws {
        if !FileManager.default.fileExists(atPath: url.path) { try AtomicFile.write(Data(text.utf8), to: url) }
    }
}

/// Writes a file through a temporary sibling and a rename.
enum AtomicFile {
    static func write(_ data: Data, to url: URL) throws {
        let temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        try data.write(to: temp)
        if FileManager.default.fileExists(atPath: url.path) {
            _ = try FileManager.default.replaceItemAt(url, withItemAt: temp)
        } else {
            try FileManager.default.moveItem(at: temp, to: url)
        }
    }
}

enum YAMLText {
    /// A double-quoted YAML scalar.
    static func quote(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if c.value < 0x20 || c.value == 0x7F { out += String(format: "\\x%02X", c.value) } else { out.unicodeScalars.append(c) }
            }
        }
        return out + "\""
    }
}
