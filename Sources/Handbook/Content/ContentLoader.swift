import Foundation
import Document
import Wiki

/// Loads `content/` into a `Handbook`: every page folder (one with a
/// `page.yaml`) with its revisions, model and pvyield's additions. All
/// problems are `ContentError`s naming the file and line at fault.
public struct ContentLoader {
    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    public func load() throws -> Handbook {
        let pagesFolder = root.appendingPathComponent("pages")
        var pageFolders: [URL] = []
        if let walker = FileManager.default.enumerator(at: pagesFolder, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where url.lastPathComponent == "page.yaml" {
                pageFolders.append(url.deletingLastPathComponent())
            }
        }
        guard !pageFolders.isEmpty else {
            throw ContentError(file: display(pagesFolder), line: 1, column: 1,
                               expected: "at least one page folder with a page.yaml under \(display(pagesFolder))")
        }
        let pages = try pageFolders.sorted { $0.path < $1.path }.map { try PageLoader(folder: $0, loader: self).load() }
        try checkUniqueClaimIDs(pages)
        return Handbook(pages: pages)
    }

    /// Paths in messages are relative to the content folder's parent, as a
    /// user in the project's root would type them.
    public func displayPath(_ url: URL) -> String { display(url) }

    func display(_ url: URL) -> String {
        let base = root.deletingLastPathComponent().standardizedFileURL.path
        let path = url.standardizedFileURL.path
        return path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
    }

    private func checkUniqueClaimIDs(_ pages: [Page]) throws {
        var seen: [String: String] = [:]
        for page in pages {
            for claim in page.claims {
                if let other = seen[claim.id] {
                    throw ContentError(file: "content/pages", line: 1, column: 1,
                                       expected: "claim ids unique across pages: \(claim.id) is in \(other) and \(page.title)")
                }
                seen[claim.id] = page.title
            }
        }
    }
}
