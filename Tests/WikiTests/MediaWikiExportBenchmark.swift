import Foundation
import Testing
@testable import Wiki

/// Run by `scripts/bench/export-dump.sh`, which names a (large) dump in
/// PVYIELD_EXPORT_BENCH_FILE; skipped otherwise. Prints counts, throughput
/// and this process's peak resident set size.
@Suite struct MediaWikiExportBenchmark {
    static let dump = ProcessInfo.processInfo.environment["PVYIELD_EXPORT_BENCH_FILE"]

    static func peakResidentKB() -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }

    @Test(.enabled(if: dump != nil)) func readWholeDump() throws {
        let path = try #require(Self.dump)
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
        var pages = 0, revisions = 0, textBytes = 0
        let start = ContinuousClock.now
        try MediaWikiExportReader(path: path).forEachPage { page in
            pages += 1
            revisions += page.revisions.count
            for revision in page.revisions { textBytes += revision.text.utf8.count }
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print(String(format: "export-bench: %d bytes, %d pages, %d revisions, %d text bytes, %.1f s, %.1f MB/s, peak RSS %d KB",
                     size, pages, revisions, textBytes, seconds, Double(size) / 1e6 / seconds, Self.peakResidentKB()))
        #expect(pages > 0)
    }
}
