import Foundation
import Testing
@testable import Probes

/// Detection on every hand-made fixture (Tests/Fixtures/snapshots), and the
/// fixtures themselves checked against kernel-facts.md, so a fixture that
/// drifts from the facts fails here rather than misleading a probe.
@Suite struct PlatformFixtureTests {
    struct Expected: Sendable, CustomStringConvertible {
        var fixture: String
        var hypervisor: String
        var guestType: String?
        var domain: String?
        var container: String?
        var description: String { fixture }
    }

    static let expectations: [Expected] = [
        Expected(fixture: "xen-pv-dom0-6.1", hypervisor: "xen", guestType: "PV", domain: "dom0"),
        Expected(fixture: "xen-pv-domu-6.1", hypervisor: "xen", guestType: "PV", domain: "domU"),
        Expected(fixture: "xen-pvh-dom0-6.1", hypervisor: "xen", guestType: "PVH", domain: "dom0"),
        Expected(fixture: "xen-hvm-domu-6.1", hypervisor: "xen", guestType: "HVM", domain: "domU"),
        Expected(fixture: "kvm-guest-6.1", hypervisor: "kvm"),
        Expected(fixture: "bare-metal-6.1", hypervisor: "none"),
        Expected(fixture: "container-docker", hypervisor: "kvm", container: "docker"),
    ]

    @Test func everyFixtureHasAnExpectation() {
        #expect(Set(FixtureLocator.snapshotNames) == Set(Self.expectations.map(\.fixture)))
    }

    @Test(arguments: expectations)
    func detectsTheFixturesPlatform(_ expected: Expected) throws {
        let system = try SnapshotSystem(directory: FixtureLocator.snapshot(expected.fixture))
        let platform = PlatformDetector.detect(system)
        #expect(platform.hypervisor == expected.hypervisor)
        #expect(platform.xenGuestType == expected.guestType)
        #expect(platform.xenDomain == expected.domain)
        #expect(platform.container == expected.container)
        #expect(platform.kernelRelease == "6.1.0-56-amd64")
        #expect(!platform.evidence.isEmpty)
        // Every read detection made was answered by the fixture: no gaps.
        #expect(!platform.evidence.contains { $0.observed.contains("not in snapshot") }, "\(platform.evidence)")
    }

    @Test func underXenPVTheLeakedHostCPUIDIsIgnored() throws {
        // The dom0 fixture's user-space CPUID shows the outer QEMU (TCG); the
        // domU's shows bare metal. Both must still be Xen PV.
        let dom0 = try SnapshotSystem(directory: FixtureLocator.snapshot("xen-pv-dom0-6.1"))
        #expect(dom0.cpuid(leaf: 0x4000_0000, subleaf: 0).value?.signature == "TCGTCGTCGTCG")
        let evidence = PlatformDetector.detect(dom0).evidence
        #expect(evidence.contains { $0.source == "CPUID 0x40000000" && $0.meaning.contains("ignored") })

        let domU = try SnapshotSystem(directory: FixtureLocator.snapshot("xen-pv-domu-6.1"))
        #expect(HypervisorCPUID.read(domU).hypervisorBit == false)
    }

    @Test func detectionNeverReadsTheKernelLog() throws {
        for name in FixtureLocator.snapshotNames {
            let recording = RecordingSystem(wrapping: try SnapshotSystem(directory: FixtureLocator.snapshot(name)))
            _ = PlatformDetector.detect(recording)
            #expect(!recording.reads.contains { $0.key == .kernelLog }, "\(name)")
        }
    }

    // MARK: - The fixtures against kernel-facts.md and recipes/xen-guest.md

