import Foundation
import Testing
@testable import Wiki

private func pages(_ reader: MediaWikiExportReader) throws -> (ExportSiteInfo, [ExportPage]) {
    var pages: [ExportPage] = []
    let info = try reader.forEachPage { pages.append($0) }
    return (info, pages)
}

@Suite struct MediaWikiExportReaderTests {
    @Test func readsTheYieldingPageHistory() throws {
        let (info, pages) = try pages(MediaWikiExportReader(path: MediaWikiExportFixtures.yieldingExport))
        #expect(info.schemaVersion == "0.11")
        #expect(info.language == "en")
        #expect(info.siteName == "TestWiki")
        #expect(info.databaseName == "wikidb")
        #expect(info.generator == "MediaWiki 1.39.17")
        #expect(info.titleCase == "first-letter")
        #expect(info.base?.hasSuffix("/Main_Page") == true)
        #expect(info.namespaces.count == 18)
        #expect(info.namespace(key: 0) == ExportNamespace(key: 0, titleCase: "first-letter", name: ""))
        #expect(info.namespace(key: 3)?.name == "User talk")
        #expect(info.namespace(key: -2)?.name == "Media")

        let page = try #require(pages.first)
        #expect(pages.count == 1)
        #expect(page.title == "XenParavirtOps/yielding")
        #expect(page.namespace == 0)
        #expect(page.id == 2)
        #expect(!page.isRedirect)
        #expect(page.revisions.map(\.info.id) == [2, 3, 4])
        #expect(page.revisions.map(\.info.parentID) == [nil, 2, 3])
        #expect(page.revisions.map(\.info.timestamp) == ["2015-08-08T00:40:00Z", "2015-08-08T01:00:00Z", "2015-08-09T09:15:00Z"])
        #expect(page.revisions.map(\.info.contributor) == ["Admin", "Mcgrof", "Admin"])
        #expect(page.revisions.map(\.contributor.id) == [1, 3, 1])
        #expect(page.revisions[1].info.comment == "Add CPU Microcode and MTRR sections")
        #expect(page.revisions.allSatisfy { $0.info.model == "wikitext" && $0.info.format == "text/x-wiki" })
        #expect(page.revisions[0].info.sha1 == "aivjam4jrj73bxcchziboh5jl6y4rf0")
        #expect(page.revisions[0].textSHA1 == "aivjam4jrj73bxcchziboh5jl6y4rf0")
        #expect(page.revisions.allSatisfy { !$0.isMinor && !$0.isTextDeleted })
    }

    @Test func revisionTextIsTheStoredWikitextExactly() throws {
        let (_, pages) = try pages(MediaWikiExportReader(path: MediaWikiExportFixtures.yieldingExport))
        let revisions = try #require(pages.first?.revisions)
        for (index, revision) in revisions.enumerated() {
            // MediaWiki strips the trailing newline the fixture files end with.
            var expected = try MediaWikiExportFixtures.revisionWikitext(index + 1)
            if expected.hasSuffix("\n") { expected.removeLast() }
            #expect(revision.text == expected)
            #expect(revision.textBytes == revision.text.utf8.count)
        }
        #expect(revisions[1].text.contains(#"<source lang="c">"#))
        #expect(revisions[1].text.contains("&cpu_data(0)"))
    }

    @Test func readsSchema010LikeSchema011() throws {
        let (info10, pages10) = try pages(MediaWikiExportReader(path: MediaWikiExportFixtures.yieldingExport010))
        let (_, pages11) = try pages(MediaWikiExportReader(path: MediaWikiExportFixtures.yieldingExport))
        #expect(info10.schemaVersion == "0.10")
        #expect(pages10.first?.revisions.map(\.info) == pages11.first?.revisions.map(\.info))
        #expect(pages10.first?.revisions.map(\.text) == pages11.first?.revisions.map(\.text))
        // 0.10 has no sha1 attribute on <text>.
        #expect(pages10.first?.revisions.allSatisfy { $0.textSHA1 == nil } == true)
    }

    @Test func readsARealDumpBackupExport() throws {
        let (info, pages) = try pages(MediaWikiExportReader(path: MediaWikiExportFixtures.throwawayWiki))
        #expect(info.siteName == "TestWiki")
        #expect(pages.map(\.title) == ["Main Page", "Sample page", "Synthetic page", "Template:Foo"])
        #expect(pages.map(\.namespace) == [0, 0, 0, 10])
        #expect(pages.map(\.id) == [1, 2, 3, 4])
        for page in pages {
            for revision in page.revisions {
                #expect(revision.textBytes == revision.text.utf8.count, "\(page.title)")
            }
        }
        let sample = try #require(pages.first { $0.title == "Sample page" }?.revisions.first)
        #expect(sample.text.hasPrefix("== Heading ==\n* item one"))
        #expect(sample.text.hasSuffix("<pre>raw <b>pre</b></pre>"))
    }

