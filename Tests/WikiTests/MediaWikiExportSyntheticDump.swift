import Foundation

/// Writes a synthetic export of many pages, each with several revisions,
/// straight to a file (never whole in memory), for memory tests. The text is
/// varied enough that nothing compresses or interns it away.
enum MediaWikiExportSyntheticDump {
    static func write(to url: URL, pages: Int, revisionsPerPage: Int = 3, textBytes: Int = 1_500) throws {
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.write(contentsOf: Data(#"""
        <mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" xml:lang="en">
          <siteinfo><sitename>Synthetic</sitename></siteinfo>

        """#.utf8))
        let words = ["xen", "yield", "paravirt", "iommu", "&amp;", "&lt;pv_ops&gt;", "microcode", "[[Link]]", "'''bold'''"]
        var revisionID = 0
        for page in 1...pages {
            var xml = "  <page>\n    <title>Page \(page)</title>\n    <ns>0</ns>\n    <id>\(page)</id>\n"
            for _ in 0..<revisionsPerPage {
                revisionID += 1
                var text = "== Revision \(revisionID) ==\n"
                var word = revisionID
                while text.utf8.count < textBytes {
                    text += words[word % words.count] + (word % 13 == 0 ? "\n" : " ")
                    word = (word &* 1_103_515_245 &+ 12_345) & 0x7fff_ffff
                }
                xml += """
                    <revision>
                      <id>\(revisionID)</id>
                      <timestamp>2015-08-08T01:00:00Z</timestamp>
                      <contributor><username>Bench</username><id>1</id></contributor>
                      <model>wikitext</model>
                      <format>text/x-wiki</format>
                      <text bytes="\(text.utf8.count)" xml:space="preserve">\(text)</text>
                      <sha1>0</sha1>
                    </revision>

                """
            }
            xml += "  </page>\n"
            try handle.write(contentsOf: Data(xml.utf8))
        }
        try handle.write(contentsOf: Data("</mediawiki>\n".utf8))
    }
}
