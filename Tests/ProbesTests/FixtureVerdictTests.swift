import Foundation
import Testing
import TestSupport
import Handbook
@testable import Probes

/// Every claim's verdict on every snapshot fixture, and the detection answer.
/// The table is the expected reading of the facts in shared/ for each platform.
@Suite struct FixtureVerdictTests {
    static let content = Golden.repositoryRoot.appendingPathComponent("content")
    static let snapshots = Golden.fixtures.appendingPathComponent("snapshots")

    typealias V = Verdict
    static let h: V = .holds, c: V = .contradicted, n: V = .notApplicable, u: V = .unknown

    /// Claim ids in a fixed order, then one row per fixture.
    static let claims = [
        "iommu.pv-passthrough-needs-bounce-buffers", "iommu.init-macros-order", "iommu.init-finish-stops-later-inits",
        "iommu.xen-uses-init-finish", "iommu.pv-only-xen-iommu", "iommu.api-guard-iommu-present",
        "iommu.present-false-for-paravirt", "microcode.bail-on-paravirt-enabled", "microcode.yields-to-hypervisor",
        "microcode.init-returns-early", "mtrr.pv-hides-mtrrs", "mtrr.pv-6.1-skips-pat", "mtrr.pv-6.12-read-only-map",
        "mtrr.pvh-shows-mtrrs",
    ]

    static let expected: [(fixture: String, platform: String, verdicts: [V])] = [
        //                                            bounce table table table pvonly present pfalse pvena yield init   pvmtrr pat  ro   pvh
        ("xen-pv-dom0-6.1", "Xen PV dom0",          [h,     c,    c,    c,    h,     h,      h,     n,    h,    n,     h,     h,   n,   n]),
        ("xen-pv-domu-6.1", "Xen PV domU",          [n,     c,    c,    c,    h,     h,      h,     n,    h,    n,     h,     h,   n,   n]),
        ("xen-pvh-dom0-6.1", "Xen PVH dom0",        [n,     c,    c,    c,    n,     h,      n,     n,    h,    n,     n,     n,   n,   h]),
        ("xen-hvm-domu-6.1", "Xen HVM domU",        [n,     c,    c,    c,    n,     h,      n,     n,    h,    n,     n,     n,   n,   n]),
        ("kvm-guest-6.1", "KVM guest",              [n,     c,    c,    c,    n,     h,      n,     n,    h,    n,     n,     n,   n,   n]),
        ("bare-metal-6.1", "bare metal",            [n,     c,    c,    c,    n,     h,      n,     n,    n,    n,     n,     n,   n,   n]),
        // The container may not read the kernel log: the microcode claim stays open.
        ("container-docker", "KVM guest (in a docker container)", [n, c, c,   c,    n,     h,      n,     n,    u,    n,     n,     n,   n,   n]),
    ]

    static func load() throws -> (Handbook, ProbeCatalog) {
        let handbook = try ContentLoader(root: content).load()
        return (handbook, try ProbeCatalog.load(contentRoot: content, handbook: handbook))
    }

    @Test func tableCoversEveryCheckableClaim() throws {
        let (h, _) = try Self.load()
        #expect(Set(h.allClaims.filter(\.isCheckable).map(\.id)) == Set(Self.claims))
    }

    @Test(arguments: expected.map(\.fixture))
    func verdictsOnFixture(_ fixture: String) throws {
        let row = try #require(Self.expected.first { $0.fixture == fixture })
        let (handbook, catalog) = try Self.load()
        let system = try SnapshotSystem(directory: Self.snapshots.appendingPathComponent(fixture))
        let platform = PlatformDetector.detect(system)
        #expect(platform.summary == row.platform)
        let report = VerificationReport.run(handbook: handbook, catalog: catalog, system: system, platform: platform)
        for (id, want) in zip(Self.claims, row.verdicts) {
            let got = try #require(report.claims.first { $0.id == id })
            #expect(got.verdict == want, "\(fixture) \(id): \(got.verdict.rawValue) — \(got.reason) \(got.evidence.map { "\($0.source): \($0.observed)" })")
        }
    }
}
