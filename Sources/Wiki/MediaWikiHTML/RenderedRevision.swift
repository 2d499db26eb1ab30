import Document

/// A revision page as MediaWiki renders it ("Revision as of …"), read back:
/// what the page says about the revision, and its content as a document.
public struct RenderedRevision: Hashable, Sendable {
    /// The page title with namespace, e.g. "XenParavirtOps/yielding".
    public var title: String
    /// The revision id shown (`oldid`); also `info.id`.
    public var oldid: Int? { info.id }
    /// The id, time, user and edit summary the page shows. The time is read
    /// as UTC: MediaWiki shows it in the wiki's (or the reader's) time zone,
    /// which the page does not state.
    public var info: RevisionInfo
    /// The content of `.mw-parser-output`, without MediaWiki's furniture.
    public var document: Document
    /// The page's categories with their namespace, e.g. "Category:Xen",
    /// from the category box (not part of `document`, where MediaWiki does
    /// not show them either).
    public var categories: [String]

    public init(title: String, info: RevisionInfo, document: Document, categories: [String] = []) {
        self.title = title
        self.info = info
        self.document = document
        self.categories = categories
    }
}