    @Test(arguments: expectations)
    func fixtureHoldsWhatProbesRead(_ expected: Expected) throws {
        let system = try SnapshotSystem(directory: FixtureLocator.snapshot(expected.fixture))
        let recorded = Set(system.reads.map(\.key))
        for key: RecordedRead.Key in [
            .kernelRelease, .kernelLog, .cpuid(1, 0), .cpuid(0x4000_0000, 0),
            .file("/sys/hypervisor/type"), .file("/sys/hypervisor/guest_type"),
            .file("/sys/hypervisor/properties/features"), .directory("/proc/xen"),
            .file("/proc/cpuinfo"), .directory("/sys/class/iommu"), .directory("/sys/kernel/iommu_groups"),
            .directory("/sys/devices/system/cpu/microcode"), .file("/proc/mtrr"), .file("/proc/kallsyms"),
            .file("/boot/config-6.1.0-56-amd64"),
        ] {
            #expect(recorded.contains(key), "\(expected.fixture) lacks \(key)")
        }
    }

    @Test(arguments: expectations)
    func fixtureAgreesWithTheFacts(_ expected: Expected) throws {
        let s = try SnapshotSystem(directory: FixtureLocator.snapshot(expected.fixture))
        let isXen = expected.hypervisor == "xen"
        let isPV = expected.guestType == "PV"
        let bareMetal = expected.hypervisor == "none"
        let log = s.kernelLog().value ?? []
        let flags = s.readFile("/proc/cpuinfo").value?.split(separator: "\n")
            .first { $0.hasPrefix("flags") }.map { Set($0.split(separator: " ").map(String.init)) } ?? []

        // "hypervisor" flag in every guest, never on bare metal.
        #expect(flags.contains("hypervisor") == !bareMetal)
        // Xen PV clears X86_FEATURE_MTRR: no "mtrr" flag and no /proc/mtrr on 6.1.
        #expect(flags.contains("mtrr") == !isPV)
        #expect(s.readFile("/proc/mtrr").isMissing == isPV)
        // The driver's folder exists only where it loaded; `reload` needs late
        // loading, which Debian's 6.1 config leaves off.
        #expect(s.pathKind("/sys/devices/system/cpu/microcode").value == (bareMetal ? .directory : nil))
        // An IOMMU shows only on bare metal here (no virtual IOMMU in the guests).
        #expect((s.listDirectory("/sys/class/iommu").value?.isEmpty ?? true) == !bareMetal)
        // No paravirt_enabled in 6.1's kallsyms (removed in 2016); iommu_present still there.
        let kallsyms = s.readFile("/proc/kallsyms").value ?? ""
        #expect(!kallsyms.contains(" paravirt_enabled\n"))
        #expect(kallsyms.contains(" iommu_present\n"))
        // Xen's sysfs and procfs where the facts put them.
        #expect((s.readFile("/sys/hypervisor/type").value == "xen\n") == isXen)
        if isXen {
            #expect(s.readFile("/sys/hypervisor/guest_type").value == "\(expected.guestType!)\n")
            let bits = UInt32(s.readFile("/sys/hypervisor/properties/features").value!.trimmingWhitespace, radix: 16)!
            #expect((bits & (1 << 11) != 0) == (expected.domain == "dom0"))
        }
        if expected.domain == "dom0" { #expect(s.readFile("/proc/xen/capabilities").value == "control_d\n") }
        // Boot banners as 6.1 prints them (the fixtures carry them for probes; detection ignores them).
        if expected.container == nil {
            let banner: String = switch (expected.hypervisor, expected.guestType) {
            case ("xen", "PV"): "Booting kernel on Xen"
            case ("xen", "PVH"): "Booting kernel on Xen PVH"
            case ("xen", "HVM"): "Booting paravirtualized kernel on Xen HVM"
            case ("kvm", _): "Booting paravirtualized kernel on KVM"
            default: "Booting paravirtualized kernel on bare hardware"
            }
            #expect(log.contains(banner))
            #expect(log.contains("x86/PAT: MTRRs disabled, skipping PAT initialization too.") == isPV)
            #expect(log.contains("microcode: Microcode Update Driver: v2.2.") == bareMetal)
            // SWIOTLB in a PV dom0, not in a plain domU.
            #expect(log.contains("PCI-DMA: Using software bounce buffering for IO (SWIOTLB)") == (isPV && expected.domain == "dom0"))
        } else {
            #expect(s.kernelLog().value == nil)
        }
    }
}
