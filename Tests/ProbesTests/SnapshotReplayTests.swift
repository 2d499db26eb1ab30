import Foundation
import Testing
@testable import Probes

/// What replay answers for reads the snapshot did and did not record.
@Suite struct SnapshotReplayTests {
    let replay: SnapshotSystem

    init() throws {
        replay = try SnapshotSystem(directory: FixtureLocator.snapshot("xen-pv-dom0-6.1"))
    }

    @Test func unrecordedReadsAreGapsNotEvidence() {
        #expect(replay.readFile("/etc/hostname") == .failed("not in snapshot"))
        #expect(replay.listDirectory("/sys/bus/pci/devices") == .failed("not in snapshot"))
        #expect(replay.cpuid(leaf: 7, subleaf: 0) == .failed("not in snapshot"))
    }

    @Test func aNameMissingFromARecordedListingIsMissing() {
        // /proc/xen was listed; it had no "balloon".
        #expect(replay.readFile("/proc/xen/balloon") == .missing)
        #expect(replay.pathKind("/proc/xen/balloon") == .missing)
        // /sys/class/iommu was listed empty: nothing below it exists.
        #expect(replay.pathKind("/sys/class/iommu/dmar0") == .missing)
        #expect(replay.readFile("/sys/class/iommu/dmar0/devices/x") == .missing)
    }

    @Test func aListedNameThatWasNotReadIsAGap() {
        #expect(replay.readFile("/proc/xen/xsd_port") == .failed("not in snapshot"))
    }

    @Test func belowAMissingDirectoryOrAFileEverythingIsMissing() {
        #expect(replay.pathKind("/sys/devices/system/cpu/microcode/reload") == .missing)
        #expect(replay.readFile("/proc/cpuinfo/x") == .missing)
    }

    @Test func pathKindFollowsFromFilesAndListings() {
        #expect(replay.pathKind("/proc/cpuinfo") == .value(.file))
        #expect(replay.pathKind("/proc/xen") == .value(.directory))
        #expect(replay.pathKind("/proc/mtrr") == .missing)
    }

    @Test func pathsAreNormalizedBeforeLookup() {
        #expect(replay.readFile("/sys/hypervisor//type") == .value("xen\n"))
        #expect(replay.listDirectory("/proc/xen/") == replay.listDirectory("/proc/xen"))
        #expect(replay.readFile("/sys/hypervisor/../hypervisor/type") == .failed("not in snapshot"))
    }
}
