import Document
import Wiki

/// One revision of a page as stored in `content/`.
public struct Revision: Sendable, Hashable {
    public enum Format: String, Sendable, Hashable, Codable, CaseIterable {
        /// A plain-text browser capture.
        case text
        /// MediaWiki wikitext.
        case wikitext
        /// A rendered revision page saved from a browser.
        case mediawikiHTML = "mediawiki-html"
    }

    /// A stable key within the page: the file's name without extension.
    public var key: String
    public var info: RevisionInfo
    public var format: Format
    /// The file's path relative to the content folder.
    public var file: String
    /// Where the text came from, for the record (e.g. the seed file it was copied from).
    public var provenance: String?
    public var document: Document
    /// What the reader had to guess (text captures only).
    public var inferences: [Inference]

    public init(key: String, info: RevisionInfo, format: Format, file: String, provenance: String?,
                document: Document, inferences: [Inference]) {
        self.key = key
        self.info = info
        self.format = format
        self.file = file
        self.provenance = provenance
        self.document = document
        self.inferences = inferences
    }

    /// "2015-08-08T01:00:00Z by Mcgrof".
    public var label: String {
        let who = info.contributor.map { " by \($0)" } ?? ""
        return (info.timestamp ?? key) + who
    }
}
