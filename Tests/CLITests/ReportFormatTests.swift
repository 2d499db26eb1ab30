import Foundation
import Testing
import TestSupport
import LibXML

/// `verify --format junit|tap|prometheus` on a snapshot fixture, checked by
/// what consumers of those formats rely on.
@Suite struct ReportFormatTests {
    static let fixture = Golden.fixtures.appendingPathComponent("snapshots/xen-pv-dom0-6.1").path

    static func verify(_ format: String) throws -> CLITests.Run {
        try CLITests.run(["verify", "--root", fixture, "--format", format])
    }

    @Test func junitIsWellFormedAndCountsVerdicts() throws {
        let r = try Self.verify("junit")
        #expect(r.status == 1)  // the IOMMU table claims are contradicted
        let reader = try XMLStreamReader(bytes: Array(r.stdout.utf8))
        var cases = 0, failures = 0, skipped = 0
        while try reader.read() {
            guard reader.kind == .startElement else { continue }
            switch reader.localName {
            case "testcase": cases += 1
            case "failure": failures += 1
            case "skipped": skipped += 1
            default: break
            }
        }
        #expect(cases == 14)
        #expect(failures == 3)
        #expect(r.stdout.contains("failures=\"\(failures)\""))
        #expect(r.stdout.contains("skipped=\"\(skipped)\""))
    }

    @Test func tapHasAPlanAndOneLinePerClaim() throws {
        let r = try Self.verify("tap")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.first == "TAP version 13")
        #expect(lines.dropFirst().first == "1..14")
        let results = lines.filter { $0.hasPrefix("ok ") || $0.hasPrefix("not ok ") }
        #expect(results.count == 14)
        #expect(results.filter { $0.hasPrefix("not ok ") }.count == 3)
        #expect(results.contains { $0.contains("# SKIP") })
    }

    @Test func prometheusLinesParse() throws {
        let r = try Self.verify("prometheus")
        let sample = try Regex(#"^[a-z_]+\{([a-z]+="([^"\\]|\\.)*",?)+\} [01]?[0-9]*$"#)
        for line in r.stdout.split(separator: "\n") where !line.hasPrefix("#") {
            #expect(line.wholeMatch(of: sample) != nil, "\(line)")
        }
        #expect(r.stdout.contains("pvyield_claims{platform=\"Xen PV dom0\",verdict=\"contradicted\"} 3"))
    }
}
