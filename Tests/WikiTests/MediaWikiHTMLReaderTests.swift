import Document
import Foundation
import Testing
@testable import Wiki

/// The rendered revision pages, checked against what the same wiki exported
/// and the wikitext it was given, so that expectations come from the fixtures.
@Suite struct MediaWikiHTMLReaderTests {
    static let revisions = ["r1", "r2", "r3"]

    static func exportedRevisions() throws -> [ExportRevision] {
        var revisions: [ExportRevision] = []
        try MediaWikiExportReader(path: MediaWikiExportFixtures.yieldingExport).forEachPage { revisions += $0.revisions }
        return revisions
    }

    static func read(_ name: String) throws -> RenderedRevision {
        try MediaWikiHTMLReader.read(MediaWikiHTMLFixtures.rendered(name), file: "\(name).html")
    }

    @Test(arguments: zip(revisions, revisions.indices))
    func revisionInfoMatchesTheExport(name: String, index: Int) throws {
        let exported = try Self.exportedRevisions()[index]
        let rendered = try Self.read(name)
        #expect(rendered.title == "XenParavirtOps/yielding")
        #expect(rendered.oldid == exported.info.id)
        #expect(rendered.info.timestamp == exported.info.timestamp)
        #expect(rendered.info.contributor == exported.info.contributor)
        #expect(rendered.info.comment == exported.info.comment)
        #expect(rendered.document.meta["title"] == rendered.title)
        #expect(rendered.categories.isEmpty)
    }

    @Test func currentViewHasTheLatestIdAndFooterTime() throws {
        let latest = try #require(try Self.exportedRevisions().last)
        let current = try Self.read("current")
        #expect(current.oldid == latest.info.id)
        #expect(current.info.timestamp == latest.info.timestamp)
        // The current view shows no revision box, so no user or summary.
        #expect(current.info.contributor == nil)
        #expect(current.document == (try Self.read("r3")).document)
    }

    /// Old revisions have no edit-section links and the rendered pages have
    /// skin furniture; none of it may change the content.
    @Test(arguments: revisions)
    func renderedContentEqualsBareParserOutput(name: String) throws {
        let rendered = try Self.read(name).document
        let parsed = MediaWikiHTMLReader.readParserOutput(try MediaWikiHTMLFixtures.parsed(name))
        #expect(rendered.blocks == parsed.blocks)
        #expect(!rendered.blocks.isEmpty)
    }

    @Test(arguments: revisions)
    func furnitureIsDropped(name: String) throws {
        let document = try Self.read(name).document
        var text = ""
        document.forEachBlock { text += $0.plainText + "\n" }
        for furniture in ["Contents", "[edit]", "NewPP", "Retrieved from", "Navigation menu", "Jump to",
                          "Privacy policy", "Revision as of"] {
            #expect(!text.contains(furniture), "\(furniture) in \(name)")
        }
    }

    /// Headings, in order, as the wikitext writes them (`== Title ==`).
    @Test(arguments: zip(revisions, 1...revisions.count))
    func headingsFollowTheWikitext(name: String, number: Int) throws {
        let wikitext = try MediaWikiExportFixtures.revisionWikitext(number)
        let expected: [(Int, String)] = wikitext.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("="), line.hasSuffix("=") else { return nil }
            let level = line.prefix { $0 == "=" }.count
            return (level, line.dropFirst(level).dropLast(level).trimmingCharacters(in: .whitespaces))
        }
        var got: [(Int, String, String)] = []
        try Self.read(name).document.forEachBlock { block in
            if case .heading(let level, let content, let attr) = block { got.append((level, content.plainText, attr.id)) }
        }
        #expect(got.map(\.0) == expected.map(\.0))
        #expect(got.map(\.1) == expected.map(\.1))
        // MediaWiki's anchors are the titles with underscores.
        #expect(got.map(\.2) == expected.map { $0.1.replacingOccurrences(of: " ", with: "_") })
    }

    /// Every paragraph's text is in the wikitext (which holds no markup in r1).
    @Test func paragraphsAreTheWikitextSentences() throws {
        let wikitext = try MediaWikiExportFixtures.revisionWikitext(1)
        var paragraphs = 0
        try Self.read("r1").document.forEachBlock { block in
            guard case .paragraph(let content, _) = block else { return }
            paragraphs += 1
            #expect(wikitext.contains(content.plainText), "\(content.plainText)")
        }
        #expect(paragraphs == wikitext.components(separatedBy: "\n\n").filter { !$0.hasPrefix("=") }.count)
    }

    /// Without the SyntaxHighlight extension, MediaWiki shows `<source>` as
    /// text and the indented code lines as leading-space preformatting.
    @Test func unhighlightedSourceBecomesPreformattedText() throws {
        let wikitext = try MediaWikiExportFixtures.revisionWikitext(2)
        let indented = wikitext.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { $0.hasPrefix(" ") }.map { String($0.dropFirst()) }
        var preformatted: [String] = []
        var paragraphs: [String] = []
        try Self.read("r2").document.forEachBlock { block in
            if case .preformatted(let content, _) = block { preformatted.append(content.plainText) }
            if case .paragraph(let content, _) = block { paragraphs.append(content.plainText) }
            if case .codeBlock = block { Issue.record("no code block without SyntaxHighlight") }
        }
        #expect(preformatted == [indented.joined(separator: "\n")])
        #expect(paragraphs.contains { $0.contains(#"<source lang="c">"#) })
        #expect(paragraphs.contains("</source>"))
    }

    @Test func linksAndEmphasisOfTheFixtureEdit() throws {
        let wikitext = try MediaWikiExportFixtures.revisionWikitext(3)
        var links: [Link] = []
        var strong: [String] = [], emphasis: [String] = []
        func collect(_ inlines: [Inline]) {
            for inline in inlines {
                switch inline {
                case .link(let link): links.append(link)
                case .strong(let c): strong.append(c.plainText)
                case .emphasis(let c): emphasis.append(c.plainText)
                default: break
                }
            }
        }
        try Self.read("r3").document.forEachBlock { block in
            if case .paragraph(let content, _) = block { collect(content) }
        }
        #expect(links.map(\.kind) == [.wiki, .wiki, .external])
        #expect(links.map(\.content.plainText) == ["pv_ops", "XenParavirtOps", "microcode/core.c in Linux 4.2"])
        #expect(links[0].target == "XenParavirtOps")
        #expect(links[0].attr.classes == ["new"])  // a red link: the page does not exist
        #expect(wikitext.contains("[\(links[2].target) "))
        #expect(strong == ["must"] && wikitext.contains("'''must'''"))
        #expect(emphasis == ["always"] && wikitext.contains("''always''"))
    }
}
