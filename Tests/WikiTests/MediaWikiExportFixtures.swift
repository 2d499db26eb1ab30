import Foundation

/// Where the export tests find their inputs: the project's fixtures, and the
/// shared corpus beside the project (`../shared`), both relative to this file.
enum MediaWikiExportFixtures {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let yielding = testsDirectory.appendingPathComponent("Fixtures/mediawiki/yielding")
    static let yieldingExport = yielding.appendingPathComponent("export-full.xml").path
    static let yieldingExport010 = yielding.appendingPathComponent("export-full-0.10.xml").path
    /// `dumpBackup.php --full` of a throwaway MediaWiki 1.39 wiki.
    static let throwawayWiki = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/corpora/mediawiki-export/throwaway-wiki-full.xml").path

    static func revisionWikitext(_ n: Int) throws -> String {
        try String(contentsOf: yielding.appendingPathComponent("revisions/r\(n).wiki"), encoding: .utf8)
    }

    /// A minimal export 0.11 document around `body` (pages and such).
    static func export(_ body: String, version: String = "0.11") -> String {
        """
        <mediawiki xmlns="http://www.mediawiki.org/xml/export-\(version)/" version="\(version)" xml:lang="en">
        \(body)
        </mediawiki>
        """
    }

    /// A page with one revision, where `revision` is the revision's inner XML.
    static func page(title: String = "T", revision: String) -> String {
        "<page><title>\(title)</title><ns>0</ns><id>1</id><revision>\(revision)</revision></page>"
    }
}
