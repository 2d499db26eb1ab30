import Foundation
import Testing
@testable import Wiki
#if canImport(Glibc)
import Glibc
#endif

@Suite struct MediaWikiExportMemoryTests {
    /// This process's resident memory in bytes (Linux), 0 where unknown.
    static func residentBytes() -> Int {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = statm.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// Reading a page must not leave anything behind: resident memory after
    /// the last of 6,000 pages (about 30 MB of dump, 18,000 revisions) is
    /// within a few MB of what it was after page 500. A reader that kept
    /// pages (or libxml2 nodes) would grow by tens of MB here. (Resident
    /// memory rather than allocator counters, which Swift's Glibc module does
    /// not expose; the file is read through a descriptor, so none of it is
    /// mapped into the process.)
    @Test(.enabled(if: residentBytes() > 0)) func memoryDoesNotGrowWithPageCount() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pvyield-export-memory-\(UUID()).xml")
        defer { try? FileManager.default.removeItem(at: url) }
        let pageCount = 6_000
        try MediaWikiExportSyntheticDump.write(to: url, pages: pageCount)
        let dumpBytes = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0

        var pagesSeen = 0, revisionsSeen = 0
        var baseline = 0, highest = 0
        try MediaWikiExportReader(path: url.path).forEachPage { page in
            pagesSeen += 1
            revisionsSeen += page.revisions.count
            if pagesSeen == 500 { baseline = Self.residentBytes() }
            if pagesSeen > 500 { highest = max(highest, Self.residentBytes()) }
        }
        #expect(pagesSeen == pageCount)
        #expect(revisionsSeen == pageCount * 3)
        let growth = highest - baseline
        #expect(dumpBytes > 25_000_000)
        #expect(growth < 10_000_000, "resident memory grew by \(growth) bytes over \(dumpBytes) bytes of dump")
    }
}
