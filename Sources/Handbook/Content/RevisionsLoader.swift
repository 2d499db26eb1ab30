import Foundation
import Document
import Wiki

/// Reads revisions.yaml and each revision file with the reader its format names.
struct RevisionsLoader {
    let folder: URL
    let loader: ContentLoader

    func load(_ yaml: YAMLNode) throws -> [Revision] {
        let f = try yaml.fields("revisions.yaml", allowed: ["revisions"])
        var revisions: [Revision] = []
        for node in try f.required("revisions").sequence("a list of revisions") {
            revisions.append(try revision(node))
        }
        var keys: Set<String> = []
        for (r, node) in zip(revisions, try f.required("revisions").sequence()) where !keys.insert(r.key).inserted {
            throw node.error("each revision file only once, found \(r.file) twice")
        }
        return revisions
    }

    private func revision(_ node: YAMLNode) throws -> Revision {
        let f = try node.fields("a revision", allowed: ["file", "format", "id", "parent-id", "timestamp", "contributor",
                                                        "comment", "sha1", "provenance"])
        let fileNode = try f.required("file")
        let relative = try fileNode.string()
        guard !relative.hasPrefix("/"), !relative.split(separator: "/").contains("..") else {
            throw fileNode.error("a path inside the page folder")
        }
        let formatNode = try f.required("format")
        guard let format = Revision.Format(rawValue: try formatNode.string()) else {
            throw formatNode.error("a format: \(Revision.Format.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let url = folder.appendingPathComponent(relative)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw fileNode.error("an existing file, \(loader.display(url)) is missing")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ContentError(file: loader.display(url), line: 1, column: 1, expected: "UTF-8 text")
        }

        var info = RevisionInfo(id: try f["id"]?.int(), parentID: try f["parent-id"]?.int(),
                                timestamp: try f["timestamp"]?.string(), contributor: try f["contributor"]?.string(),
                                comment: try f["comment"]?.string(), sha1: try f["sha1"]?.string())
        let read = try RevisionReading.read(text, format: format, file: loader.display(url))
        // What the file itself says must agree with the metadata written here.
        if let said = read.info.timestamp {
            if let stated = info.timestamp, stated != said {
                throw try f.required("timestamp").error("\(said), as the revision file's own revision line says")
            }
            info.timestamp = said
        }
        if let said = read.info.contributor {
            if let stated = info.contributor, stated != said {
                throw try f.required("contributor").error("\(said), as the revision file's own revision line says")
            }
            info.contributor = said
        }
        if info.id == nil { info.id = read.info.id }
        let key = (relative as NSString).lastPathComponent.split(separator: ".").first.map(String.init) ?? relative
        return Revision(key: key, info: info, format: format, file: loader.display(url),
                        provenance: try f["provenance"]?.string(), document: read.document, inferences: read.inferences)
    }
}

/// The one place that maps a revision format to its reader.
public enum RevisionReading {
    public struct Output: Sendable {
        public var info: RevisionInfo
        public var document: Document
        public var inferences: [Inference]
    }

    public static func read(_ text: String, format: Revision.Format, file: String) throws -> Output {
        switch format {
        case .text:
            let r = TextCaptureReader.read(text)
            return Output(info: r.info, document: r.document, inferences: r.inferences)
        case .wikitext:
            return Output(info: RevisionInfo(), document: WikitextReader.read(text), inferences: [])
        case .mediawikiHTML:
            do {
                let page = try MediaWikiHTMLReader.read(text, file: file)
                return Output(info: page.info, document: page.document, inferences: [])
            } catch let error as ReadError {
                throw ContentError(file: error.file, line: error.line, column: error.column, expected: error.expected)
            }
        }
    }
}
