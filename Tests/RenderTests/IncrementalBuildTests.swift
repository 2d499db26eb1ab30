import Foundation
import Testing
import Handbook
@testable import Render

/// The site folder is rewritten only where pages changed, swapped in whole,
/// and never deletes what pvyield did not write.
@Suite struct IncrementalBuildTests {
    static func tempDir() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pvyield-site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every file's modification time, after backdating them all so that a rewrite cannot hide in the same second.
    static func backdate(_ folder: URL) throws -> [String: Date] {
        let fm = FileManager.default
        let old = Date(timeIntervalSince1970: 946_684_800)
        var out: [String: Date] = [:]
        for path in try fm.subpathsOfDirectory(atPath: folder.path) {
            let url = folder.appendingPathComponent(path)
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            try fm.setAttributes([.modificationDate: old], ofItemAtPath: url.path)
            out[path] = old
        }
        return out
    }

    static func mtimes(_ folder: URL) throws -> [String: Date] {
        var out: [String: Date] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
            let url = folder.appendingPathComponent(path)
            let v = try url.resourceValues(forKeys: [.isRegularFileKey, .contentModificationDateKey])
            if v.isRegularFile == true { out[path] = v.contentModificationDate }
        }
        return out
    }

    static func builder(_ h: Handbook) throws -> SiteBuilder {
        let (_, c) = try SiteFixture.load()
        return SiteBuilder(handbook: h, catalog: c, report: SiteFixture.report(h, c), templates: SiteFixture.templates,
                           options: try SiteFixture.options(h, c))
    }

    @Test func noOpRebuildWritesNothingAndLeavesMtimesAlone() throws {
        let out = try Self.tempDir().appendingPathComponent("site")
        let (h, _) = try SiteFixture.load()
        let first = try Self.builder(h).build(into: out)
        #expect(first.kept.isEmpty && first.written.count > 30)
        let before = try Self.backdate(out)
        let second = try Self.builder(h).build(into: out)
        #expect(second.written == [], "rewritten: \(second.written)")
        #expect(second.kept.count == first.written.count)
        #expect(try Self.mtimes(out) == before)
    }

    @Test func editingOneClaimsNoteRewritesOnlyThePagesShowingIt() throws {
        let out = try Self.tempDir().appendingPathComponent("site")
        var (h, _) = try SiteFixture.load()
        try Self.builder(h).build(into: out)
        let before = try Self.backdate(out)
        let i = try #require(h.pages[0].claims.firstIndex { $0.id == "iommu.pv-only-xen-iommu" })
        h.pages[0].claims[i].note = "A new note."
        let summary = try Self.builder(h).build(into: out)
        let slug = SiteNames.pageSlug(h.pages[0].title)
        // The claim's page, and the search index (notes are searchable) embedded in the search page.
        #expect(Set(summary.written) == ["\(slug)/claim/iommu.pv-only-xen-iommu.html", "search.html", "search-index.json"])
        let after = try Self.mtimes(out)
        let changed = Set(after.keys.filter { after[$0] != before[$0] })
        #expect(changed == Set(summary.written).union([IncrementalFolder.manifestName]))
    }

    @Test func removedPagesGoButFilesPvyieldDidNotWriteStay() throws {
        let out = try Self.tempDir().appendingPathComponent("site")
        var (h, _) = try SiteFixture.load()
        try Self.builder(h).build(into: out)
        let foreign = out.appendingPathComponent("markdown/notes.md")
        try FileManager.default.createDirectory(at: foreign.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: foreign)
        h.pages[0].claims.removeAll { $0.id == "kconfig.never-upstream" }
        let summary = try Self.builder(h).build(into: out)
        let slug = SiteNames.pageSlug(h.pages[0].title)
        #expect(summary.removed == ["\(slug)/claim/kconfig.never-upstream.html"])
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent(summary.removed[0]).path))
        #expect(summary.foreign == ["markdown/notes.md"])
        #expect(try String(contentsOf: foreign, encoding: .utf8) == "mine")
    }

    @Test func refusesToReplaceAFolderThatIsNotASite() throws {
        let out = try Self.tempDir()
        try Data("precious".utf8).write(to: out.appendingPathComponent("thesis.tex"))
        let (h, _) = try SiteFixture.load()
        #expect(throws: SiteError.self) { try Self.builder(h).build(into: out) }
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("thesis.tex").path))
    }

    @Test func aFailedBuildLeavesTheOldSiteWhole() throws {
        let out = try Self.tempDir().appendingPathComponent("site")
        let (h, c) = try SiteFixture.load()
        try Self.builder(h).build(into: out)
        let before = try Self.mtimes(out)
        let broken = SiteBuilder(handbook: h, catalog: c, report: SiteFixture.report(h, c),
                                 templates: try Self.tempDir())
        #expect(throws: SiteError.self) { try broken.build(into: out) }
        #expect(try Self.mtimes(out) == before)
    }

    @Test func manifestIsByteStableAndNamesEveryPage() throws {
        let files = try SiteFixture.site()
        let hashes = files.mapValues { SHA256.hex(Array($0.utf8)) }
        let json = IncrementalFolder.manifestJSON(hashes)
        #expect(json == IncrementalFolder.manifestJSON(hashes))
        #expect(json.contains("\"index.html\": \"\(hashes["index.html"]!)\""))
        // FIPS 180-4 test vector.
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.base64(Array("".utf8)) == "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")
    }
}
