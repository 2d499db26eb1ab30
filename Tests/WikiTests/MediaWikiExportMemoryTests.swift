import Foundation
import Testing
@testable import Wiki

/// Memory must not grow with the number of pages read. Resident memory is
/// process-wide and other tests run in parallel, so each dump is read in a
/// child process of its own: this test binary, running only the
/// `MediaWikiExportBenchmark` hook, which reports its peak resident set.
@Suite struct MediaWikiExportMemoryTests {
    static let testBinary = Bundle.main.executablePath ?? CommandLine.arguments[0]

    /// The peak resident set (KB) of a child process that reads `pages` pages.
    static func peakResidentKB(readingPages pages: Int) throws -> Int {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pvyield-export-memory-\(UUID()).xml")
        defer { try? FileManager.default.removeItem(at: url) }
        try MediaWikiExportSyntheticDump.write(to: url, pages: pages)

        let child = Process()
        child.executableURL = URL(fileURLWithPath: testBinary)
        child.arguments = ["--testing-library", "swift-testing", "--filter", "MediaWikiExportBenchmark"]
        var environment = ProcessInfo.processInfo.environment
        environment["PVYIELD_EXPORT_BENCH_FILE"] = url.path
        child.environment = environment
        let output = Pipe()
        child.standardOutput = output
        child.standardError = FileHandle.nullDevice
        try child.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        child.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        let report = try #require(text.split(separator: "\n").first { $0.contains("export-bench:") },
                                  "no benchmark report from the child: \(text.suffix(500))")
        #expect(report.contains(" \(pages) pages, \(pages * 3) revisions"))
        let afterRSS = try #require(report.range(of: "peak RSS "))
        return try #require(Int(report[afterRSS.upperBound...].prefix { $0.isNumber }))
    }

    /// Ten times the pages (3 MB against 33 MB of dump) may not cost more
    /// than a few MB of peak memory; a reader that kept pages or libxml2
    /// nodes would need at least the 30 MB difference.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/status")))
    func memoryDoesNotGrowWithPageCount() throws {
        let small = try Self.peakResidentKB(readingPages: 600)
        let large = try Self.peakResidentKB(readingPages: 6_000)
        #expect(large - small < 8_000, "peak RSS \(small) KB for 600 pages, \(large) KB for 6,000")
        #expect(large < 64_000)
    }
}
