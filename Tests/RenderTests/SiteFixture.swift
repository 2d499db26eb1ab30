import Foundation
import TestSupport
import Handbook
import Probes
@testable import Render

/// The bundled content with fixed, machine-independent verdicts: an empty
/// system for this build's run, and two synthetic guest runs (one with a
/// kernel source tree that finds a claim stale).
enum SiteFixture {
    static let content = Golden.repositoryRoot.appendingPathComponent("content")
    static let templates = Golden.repositoryRoot.appendingPathComponent("templates")
    static let when = Date(timeIntervalSince1970: 1_700_000_000)

    static func load() throws -> (Handbook, ProbeCatalog) {
        let handbook = try ContentLoader(root: content).load()
        return (handbook, try ProbeCatalog.load(contentRoot: content, handbook: handbook))
    }

    static func report(_ h: Handbook, _ c: ProbeCatalog) -> VerificationReport {
        let platform = Platform(hypervisor: "xen", xenGuestType: "PV", xenDomain: "dom0", kernelRelease: "6.1.0-test")
        return VerificationReport.run(handbook: h, catalog: c, system: EmptySystem(), platform: platform, now: when)
    }

    /// A guest run as content/verifications would hold it. `stale` marks a
    /// claim contradicted by a Linux 6.12 source tree.
    static func guest(_ h: Handbook, _ c: ProbeCatalog, guest: String, type: String, series: String, release: String,
                      stale: String? = nil) throws -> GuestVerification {
        let platform = Platform(hypervisor: "xen", xenGuestType: type, xenDomain: "dom0", kernelRelease: release)
        var report = VerificationReport.run(handbook: h, catalog: c, system: EmptySystem(), platform: platform, now: when)
        if let stale, let i = report.claims.firstIndex(where: { $0.id == stale }) {
            let json = #"{"tree":"/src/linux-\#(series)","version":"\#(series).0","verdict":"contradicted","reason":"Linux \#(series).0 source differs: stale","evidence":[]}"#
            report.claims[i].sources = [try JSONDecoder().decode(VerificationReport.SourceEntry.self, from: Data(json.utf8))]
        }
        return GuestVerification(guest: guest, kernelSeries: series, kernelRelease: release, kernelVersion: nil,
                                 xenVersion: "4.17.7", date: "2025-01-10T12:00:00Z", report: report)
    }

    static func options(_ h: Handbook, _ c: ProbeCatalog) throws -> SiteOptions {
        SiteOptions(guests: [
            try guest(h, c, guest: "xen-pv-dom0", type: "PV", series: "6.1", release: "6.1.192"),
            try guest(h, c, guest: "xen-pv-dom0", type: "PV", series: "6.12", release: "6.12.9", stale: "microcode.init-returns-early"),
            try guest(h, c, guest: "xen-pvh-dom0", type: "PVH", series: "6.1", release: "6.1.192"),
        ])
    }

    static func builder(guests: Bool = true) throws -> SiteBuilder {
        let (h, c) = try load()
        return SiteBuilder(handbook: h, catalog: c, report: report(h, c), templates: templates,
                           options: guests ? try options(h, c) : SiteOptions())
    }

    static func site(guests: Bool = true) throws -> [String: String] { try builder(guests: guests).render() }

    static func slug() throws -> String { SiteNames.pageSlug(try load().0.pages[0].title) }
}

/// Probes read nothing in these tests.
struct EmptySystem: SystemView {
    var origin: String { "empty test system" }
    func readFile(_ path: String) -> ReadOutcome<String> { .missing }
    func pathKind(_ path: String) -> ReadOutcome<PathKind> { .missing }
    func listDirectory(_ path: String) -> ReadOutcome<[String]> { .missing }
    func kernelLog() -> ReadOutcome<[String]> { .value([]) }
    func cpuid(leaf: UInt32, subleaf: UInt32) -> ReadOutcome<CPUIDResult> { .missing }
    func kernelRelease() -> ReadOutcome<String> { .value("6.1.0-test") }
}
