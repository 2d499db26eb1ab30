import Foundation
import LibXML

/// Reads a MediaWiki XML export (Special:Export or `dumpBackup.php`, schema
/// 0.10 or 0.11) one page at a time, so memory stays flat whatever the size
/// of the dump: only the current page and its revisions are ever held.
///
///     let reader = MediaWikiExportReader(path: "dump.xml")
///     let site = try reader.forEachPage { page in … }
///
/// Untrusted input is safe to read: DTDs are refused, entities are never
/// expanded, nothing is fetched. Every failure is a one-line `ReadError`.
public struct MediaWikiExportReader: Sendable {
    enum Source: Sendable {
        case path(String)
        case bytes([UInt8])
    }

    let source: Source
    /// The name errors give: the path, or what the caller chose (`<stdin>`).
    public let file: String

    /// Streams the export at `path` from disk.
    public init(path: String) {
        self.source = .path(path)
        self.file = path
    }

    /// Reads an export already in memory, such as standard input.
    public init(data: Data, file: String = "<stdin>") {
        self.source = .bytes([UInt8](data))
        self.file = file
    }

    public init(string: String, file: String = "<stdin>") {
        self.source = .bytes(Array(string.utf8))
        self.file = file
    }

    /// Calls `body` with each page in document order and returns what the
    /// export says about its wiki. Errors from `body` stop the reading and
    /// pass through unchanged.
    @discardableResult
    public func forEachPage(_ body: (ExportPage) throws -> Void) throws -> ExportSiteInfo {
        try read(siteInfo: { _ in }, page: body)
    }

    /// Like `forEachPage`, and hands over the site information as soon as it
    /// is known: after `<siteinfo>`, or at the first page when there is none.
    @discardableResult
    public func read(siteInfo: (ExportSiteInfo) throws -> Void,
                     page: (ExportPage) throws -> Void) throws -> ExportSiteInfo {
        let cursor = ExportElementCursor(xml: try openStream(), file: file)
        let info = try ExportDocumentReader(cursor: cursor).read(siteInfo: siteInfo, page: page)
        return info
    }

    /// The site information alone, reading no further than `<siteinfo>`.
    public func readSiteInfo() throws -> ExportSiteInfo {
        struct Stop: Error {}
        var found: ExportSiteInfo?
        do {
            try read(siteInfo: { found = $0; throw Stop() }, page: { _ in })
        } catch is Stop {}
        // A document with neither siteinfo nor pages reads to its end.
        if let found { return found }
        return try forEachPage { _ in }
    }

    private func openStream() throws -> XMLStreamReader {
        do {
            switch source {
            case .path(let path): return try XMLStreamReader(path: path)
            case .bytes(let bytes): return try XMLStreamReader(bytes: bytes)
            }
        } catch {
            throw ExportElementCursor.readError(error, file: file)
        }
    }
}