    @Test func memoryAndFileInputsGiveTheSamePages() throws {
        let path = MediaWikiExportFixtures.yieldingExport
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let fromFile = try pages(MediaWikiExportReader(path: path))
        let fromData = try pages(MediaWikiExportReader(data: data))
        let fromString = try pages(MediaWikiExportReader(string: String(decoding: data, as: UTF8.self)))
        #expect(fromFile.1 == fromData.1)
        #expect(fromFile.1 == fromString.1)
        #expect(fromFile.0 == fromData.0)
    }

    @Test func siteInfoComesBeforeTheFirstPage() throws {
        var events: [String] = []
        try MediaWikiExportReader(path: MediaWikiExportFixtures.throwawayWiki).read(
            siteInfo: { events.append("site:\($0.siteName ?? "")") },
            page: { events.append("page:\($0.title)") })
        #expect(events.prefix(2) == ["site:TestWiki", "page:Main Page"])
        #expect(events.count == 5)
    }

    @Test func readSiteInfoStopsBeforeThePages() throws {
        // The page is broken, so reading it would fail; the site info alone does not.
        let xml = MediaWikiExportFixtures.export("<siteinfo><sitename>S</sitename></siteinfo><page><ns>0</ns></page>")
        let reader = MediaWikiExportReader(string: xml)
        #expect(try reader.readSiteInfo().siteName == "S")
        #expect(throws: ReadError.self) { try reader.forEachPage { _ in } }
    }

    @Test func callerErrorsStopReadingAndPassThrough() throws {
        struct Enough: Error {}
        var seen = 0
        #expect(throws: Enough.self) {
            try MediaWikiExportReader(path: MediaWikiExportFixtures.throwawayWiki).forEachPage { _ in
                seen += 1
                throw Enough()
            }
        }
        #expect(seen == 1)
    }

    @Test func readsIPContributorsMinorEditsRedirectsAndDeletions() throws {
        let xml = MediaWikiExportFixtures.export("""
        <siteinfo><sitename>S</sitename></siteinfo>
        <page>
          <title>Old name</title><ns>0</ns><id>7</id>
          <redirect title="New name" />
          <restrictions>edit=sysop</restrictions>
          <revision>
            <id>10</id><timestamp>2020-01-01T00:00:00Z</timestamp>
            <contributor><ip>192.0.2.1</ip></contributor>
            <minor />
            <comment>typo</comment>
            <model>wikitext</model><format>text/x-wiki</format>
            <text bytes="21" xml:space="preserve">#REDIRECT [[New name]]</text>
            <sha1>abc</sha1>
          </revision>
          <revision>
            <id>11</id><parentid>10</parentid><timestamp>2020-01-02T00:00:00Z</timestamp>
            <contributor deleted="deleted" />
            <comment deleted="deleted" />
            <model>wikitext</model><format>text/x-wiki</format>
            <text bytes="50" deleted="deleted" />
            <content><role>extra</role><origin>11</origin><model>json</model><format>application/json</format><text>{}</text></content>
            <sha1 />
          </revision>
        </page>
        <logitem><id>1</id><timestamp>2020-01-01T00:00:00Z</timestamp><contributor><username>A</username></contributor><type>t</type><action>a</action></logitem>
        <ext:thing xmlns:ext="urn:example">ignored <page/></ext:thing>
        """)
        let (_, pages) = try pages(MediaWikiExportReader(string: xml))
        let page = try #require(pages.first)
        #expect(pages.count == 1)
        #expect(page.redirectTarget == "New name")
        #expect(page.id == 7)
        let first = page.revisions[0], second = page.revisions[1]
        #expect(first.contributor == ExportContributor(ip: "192.0.2.1"))
        #expect(first.info.contributor == "192.0.2.1")
        #expect(first.isMinor)
        #expect(first.info.comment == "typo")
        #expect(first.text == "#REDIRECT [[New name]]")
        #expect(second.contributor.isDeleted)
        #expect(second.info.contributor == nil)
        #expect(second.isCommentDeleted && second.info.comment == nil)
        #expect(second.isTextDeleted && second.text == "" && second.textBytes == 50)
        #expect(!second.isMinor)
    }

    @Test func keepsWhitespaceAndCDATAInText() throws {
        let xml = MediaWikiExportFixtures.export(MediaWikiExportFixtures.page(revision: """
        <id>1</id><timestamp>2020-01-01T00:00:00Z</timestamp><text xml:space="preserve">  \n a<![CDATA[ <b> ]]>&#xe9;  </text>
        """))
        let (_, pages) = try pages(MediaWikiExportReader(string: xml))
        #expect(pages.first?.revisions.first?.text == "  \n a <b> é  ")
    }

    @Test func pageWithoutRevisionsIsStillAPage() throws {
        let xml = MediaWikiExportFixtures.export("<page><title>Empty</title><ns>4</ns><id>3</id></page>")
        let (_, pages) = try pages(MediaWikiExportReader(string: xml))
        #expect(pages == [ExportPage(title: "Empty", namespace: 4, id: 3)])
    }
}
